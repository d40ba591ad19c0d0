/// A file's place strictly inside the output folder, checked when it is made: the writer takes
/// no other kind of path, so no string from content, config or a theme can make it write
/// anywhere else, whatever the stages before it let through.
///
/// Relative, `/`-separated, every segment a plain name: never absolute, never empty, no empty,
/// `.` or `..` segment, no NUL (which the system would read as the end of the path).
struct OutputPath: Hashable, Sendable, CustomStringConvertible {
    /// The folder names, then the file name; none empty, `.`, `..`, or holding `/` or NUL.
    let segments: [String]

    init(_ path: String) throws(WriteError) {
        func refuse(_ why: String) -> WriteError { .unsafePath(path, why) }
        guard !path.isEmpty else { throw refuse("it is empty") }
        guard !path.utf8.contains(0) else { throw refuse("it holds a NUL character") }
        guard !path.hasPrefix("/") else { throw refuse("it is absolute") }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for segment in segments {
            switch segment {
            case "": throw refuse("it has an empty segment ('//' or a final '/')")
            case ".", "..": throw refuse("it has a '\(segment)' segment")
            default: continue
            }
        }
        self.segments = segments
    }

    var description: String { segments.joined(separator: "/") }
    var folders: ArraySlice<String> { segments.dropLast() }
    var name: String { segments[segments.count - 1] }
}
