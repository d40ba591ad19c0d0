import Foundation

/// The default theme, compiled into the program: the EmbedDefaultTheme plugin generates
/// `encodedFiles` from `Sources/Render/DefaultTheme` at build time, so a copied or installed
/// binary has its theme wherever it runs and never looks for one beside itself or in the
/// build folder.
enum BuiltInTheme {
    /// Path relative to the theme (`templates/home.mustache`, `assets/site.css`) → its bytes.
    static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for file in encodedFiles {
            // The plugin wrote this base64 itself; failing to decode it is a broken build.
            files[file.path] = [UInt8](Data(base64Encoded: file.base64)!)
        }
        return files
    }()

    /// The theme's files under `folder` ("templates" or "assets"), relative to the theme, sorted.
    static func paths(in folder: String) -> [String] {
        files.keys.filter { $0.hasPrefix(folder + "/") }.sorted()
    }
}
