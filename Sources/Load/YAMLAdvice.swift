/// Turns libyaml's words for a syntax error into what a Markdown author should do about it.
///
/// libyaml says where it gave up and what it expected ("mapping values are not allowed in this
/// context"); the mistake that led there is usually one of a few, each visible in the line it
/// points at or in the line where the construct it was reading began (its context mark). The
/// advice names that line and the fix, and keeps the parser's words at the end for anyone
/// searching for them. Runs only after a parse has failed, so it may look at the text freely.
enum YAMLAdvice {
    /// libyaml's report: what it found (`problem`) at `line`:`column`, while reading what
    /// (`context`) that began at `contextLine`:`contextColumn`. Lines and columns are 1-based.
    struct ParserError {
        let problem: String
        let context: String?
        let line: Int
        let column: Int
        let contextLine: Int
        let contextColumn: Int

        var words: String { (context.map { $0 + " " } ?? "") + problem }
    }

    /// The advice, and where the mistake is: sometimes a line above where libyaml stopped.
    struct Advice {
        let message: String
        let line: Int
        let column: Int
    }

    /// - Parameter firstLine: the line of the file on which the YAML starts, for lines named in
    ///   messages (the advice's own `line` is within the YAML, as libyaml's are).
    static func advise(_ error: ParserError, yaml: String, firstLine: Int = 1) -> Advice {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let explained = explain(error, lines: lines, fileLine: { $0 + firstLine - 1 })
        let said = "(the YAML parser said: \(error.words))"
        guard let explained else {
            return Advice(message: "invalid YAML: \(error.words)", line: error.line, column: error.column)
        }
        return Advice(message: explained.message + " " + said, line: explained.line, column: explained.column)
    }

    private static func explain(_ error: ParserError, lines: [Substring], fileLine: (Int) -> Int) -> Advice? {
        func line(_ number: Int) -> Substring { lines.indices.contains(number - 1) ? lines[number - 1] : "" }
        let here = line(error.line)

        // A tab in the indentation of the line libyaml stopped on, whatever it made of it.
        if error.problem.contains("tab") || here.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            return Advice(
                message: "this line is indented with a tab, and YAML indents with spaces only: replace the tab with spaces",
                line: error.line, column: 1)
        }

        // `-item` for `- item`, on the line libyaml stopped on or the one before: YAML read a key
        // or text there, and what follows no longer fits.
        for number in [error.line, previousContentLine(before: error.line, lines: lines)].compactMap({ $0 }) {
            if let advice = dashWithoutSpace(line(number)) { return Advice(message: advice, line: number, column: 1) }
        }

        switch error.problem {
        case "found character that cannot start any token":
            let character = character(in: here, column: error.column)
            if character == "\t" {
                return Advice(
                    message: "a tab stands where YAML expects a value or a space: replace the tab with a space",
                    line: error.line, column: error.column)
            }
            let shown = character.map { "'\($0)'" } ?? "this character"
            return Advice(
                message: "YAML does not let a value start with \(shown): put the value in quotes, as in \(quotedFix(here))",
                line: error.line, column: error.column)

        case "mapping values are not allowed in this context":
            let before = here.prefix(max(0, error.column - 1))
            if let key = key(of: here), before.contains(": ") {
                return Advice(
                    message: "the value of '\(key)' holds ': ', which YAML reads as the start of another key: "
                        + "put the value in quotes, as in \(quotedFix(here))",
                    line: error.line, column: error.column)
            }
            guard let previous = previousContentLine(before: error.line, lines: lines) else { break }
            let above = line(previous)
            if let glued = gluedKey(above) {
                return Advice(
                    message: "line \(fileLine(previous)) has no space after the ':' of '\(glued.key)', so YAML reads it and the next line "
                        + "as one piece of text: write '\(glued.key): \(glued.value)'",
                    line: previous, column: 1)
            }
            if let aboveKey = key(of: above), indentation(of: here) > indentation(of: above) {
                return Advice(
                    message: "this line is indented more than '\(aboveKey):' on line \(fileLine(previous)), so YAML reads it as more of that "
                        + "value: start it in the same column as '\(aboveKey):'",
                    line: error.line, column: 1)
            }

        case "did not find expected key":
            if let key = key(of: here) {
                let value = here.drop { $0 != ":" }.dropFirst().drop { $0 == " " }
                if let quote = value.first, quote == "'" || quote == "\"" {
                    // What the author meant: the text between the outer quotes, if it ends with one.
                    let inner = String(value.count > 1 && value.last == quote ? value.dropFirst().dropLast() : value)
                    if quote == "'" {
                        return Advice(
                            message: "an apostrophe inside '…' ends the text early: write it twice ('') or put the value in "
                                + "double quotes, as in \(key): \(doubleQuoted(inner))",
                            line: error.line, column: error.column)
                    }
                    return Advice(
                        message: "text follows the closing quote of '\(key)': put the whole value in single quotes, "
                            + "as in \(key): \(singleQuoted(inner))",
                        line: error.line, column: error.column)
                }
            }
            if let previous = previousContentLine(before: error.line, lines: lines), key(of: here) != nil || here.contains(":") {
                return Advice(
                    message: "this line's indentation matches none of the keys above it: start it in the same column as the "
                        + "other keys of its group (line \(fileLine(previous)) starts in column \(indentation(of: line(previous)) + 1))",
                    line: error.line, column: error.column)
            }

        case "could not find expected ':'":
            if let advice = dashWithoutSpace(line(error.contextLine)) {
                return Advice(message: advice, line: error.contextLine, column: error.contextColumn)
            }
            return Advice(
                message: "this line is not 'key: value': add the ':' after its key; if it is body text, the front matter "
                    + "needs a line of only '---' above it to close",
                line: error.contextLine, column: error.contextColumn)

        case "found unexpected end of stream" where error.context == "while scanning a quoted scalar":
            let quote = character(in: line(error.contextLine), column: error.contextColumn) ?? "\""
            return Advice(
                message: "the quote (\(quote)) that opens here is never closed: end the value with \(quote) on the same line",
                line: error.contextLine, column: error.contextColumn)

        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            let open = error.problem.hasSuffix("']'") ? ("[", "]") : ("{", "}")
            return Advice(
                message: "the '\(open.0)' that opens here is never closed: end it with '\(open.1)', "
                    + "and put a comma between its items",
                line: error.contextLine, column: error.contextColumn)

        case "did not find expected '-' indicator":
            return Advice(
                message: "this line stands inside the list that starts on line \(fileLine(error.contextLine)) but is not one of its items: "
                    + "start it with '- ', or move it left to end the list",
                line: error.line, column: error.column)

        default:
            break
        }
        return nil
    }

    // MARK: Reading a line

    /// For a line that starts `-item` (a letter or digit right after the dash), how to write it.
    static func dashWithoutSpace(_ line: Substring) -> String? {
        let text = line.drop { $0 == " " }
        guard text.first == "-", let second = text.dropFirst().first, second.isLetter || second.isNumber else { return nil }
        return "a list item needs a space after '-': write '- \(text.dropFirst())'"
    }

    /// The key of a `key: value` line (after any `- `), nil when the line has none.
    static func key(of line: Substring) -> String? {
        var text = line.drop { $0 == " " }
        if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return nil }
        let key = text[..<colon]
        guard !key.contains(" "), !key.hasPrefix("\""), !key.hasPrefix("'"), !key.hasPrefix("#") else { return nil }
        return String(key)
    }

    /// `key:value` with no space after the colon: YAML reads it as text, not a key.
    private static func gluedKey(_ line: Substring) -> (key: String, value: String)? {
        let text = line.drop { $0 == " " }
        guard !text.contains(": "), !text.hasSuffix(":"), !text.hasPrefix("#"), let key = key(of: text) else { return nil }
        let value = text.drop { $0 != ":" }.dropFirst()
        guard !value.isEmpty, !value.hasPrefix("/") else { return nil }  // `https://…` is text
        return (key, String(value))
    }

    private static func previousContentLine(before number: Int, lines: [Substring]) -> Int? {
        var index = number - 2
        while index >= 0 {
            let text = lines[index].drop { $0 == " " }
            if !text.isEmpty, !text.hasPrefix("#") { return index + 1 }
            index -= 1
        }
        return nil
    }

    private static func indentation(of line: Substring) -> Int { line.prefix { $0 == " " }.count }

    /// libyaml's columns count characters.
    private static func character(in line: Substring, column: Int) -> Character? {
        guard column >= 1, column <= line.count else { return nil }
        return line[line.index(line.startIndex, offsetBy: column - 1)]
    }

    /// The line with its value in double quotes: `title: "Lessons: what we learned"`.
    private static func quotedFix(_ line: Substring) -> String {
        guard let key = key(of: line) else { return doubleQuoted(String(line.drop { $0 == " " })) }
        let value = line.drop { $0 != ":" }.dropFirst().drop { $0 == " " }
        return "\(key): \(doubleQuoted(String(value)))"
    }

    private static func doubleQuoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    private static func singleQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "''") + "'"
    }
}
