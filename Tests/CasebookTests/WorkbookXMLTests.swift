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

    @Test func malformedXMLIsAnErrorNotACrash() {
        for text in ["", "<a>", "<a></b>", "<a b=c/>", "<a>&bogus;</a>", "<a>&#xFFFFFFFF;</a>", "<a/><b/>", "text", "<a b='1' b='2'/>",
                     "<a><!-- never closed </a>", String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)] {
            #expect(throws: WorkbookXML.Problem.self, "\(text.prefix(30))") { try parse(text) }
        }
        #expect(throws: WorkbookXML.Problem.doctype) { try parse(#"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#) }
    }
}
