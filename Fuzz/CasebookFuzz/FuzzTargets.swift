import Foundation

/// The fuzz targets by name. Each takes raw bytes, runs one part of casebook on them, and traps
/// (`FuzzCheck.fail`) when an invariant breaks; libFuzzer and the address sanitizer report crashes.
enum FuzzTargets {
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "front-matter": FrontMatterTarget.run,
        "yaml": YAMLTarget.run,
        "csv": CSVTarget.run,
        "markdown": MarkdownTarget.run,
        "site": SiteTarget.run,
        "workbook-xml": WorkbookXMLTarget.run,
    ]

    /// Read once: libFuzzer calls the entry point millions of times.
    static let selected: @Sendable ([UInt8]) -> Void = {
        let name = ProcessInfo.processInfo.environment["CASEBOOK_FUZZ_TARGET"] ?? ""
        guard let target = all[name] else {
            FileHandle.standardError.write(Data("set CASEBOOK_FUZZ_TARGET to one of: \(all.keys.sorted().joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()
}

/// A broken invariant: printed, then a trap, which libFuzzer records as a crash with its input.
enum FuzzCheck {
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fail(message()) }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("casebook fuzz invariant broken: \(message)\n".utf8))
        fatalError(message)
    }
}
