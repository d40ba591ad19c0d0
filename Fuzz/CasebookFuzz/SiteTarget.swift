import Aggregate
import Foundation
import Load
import Model
import Render
import Validate

/// The whole loader, validator, aggregator and renderer over a small site made from the input.
///
/// The input is cut at lines holding only `%%` into `casebook.yml`, a case study, a quote file,
/// a quotes CSV and a page (`scripts/fuzz.sh` makes seeds from the example site that way).
/// Two invariants are checked on every site that validates:
/// - every output path stays strictly inside the output folder;
/// - non-public quotes leave no trace: the site rendered from the content as it is equals,
///   byte for byte, the site rendered with every non-public quote deleted.
enum SiteTarget {
    static let files = [
        "casebook.yml", "content/case-studies/fuzz.md", "content/quotes/fuzz.md", "content/quotes/fuzz.csv",
        "content/pages/fuzz.md",
    ]
    static let folder = NSTemporaryDirectory() + "casebook-fuzz-site-\(getpid())"
    static let day = ConsentDay(Day(iso: "2026-01-15")!)
    static let theme: Theme = {
        do { return try Theme.load(siteRoot: folder, name: nil) } catch { FuzzCheck.fail("the built-in theme: \(error)") }
    }()

    static func run(_ bytes: [UInt8]) {
        write(parts(of: bytes))
        let loaded = SiteLoader.load(from: folder)
        guard let site = SiteValidator(consentDay: day).validate(loaded).site else { return }
        var publicOnly = site
        publicOnly.quotes = site.quotes.filter { $0.consent == .public }
        let full = render(site)
        FuzzCheck.require(full == render(publicOnly), "non-public quotes changed the public site")
    }

    /// The rendered site as path → bytes, or nil when rendering reported an error.
    static func render(_ site: ValidatedSite) -> [String: [UInt8]]? {
        let aggregated = Aggregator.aggregate(site, selection: .site)
        for quote in aggregated.quotes + aggregated.featured + aggregated.themes.flatMap(\.quotes) {
            FuzzCheck.require(quote.consent == .public, "a \(quote.consent) quote reached the site's aggregate")
        }
        guard let files = try? SiteRenderer(theme: theme).render(aggregated, stamp: StampTime(unixTime: 1_768_435_200)) else { return nil }
        var result: [String: [UInt8]] = [:]
        for file in files {
            let segments = file.path.split(separator: "/", omittingEmptySubsequences: false)
            FuzzCheck.require(
                !file.path.hasPrefix("/") && !segments.contains { $0.isEmpty || $0 == "." || $0 == ".." } && !file.path.utf8.contains(0),
                "output path '\(file.path)' is not strictly inside the output")
            switch file.contents {
            case .bytes(let bytes): result[file.path] = bytes
            case .text(let text): result[file.path] = Array(text.utf8)
            case .copy(let source): result[file.path] = Array(source.utf8)
            }
        }
        return result
    }

    /// The input cut at `\n%%\n` lines, one part per file; missing parts are empty.
    static func parts(of bytes: [UInt8]) -> [[UInt8]] {
        let separator: [UInt8] = Array("\n%%\n".utf8)
        var parts: [[UInt8]] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count, parts.count < files.count - 1 {
            if bytes[i..<(i + separator.count)].elementsEqual(separator) {
                parts.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    static func write(_ parts: [[UInt8]]) {
        for (index, path) in files.enumerated() {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if index < parts.count {
                try? Data(parts[index]).write(to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }
}
