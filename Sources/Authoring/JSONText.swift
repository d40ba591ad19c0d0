import Foundation

/// The `--format json` output of `init`, `new`, `quotes` and `doctor`: keys sorted, so that two
/// runs print the same bytes, in snake_case like the content format's keys (`consent_expires`),
/// and ending in a line break.
public enum JSONText {
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
