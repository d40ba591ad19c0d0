/// One file of the output, ready to write: the render stage's product, the write stage's input.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case bytes([UInt8])
        /// Copied as is from an absolute path (theme assets, `static/`).
        case copy(from: String)
    }

    /// Relative to the output folder, `/`-separated, never with `..`.
    public var path: String
    public var contents: Contents

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public init(path: String, copyFrom source: String) {
        self.path = path
        self.contents = .copy(from: source)
    }
}
