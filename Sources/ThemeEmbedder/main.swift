import Foundation

// ThemeEmbedder THEME_FOLDER OUTPUT.swift
//
// Writes the files of the default theme as base64 strings into a Swift source (the
// EmbedDefaultTheme plugin runs it at build time): base64 keeps every byte as it is, whatever
// the file holds, and a string literal compiles fast where a byte-array literal would not.
// Paths are relative to the theme folder, sorted, so the output is the same on every machine.
// Files and folders whose names start with "." are left out, as a site's theme files are.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder THEME_FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
var files: [(path: String, data: Data)] = []
guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
else {
    FileHandle.standardError.write(Data("ThemeEmbedder: cannot read \(folder.path)\n".utf8))
    exit(1)
}
for case let file as URL in walk where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
    let relative = String(file.standardizedFileURL.path.dropFirst(folder.path.count + 1))
    guard let data = FileManager.default.contents(atPath: file.path) else {
        FileHandle.standardError.write(Data("ThemeEmbedder: cannot read \(file.path)\n".utf8))
        exit(1)
    }
    files.append((relative, data))
}
files.sort { $0.path < $1.path }

var source = """
    // Generated at build time by ThemeEmbedder (the EmbedDefaultTheme plugin) from
    // Sources/Render/DefaultTheme. Do not edit: change the theme's files instead.

    extension BuiltInTheme {
        static let encodedFiles: [(path: String, base64: String)] = [

    """
for file in files {
    // Theme paths are plain names; anything else would need escaping in a string literal.
    guard file.path.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }) else {
        FileHandle.standardError.write(Data("ThemeEmbedder: \(file.path): a theme file name must be plain ASCII\n".utf8))
        exit(1)
    }
    source += "        (\"\(file.path)\", \"\(file.data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: cannot write \(arguments[2]): \(error)\n".utf8))
    exit(1)
}
