import Foundation

extension PDFEngine {
    /// Each kind of engine with the one found for it (nil: not found), in the order `--engine auto`
    /// tries them, for `casebook doctor`.
    public static func survey(environment: [String: String] = ProcessInfo.processInfo.environment) -> [(kind: Kind, engine: PDFEngine?)] {
        [Kind.weasyprint, .chromium].map { ($0, locate($0, environment: environment)) }
    }

    /// Whether the engine fills in `target-counter()`, which the report's contents page uses for
    /// page numbers (and running page counters). Chromium does not.
    public var writesPageCounters: Bool { kind == .weasyprint }
}
