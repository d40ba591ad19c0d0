public extension String {
    /// Without leading and trailing white space (Unicode's White_Space, as Foundation's
    /// `.whitespacesAndNewlines`). Foundation's trimming bridges through NSString on Linux and
    /// cost more than parsing a quote's front matter.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
