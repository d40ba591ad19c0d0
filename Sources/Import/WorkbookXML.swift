/// The XML of a workbook part as a tree: elements (names without their namespace prefix),
/// attributes and text.
///
/// casebook reads workbook XML itself rather than through Foundation's `XMLParser`: that parser
/// is libxml2, which would make the release binary load libxml2 and ICU (which many systems lack,
/// in versions that differ between releases), and which refuses a part over ten million bytes.
/// A workbook part is plain XML: elements, attributes, text, the five named entities and
/// character references, CDATA, comments and processing instructions. A DOCTYPE (Excel never
/// writes one; entity definitions are how XML bombs work) or anything malformed is an error.
/// One pass over the bytes, nesting at most 64 deep.
///
/// A sheet's rows and the shared strings are handed over one element at a time (`Streamed`) and
/// not kept in the tree: held as a tree, a part took about 16 times its size in memory.
final class WorkbookXML {
    let name: String
    let attributes: [String: String]
    private(set) var children: [WorkbookXML] = []
    /// The element's own text (not its children's), entities decoded.
    private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func child(_ name: String) -> WorkbookXML? { children.first { $0.name == name } }

    func all(_ name: String) -> [WorkbookXML] { children.filter { $0.name == name } }

    /// The value of an attribute by its local name (`r:id` is found as `id`, when no plain `id` is there).
    func attribute(_ name: String) -> String? {
        attributes[name] ?? attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }

    enum Problem: Error, Equatable {
        case malformed(offset: Int, String)
        case doctype
    }

    static let maximumDepth = 64

    /// Elements named `child` directly inside one named `parent` (`row` in `sheetData`), each
    /// handed to `each` when it ends instead of being kept in its parent; `each` returns false
    /// to stop reading (the caller has what it needs, or an error of its own).
    struct Streamed {
        var parent: String
        var child: String
        var each: (WorkbookXML) -> Bool
    }

    /// The root element of `bytes`; without the elements `streamed` handed over, and only as far
    /// as read when its `each` stopped the reading.
    static func parse(_ bytes: [UInt8], streaming streamed: Streamed? = nil) throws(Problem) -> WorkbookXML {
        var reader = Reader(bytes: bytes, streamed: streamed)
        return try reader.document()
    }

    private struct Reader {
        let bytes: [UInt8]
        let streamed: Streamed?
        var i = 0

        init(bytes: [UInt8], streamed: Streamed?) {
            self.bytes = bytes
            self.streamed = streamed
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        /// Whether `element`, opened inside `parent`, is handed over rather than kept.
        func isStreamed(_ element: WorkbookXML, in parent: WorkbookXML?) -> Bool {
            guard let streamed, let parent else { return false }
            return element.name == streamed.child && parent.name == streamed.parent
        }

        func fail(_ what: String) -> Problem { .malformed(offset: i, what) }

        func starts(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            return i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern)
        }

        /// Moves past the next `text`; fails at the end of the bytes.
        mutating func skip(past text: String) throws(Problem) {
            let pattern = Array(text.utf8)
            while i + pattern.count <= bytes.count {
                if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                    i += pattern.count
                    return
                }
                i += 1
            }
            throw fail("'\(text)' never comes")
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        mutating func skipSpace() { while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 } }

        /// Comments, processing instructions and space before or after the root.
        mutating func skipMisc() throws(Problem) {
            while true {
                skipSpace()
                if starts("<?") { try skip(past: "?>") } else if starts("<!--") { try skip(past: "-->") } else if starts("<!") { throw .doctype } else { return }
            }
        }

        mutating func document() throws(Problem) -> WorkbookXML {
            try skipMisc()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { throw fail("no root element") }
            var stack: [Open] = []
            var root: WorkbookXML?
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<") {
                    if starts("</") {
                        i += 2
                        let name = try self.name()
                        skipSpace()
                        guard i < bytes.count, bytes[i] == UInt8(ascii: ">"), let open = stack.popLast(), open.qualified == name else {
                            throw fail("the end tag </\(name)> does not match")
                        }
                        i += 1
                        if stack.isEmpty {
                            root = open.element
                            break
                        }
                        if open.streamed, streamed?.each(open.element) == false { return stack[0].element }
                    } else if starts("<!--") {
                        try skip(past: "-->")
                    } else if starts("<![CDATA[") {
                        i += 9
                        let start = i
                        try skip(past: "]]>")
                        guard let top = stack.last else { throw fail("text outside the root") }
                        top.element.text += String(decoding: bytes[start..<(i - 3)], as: UTF8.self)
                    } else if starts("<?") {
                        try skip(past: "?>")
                    } else if starts("<!") {
                        throw .doctype
                    } else {
                        i += 1
                        let qualified = try name()
                        let element = WorkbookXML(name: Self.local(qualified), attributes: try attributes())
                        let handedOver = isStreamed(element, in: stack.last?.element)
                        if !handedOver { stack.last?.element.children.append(element) }
                        if starts("/>") {
                            i += 2
                            if stack.isEmpty {
                                root = element
                                break
                            }
                            if handedOver, streamed?.each(element) == false { return stack[0].element }
                        } else if i < bytes.count, bytes[i] == UInt8(ascii: ">") {
                            i += 1
                            stack.append(Open(element: element, qualified: qualified, streamed: handedOver))
                            guard stack.count <= WorkbookXML.maximumDepth else { throw fail("elements nested more than \(WorkbookXML.maximumDepth) deep") }
                        } else {
                            throw fail("a start tag does not end")
                        }
                    }
                } else {
                    let start = i
                    while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
                    guard let top = stack.last else { throw fail("text outside the root") }
                    top.element.text += try decoded(bytes[start..<i])
                }
            }
            guard let root, stack.isEmpty else { throw fail("the root element does not end") }
            try skipMisc()
            guard i == bytes.count else { throw fail("content after the root element") }
            return root
        }

        struct Open {
            let element: WorkbookXML
            let qualified: String
            /// Handed to `Streamed.each` when it ends.
            let streamed: Bool
        }

        /// The name after its prefix (`x:t` → `t`), found by byte: a `:` followed by a combining
        /// mark is one `Character`, and a split by characters would keep the prefix.
        static func local(_ name: String) -> String {
            guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return name }
            let rest = name.utf8[name.utf8.index(after: colon)...]
            return rest.isEmpty ? name : String(Substring(rest))
        }

        mutating func name() throws(Problem) -> String {
            let start = i
            while i < bytes.count, !Self.isSpace(bytes[i]), ![UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<")].contains(bytes[i]) {
                i += 1
            }
            guard i > start else { throw fail("a name is missing") }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func attributes() throws(Problem) -> [String: String] {
            var result: [String: String] = [:]
            while true {
                skipSpace()
                guard i < bytes.count else { throw fail("a start tag does not end") }
                if bytes[i] == UInt8(ascii: ">") || starts("/>") { return result }
                let key = try name()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("the attribute \(key) has no value") }
                i += 1
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                    throw fail("the attribute \(key)'s value is not quoted")
                }
                let quote = bytes[i]
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != quote { i += 1 }
                guard i < bytes.count else { throw fail("the attribute \(key)'s value does not end") }
                guard result[key] == nil else { throw fail("the attribute \(key) is written twice") }
                result[key] = try decoded(bytes[start..<i])
                i += 1
            }
        }

        /// Text with `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;` and `&#…;` decoded.
        func decoded(_ slice: ArraySlice<UInt8>) throws(Problem) -> String {
            guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var j = slice.startIndex
            while j < slice.endIndex {
                let byte = slice[j]
                guard byte == UInt8(ascii: "&") else {
                    out.append(byte)
                    j += 1
                    continue
                }
                guard let end = slice[j...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { throw fail("an '&' starts no entity") }
                let entity = String(decoding: slice[(j + 1)..<end], as: UTF8.self)
                let scalar: Unicode.Scalar?
                switch entity {
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "amp": scalar = "&"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if entity.hasPrefix("#") {
                        scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                    } else {
                        scalar = nil
                    }
                }
                guard let scalar else { throw fail("unknown entity &\(entity);") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                j = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
