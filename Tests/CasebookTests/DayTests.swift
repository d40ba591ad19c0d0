import Foundation
import Model
import TestSupport
import Testing

/// Content dates: what `date:`, `consent_expires:` and report `from:`/`to:` accept.
@Suite struct DayTests {
    @Test(arguments: [
        ("2025-06-01", 2025, 6, 1),
        ("2024-02-29", 2024, 2, 29),  // leap year
        ("2000-02-29", 2000, 2, 29),  // divisible by 400
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
    ])
    func parsesISODates(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try #require(Day(iso: text))
        #expect(parsed.year == year && parsed.month == month && parsed.day == day)
        #expect(parsed.description == text, "a parsed date prints back the same")
    }

    @Test(arguments: [
        "2025-02-30",  // no such day
        "2023-02-29",  // not a leap year
        "1900-02-29",  // divisible by 100, not 400
        "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "0000-01-01",
        "2025-1-01", "25-01-01", "2025/01/01", "2025-01-01T00:00:00Z", " 2025-01-01", "2025-01-01 ",
        "+025-01-01", "2025-0a-01", "", "１２３４-01-01",
    ])
    func rejectsInvalidDates(text: String) {
        #expect(Day(iso: text) == nil, "'\(text)' must not be accepted as a date")
    }

    @Test func invalidDayInFrontMatterIsAnErrorAtItsLine() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "content/case-studies/leap.md": """
                ---
                title: Not a leap year
                summary: February had 28 days in 2025.
                date: 2025-02-29
                ---
                Body.
                """
        ])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/case-studies/leap.md:4: error: invalid-date"])
        #expect(diagnostics.first?.message.contains("YYYY-MM-DD") == true)
        #expect(diagnostics.first?.location.column == 7)
    }

    @Test(arguments: [
        (0, "1970-01-01"),
        (86_399, "1970-01-01"),
        (86_400, "1970-01-02"),
        (-1, "1969-12-31"),
        (-86_400, "1969-12-31"),
        (-86_401, "1969-12-30"),
        (951_782_400, "2000-02-29"),
        (1_700_000_000, "2023-11-14"),
        (1_756_684_800, "2025-09-01"),
        (4_107_542_400, "2100-03-01"),
        (253_402_300_800, "10000-01-01"),  // past four digits: printed whole
    ])
    func convertsUnixTimeToUTCDay(seconds: Int, expected: String) {
        #expect(Day(unixTime: seconds).description == expected)
    }

    @Test func daysSinceEpochRoundTripsThroughUnixTime() {
        // Every day from 1899 to 2101, which covers the century rules either side of 2000.
        for days in -25_567...47_846 {
            let day = Day(unixTime: days * 86_400)
            #expect(day.daysSinceEpoch == days)
            if day.daysSinceEpoch != days { return }
        }
    }

    @Test func comparesChronologically() throws {
        let dates = try ["2025-01-31", "2024-12-31", "2025-02-01", "2025-01-09"].map { try #require(Day(iso: $0)) }
        #expect(dates.sorted().map(\.description) == ["2024-12-31", "2025-01-09", "2025-01-31", "2025-02-01"])
    }

    @Test func longDescriptionIsBritishStyle() throws {
        #expect(try #require(Day(iso: "2025-06-01")).longDescription == "1 June 2025")
        #expect(try #require(Day(iso: "2024-12-25")).longDescription == "25 December 2024")
    }

    @Test func decodesAndEncodesAsText() throws {
        let day = try #require(Day(iso: "2025-03-04"))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-03-04\"]")
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data("[\"2025-02-30\"]".utf8)) }
    }
}
