@testable import Import

/// The XML reader for `.xlsx` parts (`casebook import`): any bytes give a tree or a `Problem`,
/// never a crash or a hang. A tree is at most `WorkbookXML.maximumDepth` deep, and reads back
/// as itself when written out again: what was read is what the bytes said, nothing lost or
/// invented. The cell readers run over it as a sheet and as shared strings.
enum WorkbookXMLTarget {
    static func run(_ bytes: [UInt8]) {
        guard let root = try? WorkbookXML.parse(bytes) else { return }
        // At most that many open elements, and an empty one (`<a/>`) inside the deepest.
        FuzzCheck.require(depth(root) <= WorkbookXML.maximumDepth + 1, "a tree deeper than \(WorkbookXML.maximumDepth)")
        let written = Array(write(root).utf8)
        let again: WorkbookXML
        do { again = try WorkbookXML.parse(written) } catch { FuzzCheck.fail("the tree written out does not read back (\(error)): \(write(root))") }
        FuzzCheck.require(same(root, again), "the tree written out reads back differently: \(write(root))")
        walk(root)
    }

    static func depth(_ element: WorkbookXML) -> Int { 1 + (element.children.map(depth).max() ?? 0) }

    static func same(_ a: WorkbookXML, _ b: WorkbookXML) -> Bool {
        a.name == b.name && a.attributes == b.attributes && a.text == b.text
            && a.children.count == b.children.count && zip(a.children, b.children).allSatisfy(same)
    }

    /// The element as XML (empty ones as `<a/>`, as the deepest may be): its text first, then its children (the reader keeps an element's own
    /// text apart from its children's, in one string).
    static func write(_ element: WorkbookXML) -> String {
        // Under a prefix, which the reader drops: a name read after one may start with `!` or `?`.
        let name = "p:" + element.name
        var out = "<" + name
        for (key, value) in element.attributes.sorted(by: { $0.key < $1.key }) { out += " \(key)=\"\(escaped(value))\"" }
        if element.text.isEmpty, element.children.isEmpty { return out + "/>" }
        out += ">" + escaped(element.text)
        for child in element.children { out += write(child) }
        return out + "</" + name + ">"
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        // By scalar: `<` followed by a combining mark is one Character, but still starts a tag.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Reads every element as `XLSXReader` reads cells and string items: no input traps.
    static func walk(_ element: WorkbookXML) {
        _ = XLSXReader.Parts.text(element)
        if let reference = element.attributes["r"] { _ = XLSXReader.Parts.columnIndex(reference) }
        _ = try? XLSXReader.Parts.value(of: element, shared: ["a", "b"], at: "fuzz")
        _ = element.attribute("id")
        for child in element.children { walk(child) }
    }
}
