import Foundation
import TestSupport
import Testing

/// The search index covers case studies, lessons, public quotes (with speaker and programme),
/// themes, programmes and pages, each with its kind; a quote without public consent is never in
/// it. Without JavaScript the search page is a plain list of where to look.
@Suite struct SearchIndexTests {
    static let publicWord = "kaleidoscope", internalWord = "periwinkle", withdrawnWord = "marmalade", expiredWord = "tangerine"

    static func build() throws -> SiteFiles {
        let quote = { (id: String, word: String, consent: String) in
            ("content/quotes/\(id).md", "---\nspeaker: Youth worker\nprogramme: talent-match\nthemes: [hard-work]\n\(consent)\n---\nIt felt like a \(word) of ideas.\n")
        }
        let files = Dictionary(uniqueKeysWithValues: [
            quote("q-public", publicWord, "consent: public"),
            quote("q-internal-x", internalWord, "consent: internal"),
            quote("q-withdrawn-x", withdrawnWord, "consent: withdrawn"),
            quote("q-expired-x", expiredWord, "consent: public\nconsent_expires: 2025-01-01"),
        ])
        let site = try FixtureSite(copying: "valid-site", files)
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        return try SiteFiles(folder: output)
    }

    static func entries(_ files: SiteFiles) throws -> [[String: String]] {
        let data = try #require(files.files["search-index.json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [[String: String]])
    }

    /// What search.js does: every word of the query in an entry's searched fields.
    static func search(_ query: String, in entries: [[String: String]]) -> [[String: String]] {
        let words = query.lowercased().split(separator: " ")
        return entries.filter { entry in
            let haystack = ["title", "summary", "text", "speaker", "programme_title", "theme_title", "case_study_title"]
                .compactMap { entry[$0] }.joined(separator: " ").lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    @Test func findsAPublicQuoteByAWordOfItsTextWithSpeakerAndProgramme() throws {
        let entries = try Self.entries(try Self.build())
        let hits = Self.search(Self.publicWord, in: entries)
        #expect(hits.count == 1, "\(hits)")
        let hit = try #require(hits.first)
        #expect(hit["kind"] == "quote")
        #expect(hit["speaker"] == "Youth worker" && hit["programme_title"] == "Talent Match")
        #expect(hit["title"] == "Youth worker, Talent Match")
        #expect(hit["url"] == "quotes/#quote-q-public")
        #expect(Self.search("youth worker talent", in: entries).contains { $0["url"] == "quotes/#quote-q-public" })
    }

    @Test func neverFindsAQuoteWithoutPublicConsent() throws {
        let files = try Self.build()
        let index = try #require(files.text("search-index.json"))
        for word in [Self.internalWord, Self.withdrawnWord, Self.expiredWord, "-x\""] {
            #expect(!index.contains(word), "'\(word)' is in the search index")
        }
        #expect(Self.search("slower than we planned", in: try Self.entries(files)).isEmpty, "the fixture's internal quote")
    }

    @Test func lessonsAreFoundAndEveryHitSaysWhatKindItIs() throws {
        let entries = try Self.entries(try Self.build())
        let lessons = Self.search("peer network", in: entries).filter { $0["kind"] == "lesson" }
        #expect(lessons.count == 1, "\(entries.filter { $0["kind"] == "lesson" })")
        #expect(lessons.first?["title"] == "Young people gained a peer network.", "plain text, not Markdown")
        #expect(lessons.first?["url"] == "case-studies/first-steps/")
        #expect(lessons.first?["theme_title"] == "There are benefits for all involved")
        #expect(Set(entries.compactMap { $0["kind"] }) == ["case-study", "lesson", "quote", "theme", "programme", "page"])
        // The search page names each kind in its language, and search.js reads those names.
        let files = try Self.build()
        let page = try #require(files.text("search/index.html"))
        let script = try #require(files.text("assets/search.js"))
        for (kind, name) in [("case-study", "Case study"), ("lesson", "Lesson"), ("quote", "Quote"), ("theme", "Theme"),
                             ("programme", "Programme"), ("page", "Page")] {
            #expect(page.contains("data-kind-\(kind)=\"\(name)\""), "the search page labels \(kind)")
            #expect(script.contains("\"\(kind)\""), "search.js reads the label of \(kind)")
        }
    }

    @Test func withoutJavaScriptTheSearchPageListsWhereToLook() throws {
        let page = try #require(try Self.build().text("search/index.html"))
        let fallback = try #require(page.range(of: "<div class=\"search-nojs\" id=\"search-nojs\">").map { page[$0.lowerBound...] })
        let list = try #require(fallback.range(of: "</ul>").map { fallback[..<$0.lowerBound] })
        for (href, title) in [("/fixture/case-studies/", "Case studies"), ("/fixture/themes/", "Themes"), ("/fixture/quotes/", "Quotes"),
                              ("/fixture/programmes/", "Programmes"), ("/fixture/about/", "About this site")] {
            #expect(list.contains("<li><a href=\"\(href)\">\(title)</a></li>"), "\(title) in:\n\(list)")
        }
    }
}
