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
        streams(bytes, like: root)
    }

    /// Read with a sheet's rows streamed, the same bytes give the same elements: the rows are
    /// handed over in the order they end, and the tree is the whole tree without them.
    static func streams(_ bytes: [UInt8], like root: WorkbookXML) {
        var handed: [WorkbookXML] = []
        let streamed = WorkbookXML.Streamed(parent: "sheetData", child: "row") { row in
            handed.append(row)
            return true
        }
        let kept: WorkbookXML
        do { kept = try WorkbookXML.parse(bytes, streaming: streamed) } catch { FuzzCheck.fail("read as a tree but not streamed: \(error)") }
        var rows: [WorkbookXML] = []
        func collect(_ element: WorkbookXML) {
            for child in element.children {
                collect(child)
                if isRow(child, in: element) { rows.append(child) }
            }
        }
        collect(root)
        FuzzCheck.require(sameKept(root, kept), "the streamed tree differs from the tree without its rows: \(write(root))")
        FuzzCheck.require(rows.count == handed.count && zip(rows, handed).allSatisfy(sameKept), "the rows handed over differ: \(write(root))")
    }

    static func isRow(_ element: WorkbookXML, in parent: WorkbookXML) -> Bool { element.name == "row" && parent.name == "sheetData" }

    /// `full` and `kept` are alike but for the rows streamed out of `kept`.
    static func sameKept(_ full: WorkbookXML, _ kept: WorkbookXML) -> Bool {
        let children = full.children.filter { !isRow($0, in: full) }
        return full.name == kept.name && full.attributes == kept.attributes && full.text == kept.text
            && children.count == kept.children.count && zip(children, kept.children).allSatisfy(sameKept)
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
