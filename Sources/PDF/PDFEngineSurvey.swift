import Foundation

extension PDFEngine {
    /// Each kind of engine with the one found for it (nil: not found) or why the one its
    /// environment variable names cannot be used, in the order `--engine auto` tries them, for
    /// `casebook doctor`.
    public static func survey(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [(kind: Kind, engine: PDFEngine?, problem: String?)]
    {
        [Kind.weasyprint, .chromium].map { kind in
            do throws(PDFError) {
                return (kind, try locate(kind, environment: environment), nil)
            } catch {
                return (kind, nil, error.message)
            }
        }
    }

    /// Whether the engine fills in `target-counter()`, which the report's contents page uses for
    /// page numbers (and running page counters). Chromium does not.
    public var writesPageCounters: Bool { kind == .weasyprint }
}
