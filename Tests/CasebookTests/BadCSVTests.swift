import Foundation
import Load
import Model
import Pipeline
import TestSupport
import Testing

/// Bulk quotes from spreadsheets: a broken row names the file and the line it starts on, even
/// when earlier rows hold line breaks inside quoted fields.
@Suite struct BadCSVTests {
    static let file = "content/quotes/bulk.csv"
    static let header = "text,speaker,programme,themes,consent\n"

    func check(_ csv: String) throws -> SiteCheck.Outcome {
        try FixtureSite(copying: "valid-site", [Self.file: csv]).check()
    }

    @Test func unclosedQuoteIsReportedWhereTheQuoteOpens() throws {
        let csv = Self.header
            + "\"Two lines,\nand \"\"quoted\"\" words\",Parent,talent-match,hard-work,public\n"  // lines 2-3
            + "Plain row,Parent,talent-match,hard-work,public\n"  // line 4
            + "\"This one never closes,Parent,talent-match,hard-work,public\n"  // line 5
            + "Another row,Parent,talent-match,hard-work,public\n"
        let outcome = try check(csv)
        #expect(outcome.diagnostics.summaries == ["\(Self.file):5: error: csv-unclosed-quote"])
        #expect(outcome.diagnostics.first?.message.contains("\"\"") == true, "the message shows how to escape a quote")
    }

    @Test func rowWithInvalidConsentNamesItsLine() throws {
        let csv = Self.header
            + "\"A quote\nover two lines\",Parent,talent-match,hard-work,public\n"  // lines 2-3
            + "Second row,Parent,talent-match,hard-work,yes\n"  // line 4
        let diagnostics = try check(csv).diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):4: error: invalid-consent"])
        #expect(diagnostics.first?.location.column == 5, "consent is the fifth column")
        #expect(diagnostics.first?.message.contains("'yes'") == true)
    }

    /// Found by fuzzing: a `"` inside an unquoted field is a plain character to the CSV reader;
    /// when the line finder took it for an opening quote, later rows' errors named other lines.
    @Test func aQuoteInsideAFieldDoesNotShiftTheLinesOfLaterRows() throws {
        let csv = Self.header
            + "She said \"no\" twice,Parent,talent-match,hard-work,public\n"  // line 2
            + "   \n"  // line 3: spaces only, skipped and still counted
            + "Third row,Parent,talent-match,hard-work,maybe\n"  // line 4
            + "\"Quoted \"stray\" quotes\",Parent,talent-match,hard-work,public\n"  // line 5
            + "Last row,Parent,talent-match,hard-work,nope\n"  // line 6
        let diagnostics = try check(csv).diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):4: error: invalid-consent", "\(Self.file):6: error: invalid-consent"])
    }

    @Test func rowWithoutConsentNamesItsLine() throws {
        let csv = Self.header
            + "First,Parent,talent-match,hard-work,public\n"
            + "\n"  // a blank line between rows is skipped, and still counted
            + "No consent here,Parent,talent-match,hard-work,\n"  // line 4
        let outcome = try check(csv)
        #expect(outcome.diagnostics.summaries == ["\(Self.file):4: error: missing-consent"])
        #expect(outcome.site == nil, "an error stops the build")
    }

    @Test func rowWithoutConsentIsPublishedNowhere() throws {
        let csv = Self.header + "Not agreed,Parent,talent-match,hard-work,maybe\n"
        let site = try FixtureSite(copying: "valid-site", [Self.file: csv])
        let loaded = SiteLoader.load(from: site.root)
        let quote = try #require(loaded.quotes.first { $0.location.file == Self.file })
        #expect(quote.consent == .invalid)
        #expect(!quote.consent.allows(.public) && !quote.consent.allows(.internal))
    }

    @Test func missingRequiredColumnIsReportedOnTheHeader() throws {
        let csv = "text,speaker,programme,themes\nNo consent column,Parent,talent-match,hard-work\n"
        let diagnostics = try check(csv).diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):1: error: csv-missing-column"])
        #expect(diagnostics.first?.message.contains("consent") == true)
    }

    /// A misspelt required column is named with the column it may be meant as, beside the error.
    @Test func misspeltRequiredColumnIsNamedWithASuggestion() throws {
        let csv = "text,speakr,programme,themes,consent\nHi,Parent,talent-match,hard-work,public\n"
        let diagnostics = try check(csv).diagnostics
        #expect(Set(diagnostics.summaries) == ["\(Self.file):1: warning: unknown-column", "\(Self.file):1: error: csv-missing-column"])
        let warning = try #require(diagnostics.first { $0.code == "unknown-column" })
        #expect(warning.message == "unknown column 'speakr' (did you mean 'speaker'?)")
        #expect(warning.location.column == 2)
        #expect(diagnostics.first { $0.code == "csv-missing-column" }?.message.hasPrefix("the header lacks the column speaker;") == true)
    }

    @Test func unknownColumnWarnsWithASuggestion() throws {
        let csv = "text,speaker,programme,themes,consent,feature\nHi,Parent,talent-match,hard-work,public,true\n"
        let diagnostics = try check(csv).diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):1: warning: unknown-column"])
        #expect(diagnostics.first?.location.column == 6)
        #expect(diagnostics.first?.message.contains("did you mean 'featured'") == true)
    }

    @Test func unknownThemeInARowNamesTheRowsLine() throws {
        let csv = Self.header
            + "Fine,Parent,talent-match,hard-work,public\n"
            + "Typo,Parent,talent-match,hard-work;shared-benefit,public\n"  // line 3
        let diagnostics = try check(csv).diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):3: error: unknown-theme"])
        #expect(diagnostics.first?.message.contains("did you mean 'shared-benefits'") == true)
    }

    @Test func pathLikeIdIsRefused() throws {
        let csv = "text,speaker,programme,themes,consent,id\nHi,Parent,talent-match,hard-work,public,../../escape\n"
        let diagnostics = try check(csv).diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):2: error: invalid-slug"])
    }

    @Test func rowsGetIdsFromTheFileName() throws {
        let csv = Self.header + "One,Parent,talent-match,hard-work,public\n\"Two\",Parent,talent-match,hard-work,internal\n"
        let site = try #require(try check(csv).site)
        let ids = site.quotes.filter { $0.location.file == Self.file }.map(\.id)
        #expect(ids == ["bulk-1", "bulk-2"])
    }

    /// A field too many or too few shifts every later cell into another column (a consent read
    /// from the wrong cell): the row is an error at its line, and published nowhere.
    @Test func rowWithTheWrongNumberOfFieldsIsAnErrorAtItsLine() throws {
        let csv = Self.header
            + "Fine,Parent,talent-match,hard-work,public\n"  // line 2
            + "Unquoted, with a comma,Parent,talent-match,hard-work,public\n"  // line 3: six fields
            + "Too short,Parent,talent-match\n"  // line 4: three fields
        let site = try FixtureSite(copying: "valid-site", [Self.file: csv])
        let loaded = SiteLoader.load(from: site.root)
        #expect(loaded.diagnostics.summaries == ["\(Self.file):3: error: csv-field-count", "\(Self.file):4: error: csv-field-count"])
        #expect(loaded.diagnostics.first?.message.contains("double quotes around a field that holds ','") == true)
        #expect(loaded.quotes.filter { $0.location.file == Self.file }.map(\.text) == ["Fine"])
    }

    @Test func fieldCountErrorNamesTheSemicolon() throws {
        let csv = "text;speaker;programme;themes;consent\nA; with a semicolon;Parent;talent-match;hard-work;public\n"
        let diagnostics = try check(csv).diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):2: error: csv-field-count"])
        #expect(diagnostics.first?.message.contains("holds ';'") == true)
    }
}
