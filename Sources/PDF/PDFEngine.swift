import Foundation

/// A program that turns print-ready HTML into PDF, found on this machine.
///
/// casebook does not lay out pages itself; like Pandoc and Quarto it hands HTML styled with CSS
/// Paged Media to an existing engine. WeasyPrint implements running headers, `counter(pages)`
/// and `target-counter()` (the contents' page numbers); from version 66 it also writes tagged
/// PDF/UA. Headless Chromium prints faster and tags its PDFs, but has no `target-counter()`, so
/// its contents page lists sections without page numbers.
public struct PDFEngine: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case weasyprint
        case chromium
    }

    public let kind: Kind
    public let executable: String
    /// As the engine reports it, e.g. "57.2".
    public let version: String
    /// WeasyPrint's Python interpreter (with its `#!` arguments), which runs `WeasyPrintDriver`.
    let interpreter: [String]

    public var description: String { "\(kind.rawValue) \(version)" }

    /// Whether this engine can write tagged (accessible) PDF.
    public var writesTaggedPDF: Bool {
        switch kind {
        case .chromium: return true
        case .weasyprint: return (Int(version.split(separator: ".").first ?? "") ?? 0) >= 66
        }
    }

    static let installHint = """
        No PDF engine found. casebook uses WeasyPrint or headless Chromium. Install one:
          sudo apt-get install weasyprint      (or: pip install weasyprint, for tagged PDF/UA)
          sudo apt-get install chromium
        or set CASEBOOK_WEASYPRINT / CASEBOOK_CHROMIUM to the program's path (for WeasyPrint, its
        `weasyprint` Python script: casebook runs that script's Python to confine what it reads).
        """

    /// The engine to use: the one asked for, or with `nil` (auto) the first found of WeasyPrint, Chromium.
    ///
    /// An engine named by `CASEBOOK_WEASYPRINT` or `CASEBOOK_CHROMIUM` that cannot be used is an
    /// error, not a reason to try the next engine: whoever set it meant that program.
    public static func find(_ wanted: Kind?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PDFError) -> PDFEngine {
        let order: [Kind] = wanted.map { [$0] } ?? [.weasyprint, .chromium]
        for kind in order {
            if let engine = try locate(kind, environment: environment) { return engine }
        }
        throw PDFError(message: wanted.map { "\($0.rawValue) was not found.\n" } .map { $0 + installHint } ?? installHint)
    }

    /// The environment variable that names an engine's program.
    public static func variable(for kind: Kind) -> String {
        switch kind {
        case .weasyprint: return "CASEBOOK_WEASYPRINT"
        case .chromium: return "CASEBOOK_CHROMIUM"
        }
    }

    /// The engine of `kind` found on this machine; nil when there is none. Throws when the
    /// environment variable names a program that is missing or cannot be used.
    static func locate(_ kind: Kind, environment: [String: String]) throws(PDFError) -> PDFEngine? {
        let variable = variable(for: kind)
        if let named = environment[variable], !named.isEmpty {
            guard let path = ProcessRunner.which(named, environment: environment) else {
                throw PDFError(message: "\(variable) is set to \(named), which is not an executable program; fix or unset it")
            }
            guard let engine = probe(kind, path) else {
                let what = kind == .weasyprint ? "a WeasyPrint Python script that answers --version" : "a Chromium that answers --version"
                throw PDFError(message: "\(variable) is set to \(named), which is not \(what); fix or unset it")
            }
            return engine
        }
        let candidates: [String]
        switch kind {
        case .weasyprint: candidates = ["weasyprint"]
        case .chromium: candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        }
        for name in candidates {
            if let path = ProcessRunner.which(name, environment: environment), let engine = probe(kind, path) { return engine }
        }
        return nil
    }

    /// The engine at `path`, when it runs and says its version.
    private static func probe(_ kind: Kind, _ path: String) -> PDFEngine? {
        // Only a WeasyPrint whose Python casebook can run the confined driver in will do.
        let interpreter = kind == .weasyprint ? WeasyPrintDriver.interpreter(of: path) : []
        guard let interpreter else { return nil }
        guard let output = try? ProcessRunner.run(path, ["--version"], timeout: 30), output.status == 0 else { return nil }
        return PDFEngine(kind: kind, executable: path, version: versionNumber(in: output.stdout + output.stderr), interpreter: interpreter)
    }

    /// What to tell the user when this engine's PDFs will not be tagged: which engine it is and
    /// how to get one that tags. nil when it tags.
    public var untaggedWarning: String? {
        guard !writesTaggedPDF else { return nil }
        return "\(description) (\(executable)) writes untagged PDF, which screen readers cannot navigate. "
            + "For tagged PDF/UA install WeasyPrint 66 or later (scripts/install-deps.sh --pdf, or pip install 'weasyprint>=66') "
            + "and put it first on PATH or set CASEBOOK_WEASYPRINT to its weasyprint script"
    }

    static func versionNumber(in text: String) -> String {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.first?.isNumber == true {
            return String(word)
        }
        return "unknown"
    }

    /// Renders `html` (a file path) to `pdf`. Throws with the engine's own message on failure.
    ///
    /// - Parameters:
    ///   - resources: the folder relative URLs resolve against and the only one, besides the
    ///     HTML's own, whose files the engine may read (the site's `static/`).
    ///   - allowNetwork: whether `http(s)` resources may be fetched.
    ///
    /// WeasyPrint is confined by `WeasyPrintDriver`: no file outside those two folders, no
    /// network unless allowed. Chromium has no such hook: without the network it gets a host
    /// resolver that finds no host and a proxy that does not exist (loopback included), which
    /// stops HTTP fetches; it still reads `file:` URLs anywhere, so for Chromium the guarantee
    /// about local files is `ReportResources`, which keeps content from naming them.
    public func render(html: String, pdf: String, resources: String, allowNetwork: Bool = false) throws(PDFError) {
        let program: String
        let arguments: [String]
        switch kind {
        case .weasyprint:
            program = interpreter[0]
            let folder = (html as NSString).deletingLastPathComponent
            arguments = Array(interpreter.dropFirst()) + WeasyPrintDriver.arguments(
                html: html, pdf: pdf, variant: writesTaggedPDF ? "pdf/ua-1" : nil, base: resources,
                readable: [folder, resources], allowNetwork: allowNetwork)
        case .chromium:
            program = executable
            let profile = NSTemporaryDirectory() + "casebook-chromium-\(getpid())-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: profile) }
            let offline = [
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            ]
            arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile)",
                // Tagged by default since Chromium 85 in a browser, but headless only with this flag in some versions.
                "--generate-pdf-document-outline", "--export-tagged-pdf", "--print-to-pdf=\(pdf)",
            ] + (allowNetwork ? [] : offline) + [URL(fileURLWithPath: html).absoluteString]
        }
        let result: ProcessRunner.Output
        do {
            result = try ProcessRunner.run(program, arguments, timeout: 300)
        } catch {
            throw PDFError(message: "\(kind.rawValue) could not be started: \(error)")
        }
        guard result.status == 0, FileManager.default.fileExists(atPath: pdf) else {
            let detail = (result.stderr.isEmpty ? result.stdout : result.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PDFError(message: "\(kind.rawValue) failed (exit \(result.status)): \(detail.suffix(2000))")
        }
    }
}

/// Why a PDF could not be made, in words for the user.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
