import Foundation

/// Where things are on disk, derived from this file's path and the running test binary, so the
/// tests work from any working directory and with any `--scratch-path`.
public enum PackagePaths {
    /// The package root: the folder holding `Package.swift`.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures`: real site folders, valid and broken.
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// `Tests/CasebookTests/Snapshots`: golden files.
    public static let snapshots = root.appendingPathComponent("Tests/CasebookTests/Snapshots")

    /// Corpora shared between projects on this machine, outside the repository (`../shared/corpora`).
    public static let sharedCorpora = root.deletingLastPathComponent().appendingPathComponent("shared/corpora")

    /// The folder the build put the test binary in; `casebook` is built next to it.
    ///
    /// On Linux the test runner is `<scratch>/<triple>/debug/<package>PackageTests.xctest`, an
    /// executable in the products folder. On macOS it is a bundle inside that folder.
    public static let productsFolder: URL = {
        if let override = ProcessInfo.processInfo.environment["CASEBOOK_PRODUCTS_DIR"] {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        candidates.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        for candidate in candidates {
            var folder = candidate.deletingLastPathComponent()
            // Walk out of an `.xctest` bundle (macOS) to the folder that holds it.
            while folder.pathComponents.count > 1 {
                if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("casebook").path) {
                    return folder
                }
                if !folder.path.contains(".xctest") { break }
                folder = folder.deletingLastPathComponent()
            }
        }
        return candidates[0].deletingLastPathComponent()
    }()

    /// The `casebook` executable built with the tests.
    public static var casebook: URL { productsFolder.appendingPathComponent("casebook") }

    /// `CI=true` (GitHub Actions and most CI services set it): missing test data is then a failure.
    public static var isCI: Bool {
        ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }

    /// The first executable called `name` on `PATH`, or nil.
    public static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
