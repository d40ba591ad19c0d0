@testable import Import
import Testing

/// The XML reader for .xlsx parts: what Excel and LibreOffice write is read, anything else refused.
@Suite struct WorkbookXMLTests {
    func parse(_ text: String) throws(WorkbookXML.Problem) -> WorkbookXML { try WorkbookXML.parse(Array(text.utf8)) }

    @Test func textEntitiesCDATAAndPrefixesAreReadAsExcelWritesThem() throws {
        let root = try parse("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment --><x:sst xmlns:x="urn:s" count='2'><x:si><x:t xml:space="preserve"> A &amp; B &lt;&#x41;&#66;&gt; &quot;&apos;</x:t></x:si>\
            <x:si><x:r><x:t>Rich </x:t></x:r><x:r><x:rPr/><x:t><![CDATA[<text>]]></x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si></x:sst>
            """)
        #expect(root.name == "sst" && root.attributes["count"] == "2")
        #expect(root.all("si").map(XLSXReader.Parts.text) == [" A & B <AB> \"'", "Rich <text>"])
    }

    /// Found by fuzzing: the prefix was cut by characters, and a `:` followed by a combining mark is one.
    @Test func aPrefixIsDroppedWhateverFollowsIt() throws {
        #expect(try parse("<x:\u{0746}4e/>").name == "\u{0746}4e")
        #expect(try parse("<x:sst><x:si/></x:sst>").all("si").count == 1)
    }

    /// A sheet's rows are handed over one by one and not kept: the tree holds the rest. A row
    /// that is not directly in `sheetData` stays in the tree.
    @Test func rowsAreHandedOverInOrderAndNotKept() throws {
        var handed: [String] = []
        let streamed = WorkbookXML.Streamed(parent: "sheetData", child: "row") { row in
            handed.append((row.attributes["r"] ?? "?") + ":" + row.all("c").map { $0.child("v")?.text ?? "" }.joined(separator: ","))
            return true
        }
        let root = try WorkbookXML.parse(Array("""
            <worksheet><dimension ref="A1:B2"/><sheetData><row r="1"><c><v>1</v></c><c><v>2</v></c></row><row r="2"/>            <row r="3"><c><v>3</v></c></row></sheetData><row r="9"/></worksheet>
            """.utf8), streaming: streamed)
        #expect(handed == ["1:1,2", "2:", "3:3"])
        #expect(root.child("sheetData")?.children.isEmpty == true)
        #expect(root.child("dimension")?.attributes["ref"] == "A1:B2" && root.all("row").count == 1)
    }

    /// `each` stops the reading: what follows is not read, so it cannot hold the reader up.
    @Test func handingOverStopsWhenAsked() throws {
        var handed = 0
        let streamed = WorkbookXML.Streamed(parent: "sst", child: "si") { _ in
            handed += 1
            return handed < 2
        }
        let root = try WorkbookXML.parse(Array("<sst><si/><si/><si/>&bogus; <unclosed>".utf8), streaming: streamed)
        #expect(handed == 2 && root.name == "sst")
    }

    @Test func malformedXMLIsAnErrorNotACrash() {
        for text in ["", "<a>", "<a></b>", "<a b=c/>", "<a>&bogus;</a>", "<a>&#xFFFFFFFF;</a>", "<a/><b/>", "text", "<a b='1' b='2'/>",
                     "<a><!-- never closed </a>", String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)] {
            #expect(throws: WorkbookXML.Problem.self, "\(text.prefix(30))") { try parse(text) }
        }
        #expect(throws: WorkbookXML.Problem.doctype) { try parse(#"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#) }
    }
}
