import ArgumentParser
import Foundation
import Markdown
import Model
import PDF

/// `casebook version`: what a bug report needs to know about this casebook and this machine.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print casebook's version, the commit it was built from, libcmark's version and the PDF engines found.",
        discussion: """
            Works anywhere: it reads no site. Exit status: 0, or 2 on usage problems.

            Examples:
              casebook version
              casebook version --json > casebook-version.json
            """
    )

    @Flag(help: "Print JSON, for bug reports and tools.")
    var json = false

    struct Report: Encodable {
        struct Engine: Encodable {
            let name: String, version: String, path: String
        }
        let version: String
        /// nil (JSON null) for a development build.
        let commit: String?
        let libcmark: String
        let pdfEngines: [Engine]

        // Encodable skips nil optionals; a bug report should say "no commit" outright.
        enum CodingKeys: String, CodingKey { case version, commit, libcmark, pdfEngines }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(commit, forKey: .commit)
            try container.encode(libcmark, forKey: .libcmark)
            try container.encode(pdfEngines, forKey: .pdfEngines)
        }
    }

    func run() throws {
        let report = Report(
            version: CasebookVersion.current, commit: CasebookVersion.commit, libcmark: CmarkVersion.string,
            pdfEngines: PDFEngine.survey().compactMap { $0.engine }.map { .init(name: $0.kind.rawValue, version: $0.version, path: $0.executable) })
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
            return
        }
        var text = "casebook \(CasebookVersion.description)\nlibcmark \(report.libcmark)\n"
        text += report.pdfEngines.isEmpty
            ? "PDF engines: none found\n"
            : report.pdfEngines.map { "PDF engine: \($0.name) \($0.version) (\($0.path))\n" }.joined()
        Terminal.out(text)
    }
}
