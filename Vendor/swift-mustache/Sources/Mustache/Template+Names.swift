//
// casebook's addition (casebook.patch): a read-only view of what a parsed template names, for
// tools that check templates against the values they will be given.
//

extension MustacheTemplate {
    /// One thing a template names, in the order the template names them.
    public indirect enum Name: Sendable, Equatable {
        /// `{{name}}`, `{{{name}}}` or `{{&name}}` (the name its transforms apply to).
        case value(String)
        /// `{{#name}}…{{/name}}` (`inverted`: `{{^name}}…{{/name}}`) and what it holds.
        case section(String, inverted: Bool, [Name])
        /// `{{$name}}…{{/name}}`: a block's default content, or an override of it.
        case block(String, [Name])
        /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides.
        case partial(String, overrides: [String: [Name]])
    }

    /// What the template names. A name that is empty (a transform of a sequence's context, such as
    /// `{{#first()}}`) or `.` is kept as written.
    public var names: [Name] {
        tokens.compactMap { token -> Name? in
            switch token {
            case .text, .contentType:
                return nil
            case .variable(let name, _), .unescapedVariable(let name, _), .dynamicNamePartial(let name, _, _):
                return .value(name)
            case .section(let name, _, let template):
                return .section(name, inverted: false, template.names)
            case .invertedSection(let name, _, let template):
                return .section(name, inverted: true, template.names)
            case .blockDefinition(let name, let template):
                return .block(name, template.names)
            case .blockExpansion(let name, let template, _):
                return .block(name, template.names)
            case .partial(let name, _, let inherits):
                return .partial(name, overrides: (inherits ?? [:]).mapValues(\.names))
            }
        }
    }
}
