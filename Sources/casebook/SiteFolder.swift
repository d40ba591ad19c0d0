import ArgumentParser
import Foundation
import PDF

/// The site folder argument every subcommand that reads a site takes, checked once here: a
/// folder without `casebook.yml` is a usage error (exit 2) for every command, as the README says,
/// never a content error.
struct SiteFolder: ParsableArguments {
    @Argument(help: "The site folder (holding casebook.yml).", completion: .directory)
    var path: String = "."

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(path)' is not a folder")
        }
        guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("casebook.yml")) else {
            Terminal.err("error: no casebook.yml in '\(path)'; is this a casebook site folder? `casebook init` starts one.\n")
            throw ExitStatus.usage
        }
    }
}

/// `--engine auto|weasyprint|chromium`.
enum EngineChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, weasyprint, chromium

    /// nil for auto: the first engine found.
    var kind: PDFEngine.Kind? { PDFEngine.Kind(rawValue: rawValue) }
}
