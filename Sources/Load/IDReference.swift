import Model

/// Ids named in content (a quote's `programme:`, a case study's `themes:`, a report's
/// `programmes:` …) are checked against the slug grammar as they are read. They become output
/// paths and URLs (`programmes/<id>/`, without `programmes:` in casebook.yml any id makes a page)
/// and HTML attributes, so one that is not a slug is an error at its own line, and is dropped:
/// nothing after loading sees it, whatever the quote's consent.
enum IDReference {
    static func checked(_ reference: Located<String>?, kind: String, diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let reference else { return nil }
        guard Slug.isValid(reference.value) else {
            diagnostics.append(
                .error("invalid-id",
                       "\(kind) id '\(reference.value)' is not valid: ids use only lower-case a-z, 0-9 and '-' (no '/', '..', spaces or quotes); try '\(Slug.suggest(from: reference.value))'",
                       at: reference.location))
            return nil
        }
        return reference
    }

    static func checked(_ references: [Located<String>]?, kind: String, diagnostics: inout [Diagnostic]) -> [Located<String>]? {
        references.map { $0.compactMap { checked($0, kind: kind, diagnostics: &diagnostics) } }
    }
}
