import Model

/// A failure of the render stage that the user can fix: a theme's template, mostly.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public var diagnostic: Diagnostic

    public init(_ code: String, _ message: String, at location: SourceLocation) {
        diagnostic = .error(code, message, at: location)
    }

    public var description: String { diagnostic.description }
}
