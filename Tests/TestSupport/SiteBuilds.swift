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

    /// The site and every report of the site at `folder`, built into temporary folders that are
    /// gone again once read.
    public static func siteAndReports(_ folder: String) throws -> (site: SiteFiles, reports: SiteFiles) {
        let output = temporaryOutput(), reports = temporaryOutput()
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: reports)
        }
        let outcome = build(folder, into: output)
        guard outcome.succeeded else { throw BuildFailure(message: "build: \(outcome.diagnostics)") }
        let reportOutcome = ReportBuild(options: .init(folder: folder, output: reports), clock: clock).run()
        guard reportOutcome.succeeded else {
            throw BuildFailure(message: "report: \(reportOutcome.diagnostics) \(reportOutcome.failure ?? "")")
        }
        return (try SiteFiles(folder: output), try SiteFiles(folder: reports))
    }

    public struct BuildFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The example site at the repository's root.
    public static var exampleSite: String { PackagePaths.root.path }
}
