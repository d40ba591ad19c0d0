import Foundation

/// Slugs name output paths, so they are checked as strictly as file names.
public enum Slug {
    /// Lower-case `a-z`, `0-9` and `-`, not starting or ending with `-`.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.utf8.count <= 200, slug.first != "-", slug.last != "-" else { return false }
        return slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// A valid slug close to `text`, for "did you mean" in slug errors.
    public static func suggest(from text: String) -> String { make(from: text) ?? "page" }

    /// The slug of `text`, or nil when it has no letter or digit of a-z or 0-9 to make one from
    /// (a title of punctuation, or one written wholly in another script): the caller asks for one.
    /// Accents are dropped first ("Café" → `cafe`, "Llŷr" → `llyr`), so a letter is not lost.
    public static func make(from text: String) -> String? {
        var out = ""
        for scalar in text.folding(options: .diacriticInsensitive, locale: nil).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if out.last != "-" && !out.isEmpty {
                out += "-"
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? nil : out
    }
}
