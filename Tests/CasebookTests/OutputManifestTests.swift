import Aggregate
import Foundation
import Model
import Render
import Testing
import TestSupport

/// The plan stage's dependency rules: which outputs an edit makes stale (`OutputManifest`,
/// `ChangedInputs`). `casebook serve` renders exactly these; `PreviewEquivalenceTests` checks
/// the result against fresh builds, these check the rules one by one.
@Suite struct OutputManifestTests {
    struct Planned {
        var site: AggregatedSite
        var manifest: OutputManifest
        var htmlPages: Set<String> { Set(manifest.entries.values.filter { if case .page = $0.producer { true } else { false } }.map(\.path)) }
    }

    func plan(_ site: FixtureSite) throws -> Planned {
        let validated = try #require(site.check().site)
        let aggregated = Aggregator.aggregate(validated, selection: .site)
        let theme = try Theme.load(siteRoot: site.root, name: validated.config.theme)
        let reports = validated.config.reports.filter { $0.audience == .public }.map {
            SiteReportLink(id: $0.id, title: $0.title, subtitle: $0.subtitle, themes: $0.themes?.map(\.value))
        }
        let renderer = SiteRenderer(theme: theme, reports: reports)
        return Planned(site: aggregated, manifest: renderer.plan(aggregated, eager: false).manifest)
    }

    /// What a rebuild renders after `edit` changed `paths`.
    func affected(_ site: FixtureSite, by paths: Set<String>, edit: () throws -> Void) throws -> Set<String> {
        let before = try plan(site)
        try edit()
        let after = try plan(site)
        let inputs = try #require(ChangedInputs.of(paths, old: before.site, new: after.site), "\(paths) could not be attributed")
        return after.manifest.changes(since: before.manifest, changed: inputs).render
    }

    func builtIn(_ template: String) throws -> String {
        try String(
            contentsOf: PackagePaths.root.appendingPathComponent("Sources/Render/DefaultTheme/templates/\(template).mustache"), encoding: .utf8)
    }

    /// `casebook serve` printed "Nothing to rebuild" for these: the partials are rendered outside
    /// the page templates, so no page template names them.
    @Test(arguments: ["partials/site-header", "partials/site-footer"])
    func aChromePartialOverrideAffectsEveryPage(partial: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        let path = "themes/default/templates/\(partial).mustache"
        let added = try affected(site, by: [path]) { try site.write(path, try builtIn(partial) + "<!-- mine -->") }
        let pages = try plan(site).htmlPages
        #expect(pages.isSubset(of: added), "not rendered again: \(pages.subtracting(added).sorted())")
        let edited = try affected(site, by: [path]) { try site.write(path, try builtIn(partial) + "<!-- edited -->") }
        #expect(pages.isSubset(of: edited))
        #expect(!edited.contains("data/quotes.csv") && !edited.contains("assets/site.css"), "only pages print partials")
    }

    @Test func aQuotePartialOverrideAffectsThePagesThatListQuotes() throws {
        let site = try FixtureSite(copying: "valid-site")
        let path = "themes/default/templates/partials/quote.mustache"
        let added = try affected(site, by: [path]) { try site.write(path, try builtIn("partials/quote") + "<!-- mine -->") }
        for page in ["index.html", "quotes/index.html", "case-studies/first-steps/index.html", "themes/shared-benefits/index.html"] {
            #expect(added.contains(page), "\(page) lists quotes")
        }
        for page in ["about/index.html", "search/index.html", "404.html", "case-studies/index.html"] {
            #expect(!added.contains(page), "\(page) lists no quote")
        }
    }

    @Test func aCardPartialOverrideAffectsThePagesThatListCaseStudies() throws {
        let site = try FixtureSite(copying: "valid-site")
        let path = "themes/default/templates/partials/case-study-card.mustache"
        let added = try affected(site, by: [path]) { try site.write(path, try builtIn("partials/case-study-card") + "<!-- mine -->") }
        for page in ["index.html", "case-studies/index.html", "themes/hard-work/index.html", "programmes/talent-match/index.html"] {
            #expect(added.contains(page), "\(page) lists case studies")
        }
        #expect(!added.contains("quotes/index.html") && !added.contains("about/index.html"))
    }

    /// A template that starts using a partial depends on it from then on.
    @Test func aTemplateThatStartsUsingAPartialDependsOnIt() throws {
        let site = try FixtureSite(copying: "valid-site", ["themes/default/templates/partials/note.mustache": "<p>note</p>"])
        let template = "themes/default/templates/search.mustache"
        let added = try affected(site, by: [template]) {
            try site.write(template, try builtIn("search").replacingOccurrences(of: "{{$main}}", with: "{{$main}}{{> partials/note}}"))
        }
        #expect(added.contains("search/index.html"))
        let note = try affected(site, by: ["themes/default/templates/partials/note.mustache"]) {
            try site.write("themes/default/templates/partials/note.mustache", "<p>another note</p>")
        }
        #expect(note == ["search/index.html"])
    }

    /// One row of a CSV file changes the pages that list that quote, not those listing its neighbours.
    /// Outputs show items: a file saved unchanged, or the words of a quote no public page may
    /// show, affect nothing; making that quote public affects the pages that list it.
    @Test func anEditNoPublicItemShowsAffectsNothing() throws {
        let site = try FixtureSite(copying: "valid-site")
        let caseStudy = "content/case-studies/first-steps.md"
        let unchanged = try affected(site, by: [caseStudy]) { try site.write(caseStudy, try site.read(caseStudy)) }
        #expect(unchanged.isEmpty, "\(unchanged.sorted())")
        let quote = "content/quotes/q-slow.md"
        let hidden = try affected(site, by: [quote]) {
            try site.edit(quote, replacing: "slower than we planned", with: "much slower than we planned")
        }
        #expect(hidden.isEmpty, "an internal quote's words: \(hidden.sorted())")
        let published = try affected(site, by: [quote]) { try site.edit(quote, replacing: "consent: internal", with: "consent: public") }
        for page in ["quotes/index.html", "themes/hard-work/index.html", "data/quotes.json", "index.html"] {
            #expect(published.contains(page), "\(page) lists the quote once it is public")
        }
    }

    @Test func aQuoteRowEditAffectsOnlyThePagesListingThatQuote() throws {
        let site = try FixtureSite(copying: "valid-site")
        let path = "content/quotes/survey.csv"
        let changed = try affected(site, by: [path]) {
            try site.edit(path, replacing: "They listened, and then they acted.", with: "They listened, then acted.")
        }
        for page in ["case-studies/second-wind/index.html", "themes/shared-benefits/index.html", "quotes/index.html", "data/quotes.csv"] {
            #expect(changed.contains(page), "\(page) shows the quote")
        }
        for page in ["case-studies/first-steps/index.html", "themes/hard-work/index.html", "about/index.html", "case-studies/index.html"] {
            #expect(!changed.contains(page), "\(page) does not show it")
        }
    }

    /// Quotes show their case study's title: a title edit reaches the pages listing its quotes, a summary edit does not.
    @Test func aCaseStudysTitleReachesThePagesListingItsQuotes() throws {
        let site = try FixtureSite(copying: "valid-site")
        let path = "content/case-studies/first-steps.md"
        let summary = try affected(site, by: [path]) {
            try site.edit(path, replacing: "summary: Young people joined", with: "summary: Young people came")
        }
        #expect(summary.contains("case-studies/first-steps/index.html") && summary.contains("case-studies/index.html"))
        #expect(!summary.contains("quotes/index.html"))
        let title = try affected(site, by: [path]) { try site.edit(path, replacing: "title: First steps", with: "title: Early steps") }
        #expect(title.contains("quotes/index.html"), "q-valued shows 'From First steps…'")
    }

    @Test func theMenuReachesEveryPageAndAPageBodyOnlyItsPage() throws {
        let site = try FixtureSite(copying: "valid-site")
        let body = try affected(site, by: ["content/pages/about.md"]) {
            try site.write("content/pages/about.md", try site.read("content/pages/about.md") + "\nMore.\n")
        }
        #expect(body.contains("about/index.html") && !body.contains("case-studies/first-steps/index.html"))
        let added = try affected(site, by: ["content/pages/method.md"]) {
            try site.write("content/pages/method.md", "---\ntitle: Method\n---\nHow.\n")
        }
        let pages = try plan(site).htmlPages
        #expect(pages.isSubset(of: added), "every page's menu: \(pages.subtracting(added).sorted())")
    }

    /// A change the plan cannot attribute renders everything (nil), never nothing.
    @Test func whatCannotBeAttributedRendersEverything() throws {
        let site = try FixtureSite(copying: "valid-site")
        let planned = try plan(site)
        for paths: Set<String> in [["casebook.yml"], ["README.md"], ["content"], ["themes"], ["themes/default/templates"], ["static"]] {
            #expect(ChangedInputs.of(paths, old: planned.site, new: planned.site) == nil, "\(paths)")
        }
        #expect(ChangedInputs.of(["themes/other/templates/home.mustache"], old: planned.site, new: planned.site) == [], "another theme's file")
    }

    /// Every file of the site is in the manifest, and the renderer makes exactly the manifest's
    /// entries (the public reports are the pipeline's), so no output escapes the dependency rules.
    @Test func theRendererMakesExactlyTheManifestsEntries() throws {
        let site = try FixtureSite(copying: "valid-site", ["static/robots.txt": "mine\n", "static/notes.txt": "n\n"])
        let planned = try plan(site)
        let theme = try Theme.load(siteRoot: site.root, name: nil)
        let files = try SiteRenderer(theme: theme, reports: [SiteReportLink(id: "lessons-learned", title: "Lessons learned", subtitle: nil, themes: nil)]).render(planned.site, stamp: StampTime(unixTime: 0))
        let nonReports = planned.manifest.entries.values.filter { if case .report = $0.producer { false } else { true } }
        #expect(Set(files.map(\.path)) == Set(nonReports.map(\.path)))
        #expect(planned.manifest["robots.txt"]?.producer == .staticFile(source: site.root + "/static/robots.txt"))
        #expect(planned.manifest["reports/lessons-learned/index.html"]?.producer == .report(id: "lessons-learned", part: .html))
    }
}
