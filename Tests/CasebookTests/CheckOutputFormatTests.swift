import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// `check --format json` for tools and `--format github` for Actions annotations: the same
/// diagnostics as the text form, in a shape a machine can read.
@Suite struct CheckOutputFormatTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    @Test func jsonIsAnArrayOfDiagnosticsWithTheDocumentedKeys() throws {
        let site = try DefectSite.make()
        let result = try CasebookCLI.run(["check", "--format", "json", site.root])
        #expect(result.status == 1, "\(result)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let entries = try #require(parsed as? [[String: Any]], "not an array of objects: \(result.stdout)")
        #expect(entries.count == DefectSite.expected.count)
        for entry in entries {
            #expect(Set(entry.keys) == ["file", "line", "column", "severity", "code", "message"])
        }
        let located = entries.map { "\($0["file"] as? String ?? "?"):\($0["line"] as? Int ?? -1): \($0["severity"] as? String ?? "?")" }
        #expect(located == DefectSite.expected.map { "\($0.file):\($0.line): \($0.severity)" })
        #expect(entries.map { $0["code"] as? String ?? "" } == DefectSite.expected.map(\.code))
        #expect(entries.allSatisfy { ($0["column"] as? Int ?? 0) >= 1 && !($0["message"] as? String ?? "").isEmpty })
    }

    @Test func jsonOfACleanSiteIsAnEmptyArrayAndNothingElse() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["check", "--format", "json", site.root])
        #expect(result.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        #expect((parsed as? [Any])?.isEmpty == true, "\(result.stdout)")
        #expect(result.stderr == "", "no summary text mixed into machine-readable runs")
    }

    @Test func githubFormatPrintsOneAnnotationPerDiagnostic() throws {
        let site = try DefectSite.make()
        let result = try CasebookCLI.run(["check", "--format", "github", site.root])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.count == DefectSite.expected.count)
        for (line, defect) in zip(result.stdoutLines, DefectSite.expected) {
            #expect(line.hasPrefix("::\(defect.severity) file=\(defect.file),line=\(defect.line),col="), "\(line)")
            #expect(line.contains(",title=\(defect.code)::"), "\(line)")
            #expect(line.firstMatch(of: /^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[a-z0-9-]+::.+$/) != nil, "\(line)")
        }
    }

    @Test func githubFormatEscapesWhatWouldBreakTheCommand() {
        let diagnostic = Diagnostic.error(
            "odd", "100% sure,\nsecond line", at: Model.SourceLocation(file: "content/a,b:c.md", line: 2, column: 3))
        #expect(DiagnosticFormat.github.render([diagnostic])
            == "::error file=content/a%2Cb%3Ac.md,line=2,col=3,title=odd::100% sure,%0Asecond line\n".replacingOccurrences(of: "100% ", with: "100%25 "))
    }

    @Test func githubFormatLeavesOutUnknownLineAndColumn() {
        let diagnostic = Diagnostic.error("symlink-outside-site", "refused", at: Model.SourceLocation(file: "content/x.md"))
        #expect(DiagnosticFormat.github.render([diagnostic]) == "::error file=content/x.md,title=symlink-outside-site::refused\n")
    }

    @Test func textFormatIsCompilerStyle() {
        let diagnostics = [
            Diagnostic.warning("w", "second", at: Model.SourceLocation(file: "b.md", line: 1, column: 1)),
            Diagnostic.error("e", "first", at: Model.SourceLocation(file: "a.md", line: 4, column: 10)),
            Diagnostic.error("f", "whole file", at: Model.SourceLocation(file: "c.md")),
        ]
        #expect(DiagnosticFormat.text.render(diagnostics.sortedByLocation())
            == "a.md:4:10: error: first\nb.md:1:1: warning: second\nc.md: error: whole file\n")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["check", "--format", "xml", site.root])
        #expect(result.status != 0 && result.status != 1, "a usage error must not look like content errors: \(result)")
        #expect(result.stderr.contains("xml"))
    }
}
