import Foundation

/// A PDF read back with poppler's command-line tools, as a reader or a checker would.
public struct PDFText {
    /// The text of each page, in order (pdftotext separates pages with form feeds).
    public let pages: [String]
    /// `pdfinfo`'s fields (Title, Author, Pages, Tagged…).
    public let info: [String: String]
    /// `pdffonts`' rows: (name, embedded).
    public let fonts: [(name: String, embedded: Bool)]

    /// Whether poppler's tools are installed (the tests that need them fail under CI without).
    public static var isAvailable: Bool { PackagePaths.onPath("pdftotext") != nil && PackagePaths.onPath("pdfinfo") != nil }

    /// The PDF's path, for reading parts of a page (`top`).
    public let path: String

    public init(_ path: String) throws {
        self.path = path
        let text = try ProcessRunner.run(PackagePaths.onPath("pdftotext")!, [path, "-"]).stdout
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        self.pages = pages
        var info: [String: String] = [:]
        for line in try ProcessRunner.run(PackagePaths.onPath("pdfinfo")!, [path]).stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.info = info
        let rows = try ProcessRunner.run(PackagePaths.onPath("pdffonts")!, [path]).stdout.split(separator: "\n").dropFirst(2)
        fonts = rows.map { row in
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type… encoding emb sub uni object ID: "emb" is the fifth column from the end.
            return (String(columns.first ?? ""), columns.count >= 5 && columns[columns.count - 5] == "yes")
        }
    }

    /// A page's text with line breaks and repeated spaces folded, for phrase searches.
    public func flat(_ index: Int) -> String {
        pages[index].split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }

    /// The text in the top `points` of a page (its running header), folded as `flat` folds it.
    public func top(_ index: Int, points: Int = 56) throws -> String {
        let page = String(index + 1)
        let text = try ProcessRunner.run(
            PackagePaths.onPath("pdftotext")!, ["-f", page, "-l", page, "-x", "0", "-y", "0", "-W", "10000", "-H", String(points), path, "-"]
        ).stdout
        return text.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\u{0C}" }).joined(separator: " ")
    }

    public func occurrences(of phrase: String, onPage index: Int) -> Int {
        flat(index).components(separatedBy: phrase).count - 1
    }
}
