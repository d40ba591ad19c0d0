// Prints the best of five timings of each case, per render or per 1,000 casts, on one core.
// The numbers in docs/benchmarks.md ("What one `{{name}}` costs") come from this file.
import Dispatch
import Foundation
import Mustache

/// The shape of casebook's `TemplateText`: a string swift-mustache prints after two type checks.
struct Text: MustacheCustomRenderable {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
}

/// A class context, to compare with the `[String: Any]` dictionaries casebook passes.
final class Object: MustacheParent {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
}

func report(_ label: String, iterations: Int, unit: String, _ body: () -> Int) {
    var best = Double.infinity
    var sink = 0
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { sink &+= body() }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations) / 1000)
    }
    // Printing the sink keeps the optimiser from dropping the work.
    print(String(format: "%8.2f µs  %@ (%@)", best, label, unit), sink == 42 ? "!" : "")
}

let tenVariables = (0..<10).map { "{{v\($0)}}" }.joined(separator: " ")
// casebook's themes are compiled with a content type that does not escape again; TEXT is the same.
let plain = "{{%CONTENT_TYPE:TEXT}}"
var strings: [String: Any] = [:]
var texts: [String: Any] = [:]
for index in 0..<10 {
    strings["v\(index)"] = "value \(index)"
    texts["v\(index)"] = Text(text: "value \(index)")
}

let empty = try MustacheTemplate(string: plain + "x")
let flat = try MustacheTemplate(string: plain + tenVariables)
let escaping = try MustacheTemplate(string: tenVariables)
let inSection = try MustacheTemplate(string: plain + "{{#inner}}" + tenVariables + "{{/inner}}")
let dotted = try MustacheTemplate(string: plain + (0..<10).map { "{{inner.v\($0)}}" }.joined(separator: " "))
var outer = texts
outer["inner"] = ["x": Text(text: "x")] as [String: Any]

print("Rendering, per render of the template:")
report("empty template", iterations: 20000, unit: "per render") { empty.render(texts).utf8.count }
report("10 variables, [String: Any] of String", iterations: 20000, unit: "per render") { flat.render(strings).utf8.count }
report("10 variables, [String: Any] of Text", iterations: 20000, unit: "per render") { flat.render(texts).utf8.count }
report("10 variables, MustacheParent class of Text", iterations: 20000, unit: "per render") { flat.render(Object(texts)).utf8.count }
report("10 variables found one level up the stack", iterations: 20000, unit: "per render") { inSection.render(outer).utf8.count }
report("10 dotted variables (inner.vN)", iterations: 20000, unit: "per render") { dotted.render(["inner": texts] as [String: Any]).utf8.count }
report("10 variables, HTML content type (escapes)", iterations: 20000, unit: "per render") { escaping.render(texts).utf8.count }

// The checks swift-mustache makes for every `{{name}}`, one at a time.
let anyText: Any = Text(text: "x")
let anyDictionary: Any = texts
let anyObject: Any = Object(texts)
@inline(never) func isRenderable(_ value: Any) -> Int { value is MustacheCustomRenderable ? 1 : 0 }
@inline(never) func isRepresentation(_ value: Any) -> Int { value is MustacheCustomRepresentation ? 1 : 0 }
@inline(never) func isParent(_ value: Any) -> Int { value is MustacheParent ? 1 : 0 }
@inline(never) func isTemplate(_ value: Any) -> Int { value is MustacheTemplate ? 1 : 0 }
func thousand(_ cast: (Any) -> Int, _ value: Any) -> Int { (0..<1000).reduce(0) { sum, _ in sum + cast(value) } }

print("Casts and name splitting, per 1,000:")
report("Text is MustacheCustomRenderable (yes)", iterations: 200, unit: "per 1,000") { thousand(isRenderable, anyText) }
report("Text is MustacheCustomRepresentation (no)", iterations: 200, unit: "per 1,000") { thousand(isRepresentation, anyText) }
report("[String: Any] is MustacheCustomRepresentation (no)", iterations: 200, unit: "per 1,000") { thousand(isRepresentation, anyDictionary) }
report("[String: Any] is MustacheParent (yes)", iterations: 200, unit: "per 1,000") { thousand(isParent, anyDictionary) }
report("class is MustacheParent (yes)", iterations: 200, unit: "per 1,000") { thousand(isParent, anyObject) }
report("Text is MustacheTemplate (no; a struct, not a protocol)", iterations: 200, unit: "per 1,000") { thousand(isTemplate, anyText) }
// As `getChild` splits every name it looks up.
@inline(never) func splitName(_ name: Any) -> Int { (name as! String).split(separator: ".").map { String($0) }.count }
report("\"abc\".split(separator: \".\") into [String]", iterations: 200, unit: "per 1,000") { thousand(splitName, "abc") }
