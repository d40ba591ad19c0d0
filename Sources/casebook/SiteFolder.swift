import ArgumentParser
import Foundation
import PDF

/// The site folder argument every subcommand takes, checked once here.
struct SiteFolder: ParsableArguments {
    @Argument(help: "The site folder (holding casebook.yml).", completion: .directory)
    var path: String = "."

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(path)' is not a folder")
        }
    }
}

/// `--engine auto|weasyprint|chromium`.
enum EngineChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, weasyprint, chromium

    /// nil for auto: the first engine found.
    var kind: PDFEngine.Kind? { PDFEngine.Kind(rawValue: rawValue) }
}
