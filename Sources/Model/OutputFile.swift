/// One file of the output, ready to write: the render stage's product, the write stage's input.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case bytes([UInt8])
        /// A rendered page, kept as the template made it: copying a large page into bytes
        /// doubled its memory for as long as it waited to be written.
        case text(String)
        /// Copied as is from an absolute path (a site's theme assets, `static/`).
        case copy(from: String)
    }

    /// Relative to the output folder, `/`-separated, never with `..`: the writer refuses any
    /// other path (`OutputPath`).
    public var path: String
    public var contents: Contents

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = .text(text)
    }

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, copyFrom source: String) {
        self.path = path
        self.contents = .copy(from: source)
    }
}
