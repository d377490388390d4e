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

    static func render(_ req: Request) async throws -> HTML {
        let lang = req.lang
        _ = try req.actor(reading: .auditEntries)
        let paging = try Paging(req, defaultLimit: 50)
        let (entries, total) = try await AuditEntry.query(on: req.db).sort(\.$seq, .descending)
            .page(limit: paging.limit, offset: paging.offset)
        let report = try await AuditVerifier.verify(on: req.db)
        let state = report.ok
            ? Components.alert("\(lang(.auditChainOK))\(lang.bracketed(String(report.entries))) · \(report.head.prefix(16))…", ok: true)
            : Components.alert("\(lang(.auditChainBroken))\(lang.colon)\(report.problems.prefix(5).joined(separator: lang.semicolon))")
        let rows = entries.map { e -> [HTML] in
            [HTML(raw: String(e.seq)), "\(Shanghai.minuteText(e.at))", "\(e.actor)", "\(e.action)", "\(e.entity) / \(e.entityKey)",
             "<code>\(String((e.before ?? "").prefix(160)))</code>", "<code>\(String((e.after ?? "").prefix(160)))</code>"]
        }
        let body: HTML = """
            <h1>\(lang(.navAudit))</h1>
            <p class="muted">\(lang(.auditIntro))</p>
            \(state)
            <div class="toolbar"><span class="spacer"></span>
            <a class="btn secondary" href="\(SitePath.auditExport(.csv).path)">\(lang(.exportCSV))</a>
            <a class="btn secondary" href="\(SitePath.auditExport(.xlsx).path)">\(lang(.exportXLSX))</a></div>
            \(Components.table(headers: ["#", lang(.auditTime), lang(.auditActor), lang(.auditAction), lang(.auditEntity),
                                         lang(.auditBefore), lang(.auditAfter)], rows: rows, numeric: [0], empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.audit.path, query: [], lang: lang))
            """
        return Layout.page(req: req, title: lang(.navAudit), crumbs: [.init(title: lang(.navAudit))], body: body)
    }

    /// The whole log, oldest first, with hashes: what an auditor takes away to check elsewhere.
    static func export(_ req: Request, format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        _ = try req.actor(reading: .auditEntries)
        let entries = try await AuditEntry.query(on: req.db).sort(\.$seq).all()
        var rows = [["#", lang(.auditTime), lang(.auditActor), lang(.auditAction), lang(.auditEntity), "key",
                     lang(.auditBefore), lang(.auditAfter), "prevHash", "hash"]]
        rows += entries.map { e in
            [String(e.seq), Shanghai.rfc3339(e.at), e.actor, e.action, e.entity, e.entityKey, e.before ?? "", e.after ?? "",
             e.prevHash, e.hash]
        }
        return Download.file(rows, name: "audit-\(LocalDate(req.now))", format: format)
    }
}
