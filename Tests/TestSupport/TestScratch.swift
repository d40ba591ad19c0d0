import Foundation

/// Temporary files of one test process, all under one folder that is deleted when the process
/// exits, so a test run leaves nothing behind in /tmp (outputs, fixture sites, scratch files).
public enum TestScratch {
    /// `<tmp>/casebook-tests-<pid>`, made on first use.
    public static let root: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return folder
    }()

    /// A new path under the scratch folder (not created), named `<prefix>-<UUID><suffix>`.
    public static func path(_ prefix: String, suffix: String = "") -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
    }
}
