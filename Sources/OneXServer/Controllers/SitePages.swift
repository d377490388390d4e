import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Exam sites in the browser (AH41-3): the list the reader may see, a school's application,
/// and the export. One site's page is `SitePage`; coverage is `SiteCoveragePage`.
enum SitePages {
    static func register(on web: any RoutesBuilder) {
        web.get("sites") { req in try await list(req) }
        web.get("sites", "export.xlsx") { req in try await export(req, .xlsx) }
        web.get("sites", "export.csv") { req in try await export(req, .csv) }
        web.get("sites", "new") { req in try await new(req, values: [:], errors: [], status: .ok) }
        web.post("sites", "new") { req in try await create(req) }
        SiteCoveragePage.register(on: web)
        SitePage.register(on: web)
    }

    static func query(_ f: ExamSiteService.Filter) -> [(String, String)] {
        [
            ("q", f.text ?? ""), ("status", f.status?.rawValue ?? ""), ("certificate", f.certificate ?? ""),
            ("region", f.region ?? ""), ("waiting", f.waitingForMe ? "1" : ""),
        ]
    }

    static func list(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .sites)
        let filter = try SitesAPI.filter(req)
        let paging = try Paging(req, defaultLimit: 30)
        let (sites, total) = try await ExamSiteService.list(
            actor: actor, filter: filter, paging: paging, on: req.db)
        let data = Components.userText
        let rows = sites.map { s -> [HTML] in
            [
                "<a class=\"nowrap\" href=\"\(SitePath.examSite(s.id).path)\">\(s.number)</a>",
                data(s.certificateName), data(s.schoolName), data(s.regionName), data(s.place),
                "\(s.capacity)",
                "<span class=\"badge \(badge(s.status))\">\(lang(s.status))</span>",
                "\(s.waitingFor.map { lang($0) } ?? "")",
            ]
        }
        var tools: [HTML] = []
        if Access.may(.create, .sites, actor) {
            tools.append("<a class=\"btn\" href=\"\(SitePath.examSites.path)/new\">\(lang(.siteNew))</a>")
        }
        if Access.scope(of: .plans, for: actor) != .none && actor.role != .school {
            tools.append(
                "<a class=\"btn secondary\" href=\"\(SitePath.siteCoverage.path)\">\(lang(.siteCoverage))</a>"
            )
        }
        tools.append(ListTools.exports(path: SitePath.examSites.path, query: query(filter), lang: lang))
        let body: HTML = """
            <h1>\(lang(.navSites))</h1>
            <p class="muted">\(lang(.siteIntro))</p>
            <div class="toolbar">\(HTML.join(tools))</div>
            \(ListTools.search(
                action: SitePath.examSites.path, text: filter.text, placeholder: lang(.siteSearch),
                statuses: ExamSiteStatus.allCases.map { ($0.rawValue, lang($0)) }, status: filter.status?.rawValue,
                extra: """
                    <label><input type="checkbox" name="waiting" value="1"\(filter.waitingForMe ? HTML(raw: " checked") : "")> \(lang(.siteWaitingForMe))</label>
                    """, lang: lang))
            \(Components.table(
                headers: [lang(.siteNumber), lang(.fieldCertificate), lang(.siteSchool), lang(.publicCity), lang(.sitePlace),
                          lang(.siteCapacity), lang(.status), lang(.siteWaitingFor)],
                rows: rows, numeric: [5], empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.examSites.path, query: query(filter), lang: lang))
            """
        return try await Layout.page(
            req: req, title: lang(.navSites), crumbs: [.init(title: lang(.navSites))], body: body
        ).encodeResponse(for: req)
    }

    static func badge(_ status: ExamSiteStatus) -> String {
        switch status {
        case .approved: "ok"
        case .returned, .suspended: "warn"
        case .applied, .allianceAgreed: "muted"
        }
    }

    /// The fields of an application; `certificates` are the school's pilots (absent on a
    /// resubmission, where the certificate stays).
    static func fields(_ lang: Lang, certificates: [(String, String)]?) -> [Components.FormField] {
        var fields: [Components.FormField] = []
        if let certificates {
            fields.append(
                .init(
                    name: "certificate", label: lang(.siteCertificate), kind: .select(certificates),
                    required: true,
                    hint: lang(.siteCertificateHint)))
        }
        return fields + [
            .init(name: "place", label: lang(.sitePlace), required: true, hint: lang(.sitePlaceHint)),
            .init(name: "address", label: lang(.siteAddress), required: true),
            .init(name: "capacity", label: lang(.siteCapacity), kind: .number, required: true),
            .init(name: "equipment", label: lang(.siteEquipment), kind: .textarea, required: true),
            .init(name: "contact", label: lang(.siteContact), required: true),
            .init(name: "phone", label: lang(.ledgerPhone), required: true),
        ]
    }

    static func new(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(may: .create, .sites)
        let certificates = try await req.db.sql().raw(
            """
            SELECT DISTINCT c.code, c.name FROM plans p JOIN certificates c ON c.id = p.certificate_id
            JOIN schools s ON s.id = p.school_id
            WHERE s.code = \(bind: actor.unit ?? "") AND p.status <> \(bind: PlanStatus.exited.rawValue) ORDER BY c.code
            """
        ).all().map {
            let code = try $0.decode(column: "code", as: String.self)
            return (code, "\(try $0.decode(column: "name", as: String.self))\(lang.bracketed(code))")
        }
        let body: HTML = """
            <h1>\(lang(.siteNew))</h1>
            <p class="muted">\(lang(.siteNewIntro))</p>
            \(Components.form(action: SitePath.examSites.path + "/new", csrf: CSRF.token(for: req),
                              fields: fields(lang, certificates: certificates), values: values, errors: errors,
                              submit: lang(.siteApply), cancel: SitePath.examSites.path, lang: lang))
            """
        let response = try await Layout.page(
            req: req, title: lang(.siteNew),
            crumbs: [.init(title: lang(.navSites), path: .examSites), .init(title: lang(.siteNew))],
            body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .sites)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        do {
            let id = try await ExamSiteService.apply(
                draft(values, certificate: values["certificate"]), actor: actor, now: req.now, on: req.db)
            return req.redirect(local: SitePath.examSite(id).path)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await new(req, values: values, errors: errors, status: e.status)
        }
    }

    /// A form's values as a draft; a capacity that is not a whole number is refused by the check.
    static func draft(_ v: FieldValues, certificate: String?) -> ExamSiteService.Draft {
        ExamSiteService.Draft(
            certificate: certificate, place: v["place"], address: v["address"],
            capacity: v["capacity"].map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 },
            equipment: v["equipment"], contact: v["contact"], phone: v["phone"])
    }

    static func export(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .sites)
        let sites = try await ExamSiteService.list(
            actor: actor, filter: try SitesAPI.filter(req), paging: nil, on: req.db
        ).items
        let header = [
            lang(.siteNumber), lang(.fieldCertificate), lang(.siteOrganization), lang(.siteSchool),
            lang(.publicCity),
            lang(.sitePlace), lang(.siteAddress), lang(.siteCapacity), lang(.siteEquipment),
            lang(.siteContact),
            lang(.ledgerPhone), lang(.status), lang(.siteAppliedOn), lang(.siteApprovedOn),
        ]
        let rows = sites.map { s in
            [
                s.number, s.certificateName, s.organizationName, s.schoolName, s.regionName, s.place,
                s.address,
                "\(s.capacity)", s.equipment, s.contact, s.phone, lang(s.status), s.appliedOn,
                s.approvedOn ?? "",
            ]
        }
        return Download.file([header] + rows, name: "考核站点-\(LocalDate(req.now))", format: format)
    }
}
