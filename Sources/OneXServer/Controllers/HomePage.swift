import Fluent
import OneXDomain
import Vapor

/// The first page after login: who you are, what to do next — the windows with their dates,
/// decisions waiting, returned applications, unread notices, warnings — and what you can look at.
enum HomePage {
    static func register(on web: any RoutesBuilder) {
        web.get { req in try await render(req) }
    }

    static func render(_ req: Request) async throws -> HTML {
        let lang = req.lang
        guard let user = req.currentUser else { throw AppError.unauthorized }
        let actor = user.actor
        let today = LocalDate(req.now)
        let todo = try await TodoService.todo(for: actor, unread: req.unreadNotices, today: today, on: req.db)
        var cards: [HTML] = []
        for kind in Access.navigation(for: actor) {
            let total = try await CatalogService.withStore(kind) { store in
                try await count(store, scope: Access.scope(of: RecordKind(kind), for: actor), on: req.db)
            }
            cards.append(
                "<div class=\"card\"><a href=\"\(SitePath.list(kind).path)\"><div class=\"n\">\(total)</div><div>\(lang(kind.title))</div></a></div>"
            )
        }
        let policy = try await PolicyVersion.current(on: req.db)
        let policyText =
            policy.map { p in "\((try? p.policy().province) ?? "") · \(lang(.policyVersion)) \(p.version)" }
            ?? "—"
        let who = AccountNames.label(name: user.name, unit: user.unitName, role: actor.role, lang: lang)
        let body: HTML = """
            <h1>\(lang(.welcome))\(lang.comma)\(user.name ?? user.unitName ?? lang(actor.role))</h1>
            \(Components.facts([(lang(.yourRole), who), (lang(.activePolicy), policyText), (lang(.today), day(today, lang))]))
            <h2>\(lang(.todoTitle))</h2>
            \(todoList(todo, lang: lang))
            \(actor.role == .provinceAdmin && req.application.onex.manualClock != nil
                ? "<p><a class=\"btn secondary\" href=\"/admin/clock\">\(lang(.clockTitle))</a></p>" as HTML : "")
            <h2>\(lang(.windowsTitle))</h2>
            \(phaseTable(todo.phases, own: ownPhase(actor.role), lang: lang))
            <h2>\(lang(.counts))</h2>
            <div class="cards">\(cards)</div>
            """
        return Layout.page(req: req, title: lang(.navHome), crumbs: [], body: body)
    }

    static func day(_ d: LocalDate, _ lang: Lang) -> String { lang(d) }

    static func ownPhase(_ role: Role) -> ResolvedWindow.Phase? {
        switch role {
        case .school: .school
        case .cityReviewer: .city
        case .provinceReviewer, .provinceAdmin: .province
        default: nil
        }
    }

    static func todoList(_ t: TodoService.Todo, lang: Lang) -> HTML {
        var items: [HTML] = []
        if let w = t.waiting, w.count > 0 {
            items.append(
                "<li><a href=\"\(SitePath.applications.path)?status=\(w.stage.rawValue)\">\(lang(.waitingForYou(w.count)))</a></li>"
            )
        }
        for r in t.returned {
            items.append(
                "<li class=\"urgent\"><a href=\"\(SitePath.application(r.id).path)\">\(lang(.returnedDue(r.year, day(r.due, lang))))</a></li>"
            )
        }
        if t.drafts > 0 {
            items.append(
                "<li><a href=\"\(SitePath.applications.path)?status=draft\">\(lang(.draftsOpen(t.drafts)))</a></li>"
            )
        }
        if t.unread > 0 {
            items.append("<li><a href=\"\(SitePath.notices.path)\">\(lang(.unreadCount(t.unread)))</a></li>")
        }
        if let w = t.warned, w.count > 0 {
            items.append(
                "<li><a href=\"\(SitePath.monitoring.path)\">\(lang(.warnedSchools(w.count, w.day)))</a></li>"
            )
        }
        if let day = t.ownSchoolWarned {
            items.append(
                "<li class=\"urgent\"><a href=\"\(SitePath.bulletin(day).path)\">\(lang(.ownSchoolWarned(day)))</a></li>"
            )
        }
        if let year = t.eligibilityRevoked {
            items.append(
                "<li class=\"urgent\"><a href=\"\(SitePath.reports.path)\">\(lang(.eligibilityRevokedHome(year)))</a></li>"
            )
        }
        if t.ledgerWaiting > 0 {
            items.append(
                "<li><a href=\"\(SitePath.ledger.path)\">\(lang(.ledgerWaitingHome(t.ledgerWaiting)))</a></li>"
            )
        }
        if t.ledgerOpen > 0 {
            items.append(
                "<li><a href=\"\(SitePath.ledger.path)?status=open\">\(lang(.ledgerOpenHome(t.ledgerOpen)))</a></li>"
            )
        }
        if t.sitesWaiting > 0 {
            items.append(
                "<li><a href=\"\(SitePath.examSites.path)?waiting=1\">\(lang(.sitesWaitingHome(t.sitesWaiting)))</a></li>"
            )
        }
        if t.unfiledExamDays > 0 {
            items.append(
                "<li><a href=\"/filings#unfiled\">\(lang(.unfiledExamDaysHome(t.unfiledExamDays)))</a></li>")
        }
        if items.isEmpty { return "<p class=\"muted\">\(lang(.nothingToDo))</p>" }
        return "<ul class=\"todo\">\(HTML.join(items))</ul>"
    }

    /// Each phase's current or next window with its dates and a countdown; the actor's own
    /// phase first and marked.
    static func phaseTable(
        _ phases: [(phase: ResolvedWindow.Phase, state: PhaseState)], own: ResolvedWindow.Phase?, lang: Lang
    ) -> HTML {
        let ordered = phases.filter { $0.phase == own } + phases.filter { $0.phase != own }
        let rows = ordered.map { p -> [HTML] in
            let name: HTML =
                p.phase == own
                ? "<strong>\(lang(.phaseName(p.phase)))</strong>" : "\(lang(.phaseName(p.phase)))"
            switch p.state {
            case .open(let w, let left):
                let r = w.range(p.phase)
                return [
                    name, "\(w.name)", "\(day(r.lowerBound, lang))—\(day(r.upperBound, lang))",
                    "<strong>\(lang(.openDaysLeft(left)))</strong>",
                ]
            case .upcoming(let w, let wait):
                let r = w.range(p.phase)
                return [
                    name, "\(w.name)", "\(day(r.lowerBound, lang))—\(day(r.upperBound, lang))",
                    "\(lang(.opensIn(wait)))",
                ]
            case .noneAhead:
                return [name, "—", "—", "\(lang(.noPhaseAhead))"]
            }
        }
        return Components.table(
            headers: [lang(.phase), lang(.windowName), lang(.dates), lang(.status)], rows: rows,
            empty: lang(.noRecords))
    }

    static func count<S: CatalogStore>(_ store: S.Type, scope: RecordScope, on db: any Database) async throws
        -> Int
    {
        try await S.page(scope: scope, search: nil, limit: 1, offset: 0, on: db).total
    }
}
