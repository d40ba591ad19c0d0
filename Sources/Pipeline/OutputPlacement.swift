import Foundation

/// Where an output folder may not be: inside what the site reads.
///
/// An output under `content/`, `static/` or `themes/` would be read back by the next build, and
/// under `static/` published: `casebook report --output static/r` would put internal reports on
/// the website. The site folder itself, or a folder holding it, would be replaced by the output.
enum OutputPlacement {
    static let inputFolders = ["content", "static", "themes"]

    /// Why `output` may not be used for the site at `siteRoot` (an absolute, resolved path), or nil.
    static func problem(output: String, siteRoot: String) -> String? {
        let output = resolved(output)
        if output == siteRoot || siteRoot.hasPrefix(output + "/") || output == "/" {
            return "the output folder \(output) holds the site itself; choose a folder inside it such as _site/"
        }
        for folder in inputFolders where output == siteRoot + "/" + folder || output.hasPrefix(siteRoot + "/" + folder + "/") {
            return "the output folder \(output) is inside the site's \(folder)/ folder, which the next build reads"
                + (folder == "static" ? " and publishes" : "") + "; choose a folder outside it, such as _site/ or _reports/"
        }
        return nil
    }

    /// The absolute path with `..` and symbolic links resolved as far as the folders exist, so
    /// that `static/../static/r` or a link to `static/` cannot pass for another place.
    static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            missing.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var result = url.resolvingSymlinksInPath().path
        for name in missing { result += (result.hasSuffix("/") ? "" : "/") + name }
        return result
    }
}
