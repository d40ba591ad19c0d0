import Foundation
import PackagePlugin

/// Compiles the default theme (`Sources/Render/DefaultTheme`) into the Render module: the
/// `ThemeEmbedder` tool writes its files into a Swift source in the plugin's work folder, so the
/// program needs no file beside it and no copy of the theme is kept in the repository to go
/// stale. Every theme file is an input: editing, adding or removing one regenerates the source.
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appendingPathComponent("Sources/\(target.name)/DefaultTheme")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltInThemeFiles.swift")
        var inputs: [URL] = []
        if let walk = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let file as URL in walk where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(file)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [theme.path, output.path],
                // Sanitized builds (scripts/fuzz.sh, scripts/sanitize.sh) build this tool with
                // the sanitizers too, and LeakSanitizer takes Foundation's file buffers, still
                // held when the short-lived tool exits, for leaks and fails the build.
                environment: ["ASAN_OPTIONS": "detect_leaks=0"],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
