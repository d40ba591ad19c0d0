import ArgumentParser

/// `--format text|json` for `init`, `new` and `doctor`: words for people on stderr, or JSON on stdout.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
