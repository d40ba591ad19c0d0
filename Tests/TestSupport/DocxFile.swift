import Foundation

/// A Word document read back as its reader would: the XML parts inside its zip (Python's
/// `zipfile`, here wherever WeasyPrint is) and its text and structure as Pandoc reads it.
public struct DocxFile {
    public let path: String

    public init(_ path: String) { self.path = path }

    /// Whether Pandoc is installed (`scripts/install-deps.sh --test`); tests that need it fail without.
    public static var pandoc: URL? { PackagePaths.onPath("pandoc") }
    public static let missingPandoc = "pandoc is not on PATH: run scripts/install-deps.sh --test (or apt-get install pandoc)"

    /// The names of the files in the zip, in order.
    public func entries() throws -> [String] {
        try python("import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))").split(separator: "\n").map(String.init)
    }

    /// One file of the zip as text (`word/document.xml`, `docProps/core.xml`).
    public func entry(_ name: String) throws -> String {
        try python("import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode('utf-8'))", name)
    }

    /// The text of `word/document.xml` with its tags left out: Pandoc writes some paragraphs a
    /// word to a run, so a phrase is found only once the runs are joined.
    public func documentText() throws -> String {
        try entry("word/document.xml").replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    /// The document converted by Pandoc (`pandoc -f docx -t FORMAT`); throws when Pandoc cannot read it.
    public func converted(to format: String) throws -> String {
        guard let pandoc = Self.pandoc else { throw DocxError(message: Self.missingPandoc) }
        let result = try ProcessRunner.run(pandoc, ["-f", "docx", "-t", format, "--wrap=none", path])
        guard result.status == 0 else { throw DocxError(message: "pandoc could not read \(path): \(result.stderr)") }
        return result.stdout
    }

    private func python(_ script: String, _ arguments: String...) throws -> String {
        guard let python = PackagePaths.onPath("python3") else { throw DocxError(message: "python3 is not on PATH") }
        let result = try ProcessRunner.run(python, ["-c", script, path] + arguments)
        guard result.status == 0 else { throw DocxError(message: "\(path) is not a readable zip: \(result.stderr)") }
        return result.stdout
    }

    struct DocxError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
