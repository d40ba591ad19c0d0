/// The starter `.gitignore`: casebook's outputs, which are rebuilt, never edited.
enum StarterIgnore {
    /// The lines `init` makes sure a `.gitignore` has; an existing file gets those it lacks.
    static let lines = [
        "/_site/",
        "/_reports/",
        "/.*.casebook-stage/",
    ]

    static let text = """
        # casebook's outputs: made by `casebook build` and `casebook report`, never edited by hand.
        # The staging folders (._site.casebook-stage…) are where a build is written before it is
        # swapped in.
        \(lines.joined(separator: "\n"))

        """
}
