import Fluent
import OneXDomain
import Vapor

/// The audit log for the province office and auditors, with the hash chain's state.
enum AuditPage {
    static func register(on web: any RoutesBuilder) {
        web.get("audit") { req in try await render(req) }
        web.get("audit", "export.csv") { req in try await export(req, format: .csv) }
        web.get("audit", "export.xlsx") { req in try await export(req, format: .xlsx) }
    }

    /// The search of the log: who, what, which record, between which days (Shanghai).
    struct Search {
        var actor = "", action = "", record = ""
        var from: LocalDate?, to: LocalDate?

        init(_ req: Request) throws {
            func text(_ key: String) -> String {
                ((try? req.query.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespaces)
            }
            actor = text("actor")
            action = text("action")
            record = text("record")
            for (key, value) in [("from", text("from")), ("to", text("to"))] where !value.isEmpty {
                guard let day = LocalDate(value) else {
                    throw AppError.badRequest("日期“\(value)”无效，应为 YYYY-MM-DD")
                }
                if key == "from" { from = day } else { to = day }
            }
        }

        var query: [(String, String)] {
            [
                ("actor", actor), ("action", action), ("record", record), ("from", from?.description ?? ""),
                ("to", to?.description ?? ""),
            ]
        }

        func apply(_ q: QueryBuilder<AuditEntry>) -> QueryBuilder<AuditEntry> {
            if !actor.isEmpty { q.filter(\.$actor == actor) }
            if !action.isEmpty { q.filter(\.$action == action) }
            if !record.isEmpty {
                q.group(.or) { $0.filter(\.$entityKey ~~ record).filter(\.$entity == record) }
            }
            if let from { q.filter(\.$at >= from.startOfDay) }
            // Shanghai keeps no summer time: a day is 86,400 seconds.
            if let to { q.filter(\.$at < to.startOfDay.addingTimeInterval(86_400)) }
            return q
        }
    }

    /// The actions the log records, in words.
    static func actionText(_ action: String, _ lang: Lang) -> String {
        let words: [String: UIText] = [
            "create": .auditCreate, "update": .auditUpdate, "delete": .auditDelete,
            "import.create": .auditImportCreate,
            "import.update": .auditImportUpdate, "submit": .submit, "withdraw": .withdraw,
            "review.approve": .approve,
            "review.return": .returnForChanges, "review.reject": .reject, "attach": .auditAttach,
            "detach": .auditDetach,
            "import": .importResults, "forcedExit": .ruleForcedExit, "publish": .publishBulletin,
            "declare": .auditDeclare, "confirm.overPlan": .confirmOverPlan,
        ]
        return words[action].map { lang($0) } ?? action
    }

    static func render(_ req: Request) async throws -> HTML {
        let lang = req.lang
        _ = try req.actor(reading: .auditEntries)
        let paging = try Paging(req, defaultLimit: 50)
        let search = try Search(req)
        let (entries, total) = try await search.apply(AuditEntry.query(on: req.db)).sort(\.$seq, .descending)
            .page(limit: paging.limit, offset: paging.offset)
        let names = try await AccountNames.labels(Set(entries.map(\.actor)), lang: lang, on: req.db)
        let report = try await AuditVerifier.verify(on: req.db)
        let state =
            report.ok
            ? Components.alert(
                "\(lang(.auditChainOK))\(lang.bracketed(String(report.entries))) · \(report.head.prefix(16))…",
                ok: true)
            : Components.alert(
                "\(lang(.auditChainBroken))\(lang.colon)\(report.problems.prefix(5).joined(separator: lang.semicolon))"
            )
        let rows = entries.map { e -> [HTML] in
            [
                HTML(raw: String(e.seq)), "\(Shanghai.minuteText(e.at))",
                "\(names[e.actor] ?? e.actor) <code>\(e.actor)</code>",
                "\(actionText(e.action, lang))", "<code>\(e.entity) / \(e.entityKey)</code>",
                "<code>\(String((e.before ?? "").prefix(160)))</code>",
                "<code>\(String((e.after ?? "").prefix(160)))</code>",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.navAudit))</h1>
            <p class="muted">\(lang(.auditIntro))</p>
            \(state)
            <form method="get" action="\(SitePath.audit.path)" class="toolbar">
            <input type="text" name="actor" value="\(search.actor)" placeholder="\(lang(.username))" aria-label="\(lang(.auditActor))" size="10">
            <select name="action" aria-label="\(lang(.auditAction))"><option value="">\(lang(.allActions))</option>\(HTML.join(
                ["create", "update", "delete", "import.create", "import.update", "submit", "withdraw", "review.approve", "review.return",
                 "review.reject", "attach", "detach", "import", "forcedExit", "publish", "declare", "confirm.overPlan"].map { a -> HTML in
                    "<option value=\"\(a)\"\(a == search.action ? HTML(raw: " selected") : "")>\(actionText(a, lang))</option>"
                }))</select>
            <input type="text" name="record" value="\(search.record)" placeholder="\(lang(.auditRecord))" aria-label="\(lang(.auditRecord))" size="14">
            <input type="date" name="from" value="\(search.from?.description ?? "")" aria-label="\(lang(.dateFrom))">
            <input type="date" name="to" value="\(search.to?.description ?? "")" aria-label="\(lang(.dateTo))">
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            \(search.query.allSatisfy { $0.1.isEmpty } ? "" : HTML(raw: "<a href=\"\(SitePath.audit.path)\">\(HTML.escape(lang(.clearFilter)))</a>"))
            </form>
            <div class="toolbar"><span class="spacer"></span>
            <a class="btn secondary" href="\(SitePath.auditExport(.csv).path)">\(lang(.exportCSV))</a>
            <a class="btn secondary" href="\(SitePath.auditExport(.xlsx).path)">\(lang(.exportXLSX))</a></div>
            \(Components.table(headers: ["#", lang(.auditTime), lang(.auditActor), lang(.auditAction), lang(.auditEntity),
                                         lang(.auditBefore), lang(.auditAfter)], rows: rows, numeric: [0], empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.audit.path, query: search.query, lang: lang))
            """
        return Layout.page(
            req: req, title: lang(.navAudit), crumbs: [.init(title: lang(.navAudit))], body: body)
    }

    /// The whole log, oldest first, with hashes: what an auditor takes away to check elsewhere.
    static func export(_ req: Request, format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        _ = try req.actor(reading: .auditEntries)
        let entries = try await AuditEntry.query(on: req.db).sort(\.$seq).all()
        var rows = [
            [
                "#", lang(.auditTime), lang(.auditActor), lang(.auditAction), lang(.auditEntity), "key",
                lang(.auditBefore), lang(.auditAfter), "prevHash", "hash",
            ]
        ]
        rows += entries.map { e in
            [
                String(e.seq), Shanghai.rfc3339(e.at), e.actor, e.action, e.entity, e.entityKey,
                e.before ?? "", e.after ?? "",
                e.prevHash, e.hash,
            ]
        }
        return Download.file(rows, name: "audit-\(LocalDate(req.now))", format: format)
    }
}
