import Foundation
import Model

/// A content file read into memory and checked for being text: the bytes every loader starts from.
struct SourceFile {
    /// Relative to the site folder, `/`-separated: what diagnostics print.
    let path: String
    /// UTF-8 text with any BOM removed and CRLF or a lone CR turned into LF (line numbers are unchanged).
    let text: String

    /// Content files larger than this are refused: no case study needs it, and it bounds memory.
    static let sizeLimit = 16 << 20

    /// Reads and checks a file; a problem becomes a diagnostic naming the file (and line where known).
    static func read(absolutePath: String, relativePath: String) -> Result<SourceFile, Diagnostic> {
        let location = SourceLocation(file: relativePath)
        // open + fstat + one read: FileHandle and Data cost more than the read itself here.
        let fd = open(absolutePath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(.error("unreadable-file", "cannot read the file: \(String(cString: strerror(errno)))", at: location))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return .failure(.error("unreadable-file", "cannot read the file: \(String(cString: strerror(errno)))", at: location))
        }
        if Int(info.st_size) > sizeLimit {
            return .failure(.error("file-too-large", "the file is larger than \(sizeLimit >> 20) MiB; split it up", at: location))
        }
        // One byte more than the size, so a single read also sees the end of the file.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew after fstat: keep reading, within the limit.
                if count > sizeLimit {
                    return .failure(.error("file-too-large", "the file is larger than \(sizeLimit >> 20) MiB; split it up", at: location))
                }
                bytes += [UInt8](repeating: 0, count: 1 << 16)
            }
            let got = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + count, $0.count - count) }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.error("unreadable-file", "cannot read the file: \(String(cString: strerror(errno)))", at: location))
            }
            count += got
            // All the bytes fstat promised, and the extra byte asked for did not come: that is
            // the end, without a second read(2) to see it return 0 (5,500 calls at 1,000 + 5,000).
            if count == Int(info.st_size), count < bytes.count { break }
        }
        bytes.removeSubrange(count...)
        return decode(bytes, path: relativePath)
    }

    static func decode(_ bytes: [UInt8], path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Excel's "Unicode Text" and some Windows editors write UTF-16, with this mark first:
        // its NUL bytes would otherwise be called binary, which tells the author nothing.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(
                .error("utf16-file",
                       "the file is UTF-16 text (as Excel's \"Unicode Text\" saves it), and casebook reads UTF-8; "
                           + "save it as UTF-8 (from a spreadsheet: File → Save As → CSV UTF-8)",
                       at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if let nul = Self.offset(of: 0, in: bytes) {
            return .failure(
                .error("binary-file", "this looks like a binary file, not Markdown or CSV text (a NUL byte)",
                       at: position(of: nul, in: bytes, file: path)))
        }
        // CRLF and a lone CR → LF on the bytes, so that every reader after this (libyaml and
        // the CSV reader take a lone CR for a line end too) counts the lines LF counts.
        if Self.offset(of: 13, in: bytes) != nil {
            var kept = [UInt8]()
            kept.reserveCapacity(bytes.count)
            for (i, byte) in bytes.enumerated() {
                if byte != 13 {
                    kept.append(byte)
                } else if i + 1 == bytes.count || bytes[i + 1] != 10 {
                    kept.append(10)
                }
            }
            bytes = kept
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(in: bytes)
            return .failure(
                .error("invalid-utf8", "the file is not valid UTF-8; save it as UTF-8 (from a spreadsheet: File → Save As → CSV UTF-8)",
                       at: position(of: bad, in: bytes, file: path)))
        }
        return .success(SourceFile(path: path, text: text))
    }

    /// The first offset of `byte`, by memchr: every content file is searched twice.
    static func offset(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { offset(of: byte, in: $0, from: 0) }
    }

    /// The first offset of `byte` at or after `start`, by memchr (also how front matter finds lines).
    static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The 1-based line and column of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }

    /// The offset of the first byte that breaks UTF-8 (the decoder found one exists).
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            if length > 1, let chunk = Optional(Array(bytes[i..<(i + length)])),
                String(validating: chunk, as: UTF8.self) == nil
            {
                return i
            }
            i += length
        }
        return max(0, bytes.count - 1)
    }
}
