import Foundation
import Model
import Pipeline

/// Builds sites into temporary folders the way `casebook build` does, with a fixed clock.
public enum SiteBuilds {
    public static let clock = BuildClock(asOf: FixtureSite.buildDay)

    /// A fresh temporary output folder path (not created).
    public static func temporaryOutput() -> String {
        TestScratch.path("casebook-out").path
    }

    public static func build(_ folder: String, into output: String, drafts: Bool = false) -> SiteBuild.Outcome {
        SiteBuild(options: .init(folder: folder, output: output, includeDrafts: drafts), clock: clock).run()
    }

    /// The example site at the repository's root.
    public static var exampleSite: String { PackagePaths.root.path }
}
