import Model

/// Warnings for names casebook does not know (front-matter keys, CSV columns): the first few
/// one by one, with a "did you mean", and the rest counted in one more. A CSV header of
/// 4,000,000 columns made as many warnings: 62 s and 1 GB.
enum UnknownNames {
    static let shown = 20

    /// `kind` is "key" or "column"; `context` follows the name (" in a case study", or "").
    static func warn(
        _ unknown: [(name: String, location: SourceLocation)], kind: String, context: String, known: [String],
        diagnostics: inout [Diagnostic]
    ) {
        guard !unknown.isEmpty else { return }
        let suggester = Suggester(known)
        for (name, location) in unknown.prefix(shown) {
            diagnostics.append(
                .warning("unknown-\(kind)", "unknown \(kind) '\(name)'\(context)\(suggester.hint(for: name)); it is ignored", at: location))
        }
        if unknown.count > shown {
            diagnostics.append(
                .warning("unknown-\(kind)", "and \(unknown.count - shown) more unknown \(kind)s\(context) from here on; they are ignored",
                         at: unknown[shown].location))
        }
    }
}
