import Fluent
import OneXDomain
import Vapor

/// A code field people fill by name: a text box with the units the actor may see as
/// suggestions (`<datalist>`), each offering its code with the name beside it. Typing part of a
/// name or of a code narrows the list in any browser; without suggestions it is still a box
/// for the code.
enum CodePicker {
    typealias Option = (code: String, name: String)

    static func input(_ name: String, value: String, options: [Option], placeholder: String, size: Int = 14)
        -> HTML
    {
        let list = "dl-\(name)"
        return """
            <input type="text" name="\(name)" value="\(value)" list="\(list)" placeholder="\(placeholder)" aria-label="\(placeholder)" \
            size="\(String(size))" autocomplete="off">\(datalist(list, options))
            """
    }

    /// The suggestions: each code, with the unit's name beside it.
    static func datalist(_ id: String, _ options: [Option]) -> HTML {
        "<datalist id=\"\(id)\">\(HTML.join(options.map { o -> HTML in "<option value=\"\(o.code)\">\(o.name)</option>" }))</datalist>"
    }

    /// The records of a kind the actor may see, code and name, by code.
    static func options<S: CatalogStore>(_ store: S.Type, actor: Actor, on db: any Database) async throws
        -> [Option]
    {
        let scope = Access.scope(of: RecordKind(S.kind), for: actor)
        guard scope != .none else { return [] }
        let items = try await S.page(scope: scope, search: nil, limit: 5000, offset: 0, on: db).items
        return items.map { ($0.code, $0.values["name"] ?? $0.code) }
    }
}
