@testable import Load
import Model

/// Front matter splitting: any bytes give a split or a diagnostic, and the parts are the file's.
enum FrontMatterTarget {
    static func run(_ bytes: [UInt8]) {
        guard case .success(let source) = SourceFile.decode(bytes, path: "content/case-studies/fuzz.md") else { return }
        guard case .success(let split) = FrontMatterSplitter.split(source) else { return }
        FuzzCheck.require(source.text.hasSuffix(split.body), "the body is not the end of the file")
        FuzzCheck.require(split.bodyFirstLine >= 1, "body line \(split.bodyFirstLine)")
        if let yaml = split.yaml, !yaml.isEmpty { FuzzCheck.require(source.text.contains(yaml), "the YAML is not part of the file") }
    }
}

/// YAML to the content model: every kind of file, through the same loaders a build uses.
enum YAMLTarget {
    static func run(_ bytes: [UInt8]) {
        guard case .success(let source) = SourceFile.decode(bytes, path: "content/quotes/fuzz.md") else { return }
        var diagnostics: [Diagnostic] = []
        let quote = QuoteLoader.load(source, diagnostics: &diagnostics)
        // A site folder that does not exist: an `image:` is then never found, and nothing is read.
        _ = CaseStudyLoader.load(source, root: "/nonexistent/casebook-fuzz-site", diagnostics: &diagnostics)
        _ = PageLoader.load(source, diagnostics: &diagnostics)
        _ = ConfigLoader.load(source, diagnostics: &diagnostics)
        FuzzDiagnostics.check(diagnostics, in: source)
        if let quote { FuzzCheck.require(Slug.isValid(quote.id), "quote id '\(quote.id)' is not a slug") }
    }
}

/// Quotes CSV: any bytes give quotes or diagnostics; every quote has a slug id and a known consent.
enum CSVTarget {
    static func run(_ bytes: [UInt8]) {
        guard case .success(let source) = SourceFile.decode(bytes, path: "content/quotes/fuzz.csv") else { return }
        var diagnostics: [Diagnostic] = []
        let quotes = QuoteCSVLoader.load(source, diagnostics: &diagnostics).quotes
        FuzzDiagnostics.check(diagnostics, in: source)
        for quote in quotes {
            FuzzCheck.require(Slug.isValid(quote.id), "quote id '\(quote.id)' is not a slug")
            FuzzCheck.require(quote.location.line >= 1, "row line \(quote.location.line)")
        }
        // A row whose consent did not read as one of the three words is published nowhere.
        let consentErrors = Set(diagnostics.filter { $0.code.hasSuffix("-consent") }.map(\.location.line))
        for quote in quotes where consentErrors.contains(quote.location.line) {
            FuzzCheck.require(quote.consent == .invalid, "a row with a consent error has consent \(quote.consent)")
        }
    }
}

/// Every diagnostic names the input's file and a line within it (0 for the whole file).
enum FuzzDiagnostics {
    static func check(_ diagnostics: [Diagnostic], in source: SourceFile) {
        let lines = source.text.utf8.count { $0 == 10 } + 1
        for diagnostic in diagnostics {
            let location = diagnostic.location
            FuzzCheck.require(location.file == source.path, "diagnostic in another file: \(location)")
            FuzzCheck.require((0...lines).contains(location.line), "diagnostic at line \(location.line) of \(lines): \(diagnostic)")
        }
    }
}
