import Foundation

/// Reads the document language (`/Lang` in the catalog) from a PDF, which poppler's tools do
/// not print. The catalog may sit in a compressed object stream (WeasyPrint 66 and later), so
/// the Flate streams are inflated and searched too; Python's zlib does that (WeasyPrint needs
/// Python, so it is here wherever PDFs are made).
public enum PDFCatalog {
    static let script = #"""
        import re, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        parts = [data]
        for match in re.finditer(rb'stream\r?\n', data):
            end = data.find(b'endstream', match.end())
            try:
                parts.append(zlib.decompress(data[match.end():end]))
            except zlib.error:
                pass
        for part in parts:
            found = re.search(rb'/Lang\s*\(([^)]*)\)', part)
            if found:
                print(found.group(1).decode('latin-1'))
                break
        """#

    public static func language(of path: String) throws -> String? {
        guard let python = PackagePaths.onPath("python3") else { throw PDFCatalogError.noPython }
        let output = try ProcessRunner.run(python, ["-c", script, path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return output.isEmpty ? nil : output
    }

    enum PDFCatalogError: Error, CustomStringConvertible {
        case noPython
        var description: String { "python3 is not on PATH (it reads the PDF's /Lang)" }
    }
}
