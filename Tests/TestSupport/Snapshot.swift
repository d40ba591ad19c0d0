import Foundation
import Testing

/// Golden files: expected output kept next to the tests in `Tests/CasebookTests/Snapshots/`.
///
/// Run with `CASEBOOK_RECORD=1` to write the current output as the new expectation. Recording
/// fails the test on purpose, so a recorded file is always looked at (and committed) by a person
/// before anything passes against it.
public enum Snapshot {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["CASEBOOK_RECORD"] == "1" }

    public static func url(named name: String) -> URL {
        PackagePaths.snapshots.appendingPathComponent(name)
    }

    /// Compares `actual` with the golden file `name` (for example `check-defects.txt`).
    public static func assertMatches(
        _ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let url = url(named: name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: PackagePaths.snapshots, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(
                    "Recorded snapshot \(name). Review it, then run again without CASEBOOK_RECORD=1.",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "No snapshot \(name) in \(PackagePaths.snapshots.path); run with CASEBOOK_RECORD=1 to record it.",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if actual != expected {
            let detail = difference(expected: expected, actual: actual)
            Issue.record(
                "Output differs from snapshot \(name) (re-record with CASEBOOK_RECORD=1 if the change is intended):\n\(detail)",
                sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, with its number: enough to see what changed.
    static func difference(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let left = i < e.count ? e[i] : "<end of file>"
            let right = i < a.count ? a[i] : "<end of output>"
            if left != right { return "line \(i + 1):\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(no line differs; whitespace at the end?)"
    }
}
