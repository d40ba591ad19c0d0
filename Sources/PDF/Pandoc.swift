import Foundation

/// Pandoc, found on this machine, which turns a report's HTML into a Word document (DOCX).
///
/// Pandoc's DOCX writer maps the HTML's headings to Word's heading styles, `--toc` adds a
/// contents field Word fills in, blockquotes become quotations and tables Word tables; the
/// styles come from a reference document (`--reference-doc`). It reads the title, author,
/// description and language from the HTML's `<head>` into the document's properties.
///
/// What it may load is what the report's HTML names: content images only from `static/` (its
/// `--resource-path`), remote ones only with `--allow-network` (`ReportResources` leaves the
/// rest out). Pandoc's `--sandbox` would confine it further, but Debian's Pandoc then cannot
/// read its own data files; so, as with Chromium, a theme's own template can still name a local
/// file.
public struct Pandoc: Sendable {
    public let executable: String
    /// As Pandoc reports it, e.g. "2.17.1.1".
    public let version: String

    public var description: String { "pandoc \(version)" }

    /// `--shift-heading-level-by` came in Pandoc 2.8.
    static let minimumVersion = [2, 8]

    static let installHint = """
        `report --docx` needs Pandoc 2.8 or later. Install it:
          sudo apt-get install pandoc      (or see https://pandoc.org/installing.html)
        or set CASEBOOK_PANDOC to the program's path.
        """

    /// The Pandoc named by `CASEBOOK_PANDOC`, else the one on PATH. Throws, saying how to get
    /// one, when there is none, when `CASEBOOK_PANDOC` names no usable program, or when it is too old.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PDFError) -> Pandoc {
        let named = environment["CASEBOOK_PANDOC"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = ProcessRunner.which(named ?? "pandoc", environment: environment) else {
            throw PDFError(message: named.map { "CASEBOOK_PANDOC is set to \($0), which is not an executable program; fix or unset it" }
                ?? "pandoc was not found.\n" + installHint)
        }
        guard let output = try? ProcessRunner.run(path, ["--version"], timeout: 30), output.status == 0 else {
            throw PDFError(message: "\(path) does not answer --version as Pandoc does.\n" + installHint)
        }
        let version = PDFEngine.versionNumber(in: output.stdout)
        let numbers = version.split(separator: ".").map { Int($0) ?? 0 }
        guard numbers.lexicographicallyPrecedes(minimumVersion) == false else {
            throw PDFError(message: "pandoc \(version) at \(path) is too old.\n" + installHint)
        }
        return Pandoc(executable: path, version: version)
    }

    /// Converts `html` (a file path) to the DOCX `output`, styled by the reference document
    /// `reference`, with relative image paths resolved in `resources`. `date` becomes the document's created and modified times and the zip
    /// entries' (Pandoc reads `SOURCE_DATE_EPOCH`), so the same report gives the same bytes.
    public func docx(html: String, output: String, reference: String, resources: String, date: Date) throws(PDFError) {
        // The report's sections are <h2>: shifted up one level they are Word's Heading 1, and the
        // contents field lists them (one level, like the printed contents page).
        let arguments = [
            "--from=html", "--to=docx", "--toc", "--toc-depth=1", "--shift-heading-level-by=-1",
            "--reference-doc=\(reference)", "--resource-path=\(resources)", "--output=\(output)", html,
        ]
        let result: ProcessRunner.Output
        do {
            result = try ProcessRunner.run(
                executable, arguments, timeout: 300, environment: ["SOURCE_DATE_EPOCH": String(Int(date.timeIntervalSince1970))])
        } catch {
            throw PDFError(message: "pandoc could not be started: \(error)")
        }
        guard result.status == 0, FileManager.default.fileExists(atPath: output) else {
            let detail = (result.stderr.isEmpty ? result.stdout : result.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PDFError(message: "pandoc failed (exit \(result.status)): \(detail.suffix(2000))")
        }
    }
}
