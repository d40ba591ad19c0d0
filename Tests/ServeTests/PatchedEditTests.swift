import Foundation
import Model
@testable import Serve
import Testing
import TestSupport

/// Edits aimed at the patched path (`ItemEdit`): each looks like an edit that keeps an item's
/// placement but touches what placement is meant to guard (consent and its expiry, drafts, the
/// order of a CSV file, images, a quote another item lists). Whether or not the edit is patched,
/// the site served is a fresh build's, and a quote the public may not see leaves no trace.
extension PreviewEquivalenceTests {
    /// Every served file, as text: what a reader of the site could fetch.
    private func servedText(_ preview: PreviewSite) async -> [(path: String, text: String)] {
        var files: [(String, String)] = []
        for path in await preview.store.paths { files.append((path, String(decoding: await preview.file(path) ?? [], as: UTF8.self))) }
        return files
    }

    private func warmed(_ site: FixtureSite, includeDrafts: Bool = false) async -> PreviewSite {
        let preview = PreviewSite(folder: site.root, includeDrafts: includeDrafts, baseURL: Self.baseURL, clock: SiteBuilds.clock)
        _ = await preview.update(changed: nil)
        // Every page and export made once, so a patch that forgot one would leave it stale.
        for path in await preview.store.paths { _ = await preview.file(path) }
        return preview
    }

    /// A quote whose consent expired yesterday is withdrawn; editing its words keeps its placement,
    /// and the new words must still appear nowhere. One expiring tomorrow is public, and shows them.
    @Test func aQuoteNearItsConsentExpiryIsJudgedOnTheDayWhenPatched() async throws {
        let yesterday = Day(unixTime: (FixtureSite.buildDay.daysSinceEpoch - 1) * 86_400)
        let tomorrow = Day(unixTime: (FixtureSite.buildDay.daysSinceEpoch + 1) * 86_400)
        let site = try FixtureSite(copying: "valid-site")
        try site.write("content/quotes/q-expired.md", """
            ---
            speaker: Young person
            programme: talent-match
            themes: [shared-benefits]
            consent: public
            consent_expires: \(yesterday)
            ---
            The first words of an expired quote.
            """)
        try site.write("content/quotes/q-expiring.md", """
            ---
            speaker: Parent
            programme: a-better-start
            themes: [hard-work]
            consent: public
            consent_expires: \(tomorrow)
            ---
            The first words of a quote that expires tomorrow.
            """)
        let preview = await warmed(site)
        try site.edit("content/quotes/q-expired.md", replacing: "The first words", with: "Edited words")
        let expired = await preview.update(changed: ["content/quotes/q-expired.md"])
        #expect(expired.run.succeeded, "\(expired.run.diagnostics)")
        for (path, text) in await servedText(preview) {
            #expect(!text.contains("an expired quote") && !text.contains("q-expired"), "\(path) shows the expired quote")
        }
        try await expectSameAsFreshBuild(preview, site: site, context: "after editing an expired quote")

        try site.edit("content/quotes/q-expiring.md", replacing: "The first words", with: "Edited words")
        let expiring = await preview.update(changed: ["content/quotes/q-expiring.md"])
        #expect(expiring.run.succeeded && expiring.run.patched, "\(expiring.run.diagnostics)")
        let shown = await servedText(preview).filter { $0.text.contains("Edited words of a quote that expires tomorrow") }
        #expect(!shown.isEmpty, "the public quote's new words are served")
        try await expectSameAsFreshBuild(preview, site: site, context: "after editing a quote that expires tomorrow")
    }

    /// A CSV file's rows reordered, or an internal row's words edited: as many quotes as before
    /// in the file, but a row is not the quote it was. The internal row's words appear nowhere.
    @Test func csvRowsReorderedOrEditedServeWhatABuildWrites() async throws {
        let site = try FixtureSite(copying: "valid-site")
        let preview = await warmed(site)
        let csv = "content/quotes/survey.csv"
        var lines = try site.read(csv).components(separatedBy: "\n")
        // The header, a one-line row, a two-line row, the internal row: the last moves first.
        let header = lines.removeFirst()
        let internalRow = lines.removeLast()
        try site.write(csv, ([header, internalRow] + lines).joined(separator: "\n"))
        let reordered = await preview.update(changed: [csv])
        #expect(reordered.run.succeeded, "\(reordered.run.diagnostics)")
        try await expectSameAsFreshBuild(preview, site: site, context: "after reordering the CSV rows")

        try site.edit(csv, replacing: "Nobody asked us before.", with: "Nobody asked us at all.")
        let edited = await preview.update(changed: [csv])
        #expect(edited.run.succeeded, "\(edited.run.diagnostics)")
        for (path, text) in await servedText(preview) {
            #expect(!text.contains("Nobody asked us"), "\(path) shows the internal row")
        }
        try await expectSameAsFreshBuild(preview, site: site, context: "after editing an internal row")
    }

    /// With `--drafts` a draft is shown and its edits are patched like any other; without, a
    /// draft's edited words appear nowhere.
    @Test(arguments: [true, false]) func aDraftsEditServesWhatABuildWrites(includeDrafts: Bool) async throws {
        let site = try FixtureSite(copying: "valid-site")
        let path = "content/case-studies/second-wind.md"
        try site.edit(path, replacing: "summary:", with: "draft: true\nsummary:")
        let preview = await warmed(site, includeDrafts: includeDrafts)
        try site.edit(path, replacing: "Parents chose the times", with: "Draft words: parents chose the times")
        let outcome = await preview.update(changed: [path])
        #expect(outcome.run.succeeded && outcome.run.patched, "\(outcome.run.diagnostics)")
        let shown = await servedText(preview).filter { $0.text.contains("Draft words") }.map(\.path)
        #expect(includeDrafts ? shown.contains("case-studies/second-wind/index.html") : shown.isEmpty, "\(shown)")
        try await expectSameAsFreshBuild(preview, site: site, includeDrafts: includeDrafts, context: "after editing a draft")
    }

    /// An image written into a body beside the case study is published with the page; taken out,
    /// it is no longer served.
    @Test func aBodyImageAddedAndRemovedByAnEdit() async throws {
        let site = try FixtureSite(copying: "subpath-site")
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: site.path("static/images/garden.png"))))
        let path = "content/case-studies/garden.md"
        try site.write("content/case-studies/beds-plan.png", bytes: png)
        let preview = await warmed(site)
        _ = await preview.update(changed: ["content/case-studies/beds-plan.png"])
        try site.write(path, try site.read(path) + "\n![The plan of the beds](beds-plan.png)\n")
        let added = await preview.update(changed: [path])
        #expect(added.run.succeeded, "\(added.run.diagnostics)")
        let image = "case-studies/garden/beds-plan.png"
        #expect(await preview.file(image) == png, "the body's image is served")
        try await expectSameAsFreshBuild(preview, site: site, context: "after adding a body image")

        try site.write(path, try site.read(path).replacingOccurrences(of: "\n![The plan of the beds](beds-plan.png)\n", with: ""))
        let removed = await preview.update(changed: [path])
        #expect(removed.run.succeeded, "\(removed.run.diagnostics)")
        #expect(await preview.file(image) == nil, "an image no case study names is not served")
        try await expectSameAsFreshBuild(preview, site: site, context: "after removing a body image")
    }

    /// Words set to `casebook new`'s placeholder are refused while serving as a build refuses
    /// them, though only the words changed; written over, the quote is served again.
    @Test func aPlaceholderWrittenWhileServingIsRefused() async throws {
        let site = try FixtureSite(copying: "valid-site")
        let preview = await warmed(site)
        let quote = "content/quotes/q-valued.md"
        let words = "It makes me feel valued that people want to hear what I think."
        try site.edit(quote, replacing: words, with: Placeholder.quoteText)
        let refused = await preview.update(changed: [quote])
        #expect(!refused.run.succeeded && refused.run.diagnostics.contains { $0.code == "placeholder-text" }, "\(refused.run.diagnostics)")
        try site.edit(quote, replacing: Placeholder.quoteText, with: words)
        let served = await preview.update(changed: [quote])
        #expect(served.run.succeeded, "\(served.run.diagnostics)")
        try await expectSameAsFreshBuild(preview, site: site, context: "after a placeholder was written and written over")
    }

    /// A quote a case study lists in `quotes:` (not naming it in `case_study:`) is shown on that
    /// case study's page: a patched edit of its words reaches that page too.
    @Test func aQuoteListedByACaseStudyIsEditedOnItsPage() async throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("content/case-studies/second-wind.md", replacing: "summary:", with: "quotes: [q-valued]\nsummary:")
        let preview = await warmed(site)
        let page = "case-studies/second-wind/index.html"
        #expect(String(decoding: await preview.file(page) ?? [], as: UTF8.self).contains("feel valued"))
        try site.edit("content/quotes/q-valued.md", replacing: "feel valued", with: "feel listed and valued")
        let outcome = await preview.update(changed: ["content/quotes/q-valued.md"])
        #expect(outcome.run.succeeded && outcome.run.patched, "\(outcome.run.diagnostics)")
        #expect(String(decoding: await preview.file(page) ?? [], as: UTF8.self).contains("feel listed and valued"))
        try await expectSameAsFreshBuild(preview, site: site, context: "after editing a listed quote")
    }
}
