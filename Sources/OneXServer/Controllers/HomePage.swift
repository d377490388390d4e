import Fluent
import OneXDomain
import Vapor

/// The first page after login: who you are, the policy in force, and what you can look at.
enum HomePage {
    static func register(on web: any RoutesBuilder) {
        web.get { req in try await render(req) }
    }

    static func render(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor()
        var cards: [HTML] = []
        for kind in Access.navigation(for: actor) {
            let total = try await CatalogService.withStore(kind) { store in
                try await count(store, scope: Access.scope(of: RecordKind(kind), for: actor), on: req.db)
            }
            cards.append("<div class=\"card\"><a href=\"\(SitePath.list(kind).path)\"><div class=\"n\">\(total)</div><div>\(lang(kind.title))</div></a></div>")
        }
        let policy = try await PolicyVersion.current(on: req.db)
        let policyText = policy.map { p in "\((try? p.policy().province) ?? "") · \(lang(.policyVersion)) \(p.version)" } ?? "—"
        let body: HTML = """
            <h1>\(lang(.welcome))，\(actor.username)</h1>
            \(Components.facts([(lang(.yourRole), lang.pick(actor.role.chinese, actor.role.english)), (lang(.yourUnit), actor.unit ?? "—"),
                                (lang(.activePolicy), policyText), (lang(.today), LocalDate(req.now).description)]))
            <h2>\(lang(.counts))</h2>
            <div class="cards">\(cards)</div>
            """
        return Layout.page(req: req, title: lang(.navHome), crumbs: [], body: body)
    }

    static func count<S: CatalogStore>(_ store: S.Type, scope: RecordScope, on db: any Database) async throws -> Int {
        try await S.page(scope: scope, search: nil, limit: 1, offset: 0, on: db).total
    }
}
