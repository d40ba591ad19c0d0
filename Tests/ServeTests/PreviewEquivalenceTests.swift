import Foundation
import Model
import Pipeline
@testable import Serve
import Testing
import TestSupport

/// The dev server's central promise: after any sequence of edits, the site it serves is the site
/// a fresh `casebook build` writes, byte for byte (it adds the live-reload script when it answers,
/// not to what it holds).
///
/// Random edits with a seeded generator: content, quote files (Markdown and CSV rows), the
/// settings, theme overrides of templates, partials and assets added, edited and removed, static
/// files, free pages (the menu), deletions and renames. Each step tells the preview which paths
/// changed, as the file watcher does, and compares every file through the store the HTTP handler
/// reads. A failure names the seed and the step; `seeds` is fixed so CI runs the same sequences.
@Suite struct PreviewEquivalenceTests {
    static let seeds: [UInt64] = [1, 7, 42, 1_234, 99_991, 314_159]
    static let steps = 14
    static let baseURL = "http://127.0.0.1:8000/"

    @Test(arguments: seeds) func theServedSiteEqualsAFreshBuildAfterEveryEdit(seed: UInt64) async throws {
        let site = try FixtureSite(copying: "valid-site")
        let preview = PreviewSite(folder: site.root, includeDrafts: false, baseURL: Self.baseURL, clock: SiteBuilds.clock)
        let first = await preview.update(changed: nil)
        #expect(first.run.succeeded, "seed \(seed): first build: \(first.run.diagnostics)")
        var editor = SiteEditor(site: site, random: SeededRandom(seed: seed))
        var history: [String] = []
        for step in 1...Self.steps {
            let edit = try editor.next()
            history.append(edit.description)
            let outcome = await preview.update(changed: edit.paths)
            let context = "seed \(seed), step \(step): \(history.joined(separator: " → "))"
            #expect(outcome.run.succeeded, "\(context): \(outcome.run.diagnostics) \(outcome.run.failure ?? "")")
            try await expectSameAsFreshBuild(preview, site: site, context: context)
        }
    }

    /// A change the plan cannot attribute renders every output, never nothing; one it can, only what it touches.
    @Test func anUnattributableChangeRendersEverything() async throws {
        let site = try FixtureSite(copying: "valid-site")
        let preview = PreviewSite(folder: site.root, includeDrafts: false, baseURL: Self.baseURL, clock: SiteBuilds.clock)
        let first = await preview.update(changed: nil)
        try site.write("notes/plan.txt", "not part of the site\n")
        let unknown = await preview.update(changed: ["notes/plan.txt"])
        #expect(unknown.run.full && unknown.pageCount == first.pageCount, "\(unknown.pageCount) of \(first.pageCount) pages")
        try site.write("content/pages/about.md", try site.read("content/pages/about.md") + "\nMore.\n")
        let known = await preview.update(changed: ["content/pages/about.md"])
        #expect(!known.run.full && known.pageCount < first.pageCount)
        try await expectSameAsFreshBuild(preview, site: site, context: "after an unattributable change")
    }

    /// A rebuild renders nothing up front: the pages it changed are made when first asked for,
    /// with the edit in them, and a partial override re-renders items already cached.
    @Test func aRebuildMakesChangedPagesWhenTheyAreAskedFor() async throws {
        let site = try FixtureSite(copying: "valid-site")
        let preview = PreviewSite(folder: site.root, includeDrafts: false, baseURL: Self.baseURL, clock: SiteBuilds.clock)
        _ = await preview.update(changed: nil)
        let path = "content/case-studies/first-steps.md"
        let lines = try site.read(path).components(separatedBy: "\n")
        try site.write(path, lines.map { $0.hasPrefix("summary: ") ? "summary: A summary edited while serving." : $0 }.joined(separator: "\n"))
        let edit = await preview.update(changed: [path])
        let page = "case-studies/first-steps/index.html"
        #expect(edit.run.succeeded && edit.fileCount == 0 && edit.pageCount > 0 && edit.run.heldBack.contains(page))
        #expect(String(decoding: await preview.file(page) ?? [], as: UTF8.self).contains("A summary edited while serving."))

        let partial = "themes/default/templates/partials/quote.mustache"
        let builtIn = try String(contentsOf: PackagePaths.root.appendingPathComponent("Sources/Render/DefaultTheme/templates/partials/quote.mustache"), encoding: .utf8)
        try site.write(partial, "<!-- quote override -->" + builtIn)
        let override = await preview.update(changed: [partial])
        #expect(override.run.succeeded && !override.run.full)
        #expect(String(decoding: await preview.file(page) ?? [], as: UTF8.self).contains("<!-- quote override -->"))
        try await expectSameAsFreshBuild(preview, site: site, context: "after a summary edit and a partial override")
    }

    /// Edits that change only what an item shows itself are patched into the last run (no
    /// validation, aggregation or plan of the whole site); edits that move an item, change its
    /// consent or what other pages show of it are not. Either way the site served is a fresh build's.
    @Test func editsThatKeepPlacementArePatched() async throws {
        let site = try FixtureSite(copying: "valid-site")
        let preview = PreviewSite(folder: site.root, includeDrafts: false, baseURL: Self.baseURL, clock: SiteBuilds.clock)
        _ = await preview.update(changed: nil)
        for path in await preview.store.paths { _ = await preview.file(path) }
        let caseStudy = "content/case-studies/first-steps.md", quote = "content/quotes/q-valued.md"
        func edit(_ path: String, _ from: String, _ to: String) throws {
            let text = try site.read(path)
            #expect(text.contains(from), "\(path) has no '\(from)'")
            try site.write(path, text.replacingOccurrences(of: from, with: to))
        }
        let edits: [(name: String, patched: Bool, path: String, make: () throws -> Void)] = [
            ("summary", true, caseStudy, { try edit(caseStudy, "joined the design group", "joined the patched group") }),
            ("lesson text", true, caseStudy, { try edit(caseStudy, "took longer than", "took far longer than") }),
            ("body", true, caseStudy, { try edit(caseStudy, "every fortnight", "every patched week") }),
            ("quote words", true, quote, { try edit(quote, "feel valued", "feel patched and valued") }),
            ("speaker", true, quote, { try edit(quote, "speaker: Young person", "speaker: Young adult") }),
            ("page body", true, "content/pages/about.md", { try site.write("content/pages/about.md", try site.read("content/pages/about.md") + "\nPatched.\n") }),
            ("title (shown by quotes)", false, caseStudy, { try edit(caseStudy, "title: First steps in co-production", "title: First steps, retitled") }),
            ("themes", false, caseStudy, { try edit(caseStudy, "themes: [hard-work, shared-benefits]", "themes: [hard-work]") }),
            ("consent", false, quote, { try edit(quote, "consent: public", "consent: internal") }),
            ("featured", false, quote, { try edit(quote, "featured: true", "featured: false") }),
        ]
        for (name, patched, path, make) in edits {
            try make()
            let outcome = await preview.update(changed: [path])
            #expect(outcome.run.succeeded && outcome.run.patched == patched, "\(name): patched \(outcome.run.patched), \(outcome.run.diagnostics)")
            try await expectSameAsFreshBuild(preview, site: site, context: "after the \(name) edit")
        }
        let consentPages = await preview.store.paths
        for path in consentPages {
            #expect(!String(decoding: await preview.file(path) ?? [], as: UTF8.self).contains("feel patched and valued"), "\(path) shows an internal quote")
        }
    }

    /// A site in two languages: editing a translation or its original, adding one and removing
    /// one serve what a fresh build writes, and a quote made internal leaves the Welsh pages too.
    @Test func aBilingualSiteServesWhatABuildWritesAfterEachEdit() async throws {
        let site = try FixtureSite(copying: "bilingual-site")
        let preview = PreviewSite(folder: site.root, includeDrafts: false, baseURL: Self.baseURL, clock: SiteBuilds.clock)
        let first = await preview.update(changed: nil)
        #expect(first.run.succeeded, "\(first.run.diagnostics)")
        let welsh = "content/case-studies/first-steps.cy.md", quote = "content/quotes/q-valued.md"
        let edits: [(String, () throws -> Set<String>)] = [
            ("edit a translation", {
                try site.edit(welsh, replacing: "bob pythefnos", with: "bob wythnos")
                return [welsh]
            }),
            ("make a translated quote's original internal", {
                try site.edit(quote, replacing: "consent: public", with: "consent: internal")
                return [quote]
            }),
            ("add a translation", {
                try site.write("content/case-studies/second-wind.cy.md", try site.read("content/case-studies/second-wind.md").replacingOccurrences(of: "title: A second wind", with: "title: Ail wynt"))
                return ["content/case-studies/second-wind.cy.md"]
            }),
            ("remove a translation", {
                try site.remove("content/pages/about.cy.md")
                return ["content/pages/about.cy.md"]
            }),
            ("edit an original's title", {
                try site.edit("content/case-studies/second-wind.md", replacing: "title: A second wind", with: "title: Another wind")
                return ["content/case-studies/second-wind.md"]
            }),
        ]
        for (name, edit) in edits {
            let outcome = await preview.update(changed: try edit())
            #expect(outcome.run.succeeded, "\(name): \(outcome.run.diagnostics)")
            try await expectSameAsFreshBuild(preview, site: site, context: name)
        }
        let quotes = String(decoding: await preview.file("cy/quotes/index.html") ?? [], as: UTF8.self)
        #expect(!quotes.isEmpty && !quotes.contains("teimlo’n werthfawr"), "an internal quote's translation is served")
    }

    /// Consent withdrawn by an edit takes the quote out of every served file at once: its page
    /// (a patched load, a kept fragment cache), the lists, the counts and the exports, including
    /// outputs held back until asked for. Withdrawn in two edits: to `internal`, then `withdrawn`.
    @Test(arguments: ["internal", "withdrawn"]) func withdrawnConsentLeavesNoTraceAtOnce(consent: String) async throws {
        let site = try FixtureSite(copying: "valid-site")
        let preview = PreviewSite(folder: site.root, includeDrafts: false, baseURL: Self.baseURL, clock: SiteBuilds.clock)
        _ = await preview.update(changed: nil)
        let words = "It makes me feel valued"
        let page = "case-studies/first-steps/index.html"
        #expect(String(decoding: await preview.file(page) ?? [], as: UTF8.self).contains(words))
        // Pages and exports made before the edit, so the cached values and outputs are warm.
        for path in await preview.store.paths { _ = await preview.file(path) }

        let path = "content/quotes/q-valued.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "consent: public", with: "consent: \(consent)"))
        let edit = await preview.update(changed: [path])
        #expect(edit.run.succeeded && !edit.run.full, "\(edit.run.diagnostics)")
        for path in await preview.store.paths {
            let text = String(decoding: await preview.file(path) ?? [], as: UTF8.self)
            #expect(!text.contains(words), "\(path) still shows the quote withdrawn from it")
        }
        try await expectSameAsFreshBuild(preview, site: site, context: "after consent \(consent)")
    }

    /// Every file a fresh build writes is served with its bytes, and nothing else is served.
    func expectSameAsFreshBuild(_ preview: PreviewSite, site: FixtureSite, includeDrafts: Bool = false, context: String) async throws {
        let output = TestScratch.path("casebook-preview-full")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = SiteBuild(
            options: .init(folder: site.root, output: output.path, includeDrafts: includeDrafts, baseURL: Self.baseURL), clock: SiteBuilds.clock)
        let outcome = build.run()
        #expect(outcome.succeeded, "\(context): the fresh build failed: \(outcome.diagnostics) \(outcome.failure ?? "")")
        var built = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: output.path + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue || relative == ".casebook-output" { continue }
            built.insert(relative)
            let written = try [UInt8](Data(contentsOf: output.appendingPathComponent(relative)))
            let same = await preview.file(relative) == written
            #expect(same, "\(context): \(relative) differs from the fresh build")
        }
        let served = Set(await preview.store.paths)
        #expect(served == built, "\(context): served only \(served.subtracting(built).sorted()), built only \(built.subtracting(served).sorted())")
    }
}

/// SplitMix64: a small generator whose sequence depends only on its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes one random, valid edit to a copy of the `valid-site` fixture at a time.
struct SiteEditor {
    struct Edit {
        var description: String
        /// What the file watcher would report.
        var paths: Set<String>
    }

    let site: FixtureSite
    var random: SeededRandom
    private var counter = 0
    /// Case studies, quote files and pages this editor added (nothing refers to them: removable).
    private var caseStudies: [String] = []
    private var quoteFiles: [String] = []
    private var pages: [String] = []
    private var overrides: Set<String> = []

    static let themes = ["hard-work", "shared-benefits"]
    static let programmes = ["talent-match", "a-better-start"]
    /// Templates the site may override: every partial that prints items or the page chrome, and page templates.
    static let templates = [
        "partials/quote", "partials/case-study-card", "partials/site-header", "partials/site-footer", "partials/lesson",
        "case-study", "home", "layout",
    ]
    static let csvRows = [
        "\"They listened, and then they acted.\",Parent,a-better-start,shared-benefits,public,second-wind,2025-06-01",
        "\"It took a year to get going;\nworth every week.\",Project worker,talent-match,hard-work;shared-benefits,public,,2025-06-02",
        "Nobody asked us before.,Parent,a-better-start,shared-benefits,internal,,",
        "We came back every week.,Young person,talent-match,hard-work,public,first-steps,2025-07-01",
        "\"Slow, then fast.\",Volunteer,a-better-start,hard-work,public,,",
    ]

    init(site: FixtureSite, random: SeededRandom) {
        self.site = site
        self.random = random
    }

    mutating func next() throws -> Edit {
        counter += 1
        let n = counter
        switch Int.random(in: 0..<18, using: &random) {
        case 0:
            let file = (["first-steps", "second-wind"] + caseStudies).randomElement(using: &random)!
            let path = "content/case-studies/\(file).md"
            try replaceLine(path, starting: "summary: ", with: "summary: Summary number \(n).")
            return Edit(description: "summary of \(file)", paths: [path])
        case 1:
            let file = ["first-steps", "second-wind"].randomElement(using: &random)!
            let path = "content/case-studies/\(file).md"
            try replaceLine(path, starting: "title: ", with: "title: Title number \(n)")
            return Edit(description: "title of \(file)", paths: [path])
        case 2:
            let name = "extra-\(n)"
            caseStudies.append(name)
            let path = "content/case-studies/\(name).md"
            try site.write(path, caseStudy(title: "Extra story \(n)"))
            return Edit(description: "new case study \(name)", paths: [path])
        case 3 where !caseStudies.isEmpty:
            let name = caseStudies.remove(at: Int.random(in: 0..<caseStudies.count, using: &random))
            let path = "content/case-studies/\(name).md"
            try site.remove(path)
            return Edit(description: "deleted \(name)", paths: [path])
        case 4 where !caseStudies.isEmpty:
            let index = Int.random(in: 0..<caseStudies.count, using: &random)
            let (old, new) = (caseStudies[index], "renamed-\(n)")
            caseStudies[index] = new
            try FileManager.default.moveItem(atPath: site.path("content/case-studies/\(old).md"), toPath: site.path("content/case-studies/\(new).md"))
            return Edit(description: "renamed \(old) to \(new)", paths: ["content/case-studies/\(old).md", "content/case-studies/\(new).md"])
        case 5:
            var rows = Self.csvRows.filter { _ in Bool.random(using: &random) }
            if rows.isEmpty { rows = [Self.csvRows[0]] }
            if Bool.random(using: &random) { rows[0] = rows[0].replacingOccurrences(of: "Parent", with: "Parent \(n)") }
            try site.write("content/quotes/survey.csv", "text,speaker,programme,themes,consent,case_study,date\n" + rows.joined(separator: "\n") + "\n")
            return Edit(description: "survey.csv rows", paths: ["content/quotes/survey.csv"])
        case 6:
            let consent = Bool.random(using: &random) ? "public" : "internal"
            try replaceLine("content/quotes/q-slow.md", starting: "consent: ", with: "consent: \(consent)")
            return Edit(description: "q-slow consent \(consent)", paths: ["content/quotes/q-slow.md"])
        case 7:
            if let removed = try removeOne(of: \.quoteFiles, in: "content/quotes") { return removed }
            let name = "said-\(n)"
            quoteFiles.append(name)
            let caseStudy = ["first-steps", "second-wind"].randomElement(using: &random)!
            let theme = Self.themes.randomElement(using: &random)!
            try site.write(
                "content/quotes/\(name).md",
                "---\nspeaker: Speaker \(n)\nprogramme: talent-match\ncase_study: \(caseStudy)\nthemes: [\(theme)]\nconsent: public\n"
                    + "featured: \(Bool.random(using: &random))\n---\nQuote number \(n).\n")
            return Edit(description: "new quote \(name)", paths: ["content/quotes/\(name).md"])
        case 8:
            let key = ["title: ", "organisation: "].randomElement(using: &random)!
            try replaceLine("casebook.yml", starting: key, with: "\(key)Setting \(n)")
            return Edit(description: "casebook.yml \(key)", paths: ["casebook.yml"])
        case 9, 10:
            let name = Self.templates.randomElement(using: &random)!
            let path = "themes/default/templates/\(name).mustache"
            if overrides.contains(name), Bool.random(using: &random) {
                overrides.remove(name)
                try site.remove(path)
                return Edit(description: "removed override \(name)", paths: [path])
            }
            overrides.insert(name)
            let builtIn = try String(contentsOf: PackagePaths.root.appendingPathComponent("Sources/Render/DefaultTheme/templates/\(name).mustache"), encoding: .utf8)
            try site.write(path, "<!-- override \(n) -->" + builtIn)
            return Edit(description: "override \(name) #\(n)", paths: [path])
        case 11:
            let path = "themes/default/assets/site.css"
            if FileManager.default.fileExists(atPath: site.path(path)), Bool.random(using: &random) {
                try site.remove(path)
                return Edit(description: "removed site.css override", paths: [path])
            }
            try site.write(path, "body { color: #\(n % 10)\(n % 10)\(n % 10); }\n")
            return Edit(description: "site.css override #\(n)", paths: [path])
        case 12:
            let path = ["static/notes.txt", "static/robots.txt", "static/data/figures.csv"].randomElement(using: &random)!
            if FileManager.default.fileExists(atPath: site.path(path)), Bool.random(using: &random) {
                try site.remove(path)
                return Edit(description: "removed \(path)", paths: [path])
            }
            try site.write(path, "static \(n)\n")
            return Edit(description: "wrote \(path)", paths: [path])
        case 13:
            if let removed = try removeOne(of: \.pages, in: "content/pages") { return removed }
            let name = "page-\(n)"
            pages.append(name)
            try site.write("content/pages/\(name).md", "---\ntitle: Page \(n)\nweight: \(n % 4)\n---\nText of page \(n).\n")
            return Edit(description: "new page \(name)", paths: ["content/pages/\(name).md"])
        case 15:
            // Edits that keep every item's placement: `casebook serve` patches them into the last run.
            let path = "content/case-studies/first-steps.md"
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                try replaceLine(path, starting: "    text: Building trust", with: "    text: Building trust took \(n) months.")
                return Edit(description: "lesson text of first-steps", paths: [path])
            case 1:
                try site.write(path, try site.read(path) + "\nMore of the story \(n).\n")
                return Edit(description: "body of first-steps", paths: [path])
            default:
                // Added once (the lines below move: not patched), then changed in place.
                if try site.read(path).contains("organisation: ") {
                    try replaceLine(path, starting: "organisation: ", with: "organisation: Org \(n)")
                } else {
                    try site.write(path, try site.read(path).replacingOccurrences(of: "date: 2025-03-01\n", with: "date: 2025-03-01\norganisation: Org \(n)\n"))
                }
                return Edit(description: "organisation of first-steps", paths: [path])
            }
        case 16:
            let path = ["content/quotes/q-slow.md", "content/quotes/q-valued.md"].randomElement(using: &random)!
            let text = try site.read(path)
            let end = text.range(of: "---\n", options: .backwards)!.upperBound
            try site.write(path, String(text[..<end]) + "Words of edit \(n).\n")
            return Edit(description: "words of \((path as NSString).lastPathComponent)", paths: [path])
        default:
            if Bool.random(using: &random) {
                try replaceLine("content/pages/about.md", starting: "weight: ", with: "weight: \(n % 5)")
                return Edit(description: "about.md weight", paths: ["content/pages/about.md"])
            }
            try site.write("content/pages/about.md", try site.read("content/pages/about.md") + "\nMore text \(n).\n")
            return Edit(description: "about.md body", paths: ["content/pages/about.md"])
        }
    }

    /// Half the time, when this editor added some, deletes one of `names` (files of `folder`).
    private mutating func removeOne(of names: WritableKeyPath<SiteEditor, [String]>, in folder: String) throws -> Edit? {
        guard !self[keyPath: names].isEmpty, Bool.random(using: &random) else { return nil }
        let name = self[keyPath: names].remove(at: Int.random(in: 0..<self[keyPath: names].count, using: &random))
        let path = "\(folder)/\(name).md"
        try site.remove(path)
        return Edit(description: "deleted \(path)", paths: [path])
    }

    private mutating func caseStudy(title: String) -> String {
        let theme = Self.themes.randomElement(using: &random)!
        let programme = Self.programmes.randomElement(using: &random)!
        return "---\ntitle: \(title)\nprogramme: \(programme)\ndate: 2025-04-0\(Int.random(in: 1...9, using: &random))\n"
            + "themes: [\(theme)]\nsummary: A summary.\nlessons:\n  - theme: \(theme)\n    text: A lesson.\n---\nBody of \(title).\n"
    }

    private func replaceLine(_ path: String, starting prefix: String, with line: String) throws {
        let lines = try site.read(path).components(separatedBy: "\n")
        try site.write(path, lines.map { $0.hasPrefix(prefix) ? line : $0 }.joined(separator: "\n"))
    }
}
