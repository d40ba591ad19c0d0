import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Model
import Pipeline
import Testing
import TestSupport

/// A site whose every field carries injection payloads, built into a site and reports, against
/// its benign twin: the same site with plain words where the payloads stand.
///
/// Whatever the payloads, every page of the hostile build must have exactly the elements and
/// attributes of the twin's page (a payload that became markup changes them), no event handler,
/// no script but the theme's files, no script-capable or protocol-relative URL; the feed and
/// sitemap must be well-formed XML and the JSON exports valid JSON.
@Suite struct HostileContentTests {
    /// Breaks out of text, attributes (both quotes), comments, CDATA, `<title>`/`<textarea>`,
    /// Mustache and JSON-in-script, and carries an event handler and a `javascript:` URL.
    static let payload =
        #"x"'><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">j</a>"#
        + #" onmouseover=alert(4) {{site.title}}{{{page}}}]]><!-- --></title></textarea></style>\u2028</script>"#

    /// The site's text, with `value(label)` in every field a user writes.
    static func site(_ value: (String) -> String) -> [String: String] {
        func yaml(_ label: String) -> String {
            "\"" + value(label).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func csv(_ label: String) -> String { "\"" + value(label).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return [
            "casebook.yml": """
                title: \(yaml("site title"))
                base_url: https://example.org/insight/
                organisation: \(yaml("organisation"))
                contact_email: insight@example.org
                introduction: \(yaml("introduction"))
                themes:
                  - id: alpha
                    title: \(yaml("theme title"))
                    description: \(yaml("theme description"))
                  - id: beta
                    title: \(yaml("second theme"))
                programmes:
                  - id: prog
                    title: \(yaml("programme title"))
                    description: \(yaml("programme description"))
                reports:
                  - id: open
                    title: \(yaml("report title"))
                    subtitle: \(yaml("report subtitle"))
                    audience: public
                  - id: board
                    title: \(yaml("internal report title"))
                    audience: internal
                """,
            "content/case-studies/study.md": """
                ---
                title: \(yaml("case study title"))
                programme: prog
                date: 2025-03-01
                themes: [alpha, beta]
                summary: \(yaml("summary"))
                organisation: \(yaml("case study organisation"))
                region: \(yaml("region"))
                lessons:
                  - theme: alpha
                    text: \(yaml("lesson"))
                quotes: [said]
                ---
                \(value("body"))

                \(value("second paragraph"))
                """,
            "content/quotes/said.md": """
                ---
                speaker: \(yaml("speaker"))
                programme: prog
                case_study: study
                themes: [alpha]
                consent: public
                featured: true
                ---
                \(value("quote"))
                """,
            "content/quotes/bulk.csv": """
                id,text,speaker,programme,themes,consent,case_study
                row-one,\(csv("csv quote")),\(csv("csv speaker")),prog,alpha;beta,public,study
                row-two,\(csv("internal csv quote")),\(csv("internal speaker")),prog,beta,internal,

                """,
            "content/pages/about.md": """
                ---
                title: \(yaml("page title"))
                description: \(yaml("page description"))
                ---
                \(value("page body"))
                """,
        ]
    }

    static let hostile = site { "\($0) \(payload)" }
    static let benign = site { "\($0) plain words" }

    /// Builds the site (with its public reports) and the internal report into one folder each.
    static func build(_ files: [String: String]) throws -> (site: SiteFiles, reports: SiteFiles) {
        let fixture = try FixtureSite(files)
        let output = SiteBuilds.temporaryOutput(), reports = SiteBuilds.temporaryOutput()
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: reports)
        }
        let built = SiteBuilds.build(fixture.root, into: output)
        try #require(built.succeeded, "\(built.diagnostics) \(built.failure ?? "")")
        let reported = ReportBuild(options: .init(folder: fixture.root, output: reports), clock: SiteBuilds.clock).run()
        try #require(reported.succeeded, "\(reported.diagnostics) \(reported.failure ?? "")")
        return (try SiteFiles(folder: output), try SiteFiles(folder: reports))
    }

    /// Element names with their attribute names, in document order: what a payload turned into
    /// markup would change. A chart's label takes one SVG `<text>` per line, as many as its
    /// length needs, so a run of alike `<text>` elements counts once.
    static func shape(_ html: String) -> [String] {
        var shape: [String] = []
        for tag in HTMLScanner(html).tags {
            let entry = ([tag.name] + tag.attributes.map(\.name).sorted()).joined(separator: " ")
            if tag.name == "text", shape.last == entry { continue }
            shape.append(entry)
        }
        return shape
    }

    @Test func payloadsInEveryFieldChangeNoPageStructure() throws {
        let hostile = try Self.build(Self.hostile), benign = try Self.build(Self.benign)
        for (name, built, twin) in [("site", hostile.site, benign.site), ("reports", hostile.reports, benign.reports)] {
            #expect(built.htmlPages == twin.htmlPages, "\(name): the same pages")
            for page in built.htmlPages {
                let shape = Self.shape(built.text(page) ?? ""), expected = Self.shape(twin.text(page) ?? "")
                #expect(shape == expected, "\(name)/\(page): \(Set(shape).symmetricDifference(expected).sorted())")
            }
        }
        // The payload is shown as text: the test would see it if it were dropped instead.
        let shown = hostile.site.htmlPages.filter { HTMLScanner(hostile.site.text($0) ?? "").text.contains("<script>alert(1)</script>") }
        #expect(shown.count > 5)
    }

    @Test func noPageCarriesAnEventHandlerAForeignScriptOrAScriptURL() throws {
        let hostile = try Self.build(Self.hostile)
        for (name, built) in [("site", hostile.site), ("reports", hostile.reports)] {
            for page in built.htmlPages {
                for tag in HTMLScanner(built.text(page) ?? "").tags {
                    for attribute in tag.attributes {
                        #expect(!attribute.name.hasPrefix("on"), "\(name)/\(page): \(tag)")
                        guard ["href", "src", "action", "formaction", "srcset", "poster", "content"].contains(attribute.name) else { continue }
                        let value = attribute.value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                        for scheme in ["javascript:", "vbscript:", "data:text", "file:"] {
                            #expect(!value.hasPrefix(scheme), "\(name)/\(page): \(tag)")
                        }
                        if attribute.name != "content" { #expect(!value.hasPrefix("//"), "\(name)/\(page): protocol-relative \(tag)") }
                    }
                    if tag.name == "script" {
                        let source = tag.attribute("src") ?? ""
                        #expect(source.contains("/assets/") && source.hasSuffix(".js"), "\(name)/\(page): a script not from the theme: \(tag)")
                    }
                    #expect(!["iframe", "object", "embed", "base"].contains(tag.name), "\(name)/\(page): \(tag)")
                }
            }
        }
    }

    @Test func feedsAndExportsStayWellFormed() throws {
        let hostile = try Self.build(Self.hostile)
        let xml = hostile.site.files.keys.filter { $0.hasSuffix(".xml") }.sorted()
        #expect(!xml.isEmpty)
        for path in xml {
            let parser = XMLParser(data: Data(hostile.site.files[path]!))
            #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
        }
        let json = (hostile.site.files.keys + hostile.reports.files.keys.map { "reports:" + $0 }).filter { $0.hasSuffix(".json") }.sorted()
        #expect(json.count >= 3)
        for path in json {
            let bytes = path.hasPrefix("reports:") ? hostile.reports.files[String(path.dropFirst(8))]! : hostile.site.files[path]!
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil, "\(path) is not valid JSON")
        }
    }
}
