import Foundation

/// The files of a built site, read into memory, for tests that look at the whole output.
public struct SiteFiles {
    /// Relative path → bytes.
    public let files: [String: [UInt8]]

    public init(folder: String) throws {
        var files: [String: [UInt8]] = [:]
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: folder) else { throw FixtureError.missingFixture(folder) }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue, let data = fm.contents(atPath: folder + "/" + relative) {
                files[relative] = [UInt8](data)
            }
        }
        self.files = files
    }

    public var htmlPages: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// Paths of every file whose bytes contain `needle`.
    public func containing(_ needle: String) -> [String] {
        let bytes = Array(needle.utf8)
        return files.filter { _, data in
            data.count >= bytes.count && data.indices.dropLast(bytes.count - 1).contains { i in
                data[i] == bytes[0] && Array(data[i..<(i + bytes.count)]) == bytes
            }
        }.map(\.key).sorted()
    }
}
