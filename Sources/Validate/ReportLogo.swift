import Foundation
import Model

/// Checks a report's `logo:`: an SVG, PNG or JPEG file in the site's `static/` folder, named by
/// a path relative to it. The PDF engine may read only `static/` (`ReportResources`), so a logo
/// anywhere else would be left out of the PDF without a word; this says so at the line instead.
enum ReportLogo {
    static let formats = ["svg", "png", "jpg", "jpeg"]

    static func check(_ reports: [ReportDefinition], root: String, diagnostics: inout [Diagnostic]) {
        let staticFolder = URL(fileURLWithPath: root + "/static").resolvingSymlinksInPath().path
        for report in reports {
            guard let logo = report.logo else { continue }
            if let problem = problem(logo.value, staticFolder: staticFolder) {
                diagnostics.append(.error("invalid-logo", "report logo '\(logo.value)' \(problem)", at: logo.location))
            }
        }
    }

    /// Why `path` cannot be a report's logo; nil when it can.
    static func problem(_ path: String, staticFolder: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains(":") {
            return "must be a path relative to static/, such as images/logo.svg"
        }
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") { return "leaves static/ ('..')" }
        guard formats.contains((path as NSString).pathExtension.lowercased()) else {
            return "must be an SVG, PNG or JPEG file (.svg, .png, .jpg)"
        }
        // Links resolved: a link inside static/ to a file elsewhere is refused as the PDF engine would.
        let real = URL(fileURLWithPath: staticFolder + "/" + path).resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard real.hasPrefix(staticFolder + "/"), FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory),
            !isDirectory.boolValue
        else { return "is not a file in static/" }
        return nil
    }
}
