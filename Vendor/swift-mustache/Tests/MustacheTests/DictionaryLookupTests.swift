//
// Added by casebook, not part of upstream swift-mustache: checks casebook.patch.
//

import Mustache
import XCTest

/// `casebook.patch` reads a `[String: Any]` context directly and skips splitting names without
/// dots. These tests render the same data twice, once as dictionaries (the patched path) and once
/// wrapped in a `MustacheParent` class (upstream's unchanged path), and expect the same text.
final class DictionaryLookupTests: XCTestCase {
    /// Upstream's path: a context found through the `MustacheParent` cast.
    final class Wrapped: MustacheParent {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
        func child(named name: String) -> Any? { values[name] }
    }

    /// The same values, with every dictionary inside them wrapped.
    static func wrap(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]: return Wrapped(dictionary.mapValues(wrap))
        case let list as [Any]: return list.map(wrap)
        default: return value
        }
    }

    static let data: [String: Any] = [
        "title": "Top & <b>",
        "count": 3,
        "flag": true,
        "missing": NSNull(),
        "person": ["name": "Ama", "role": ["title": "Mentor"]] as [String: Any],
        "items": [
            ["name": "first", "tags": ["a", "b"]] as [String: Any],
            ["name": "second", "tags": [String]()] as [String: Any],
        ],
        "a.b": "a key with a dot",
        "a": ["b": "nested b"] as [String: Any],
    ]

    static let templates = [
        "{{title}} {{{title}}} {{count}} {{flag}}",
        "{{person.name}} {{person.role.title}} {{person.nobody}} {{nobody.name}}",
        "{{#person}}{{name}} {{title}} {{.name}} {{.title}} {{role.title}}{{/person}}",
        "{{#person}}{{#role}}{{title}}/{{name}}/{{.name}}/{{count}}{{/role}}{{/person}}",
        "{{#items}}{{name}}:{{#tags}}{{.}},{{/tags}}{{^tags}}none{{/tags}} {{title}};{{/items}}",
        "{{#items}}{{first()}}{{last()}}{{index()}} {{/items}}{{count(items)}} {{empty(items)}}",
        "{{a.b}} {{#a}}{{b}}{{/a}}",
        "[{{missing}}] {{#missing}}shown{{/missing}}{{^missing}}hidden{{/missing}}",
        "{{uppercased(person.name)}} {{lowercased(title)}} {{reversed(person.role.title)}}",
        "{{#person}}{{#.role}}{{.title}}{{/.role}}{{/person}} {{.title}} [{{.nobody}}]",
        "{{#person.role}}{{title}} under {{person.name}}{{/person.role}}",
        "{{^flag}}no{{/flag}}{{#flag}}yes {{count}}{{/flag}}",
    ]

    func testDictionaryAndParentContextsRenderTheSame() throws {
        let wrapped = Self.wrap(Self.data)
        for text in Self.templates {
            let template = try MustacheTemplate(string: text)
            XCTAssertEqual(template.render(Self.data), template.render(wrapped), text)
        }
    }

    func testLookupsReadTheDictionary() throws {
        let template = try MustacheTemplate(string: "{{person.name}} {{#person}}{{name}}, {{title}}{{/person}} {{.count}}")
        XCTAssertEqual(template.render(Self.data), "Ama Ama, Top &amp; &lt;b&gt; 3")
    }

    /// A dictionary with another value type is found through the `MustacheParent` cast, as before.
    func testOtherDictionariesStillRender() throws {
        let template = try MustacheTemplate(string: "{{name}} {{#inner}}{{value}}{{/inner}}")
        let strings: [String: String] = ["name": "plain strings"]
        XCTAssertEqual(template.render(strings), "plain strings ")
        let nested: [String: [String: Int]] = ["inner": ["value": 7]]
        XCTAssertEqual(template.render(nested), " 7")
    }
}
