import OneXDomain
import Vapor

/// Schools' admission and exit of certificates in the browser (AH41-2): the decisions the
/// reader may see, by school and certificate, a school's form, and the Excel export.
enum CertificateDecisionPages {
    static func register(on web: any RoutesBuilder) {
        web.get("certificate-decisions") { req in try await page(req, values: [:], errors: [], status: .ok) }
        web.post("certificate-decisions") { req in try await record(req) }
        web.get("certificate-decisions", "export.xlsx") { req in try await export(req, .xlsx) }
        web.get("certificate-decisions", "export.csv") { req in try await export(req, .csv) }
    }

    static func page(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .certificateDecisions)
        let filter = CertificateDecisionsAPI.filter(req)
        let paging = try Paging(req, defaultLimit: 30)
        let (list, total) = try await CertificateDecisionService.list(
            actor: actor, filter: filter, paging: paging, on: req.db)
        let query = [("certificate", filter.certificate ?? ""), ("q", filter.text ?? "")]
        let data = Components.userText
        let rows = list.map { d -> [HTML] in
            [
                data(d.schoolName), "\(data(d.certificateName))\(lang.bracketed(d.certificate))",
                "\(lang(d.kind))",
                "\(lang.day(d.decidedOn))", data(d.justification), data(d.experts ?? ""),
            ]
        }
        var form: HTML = ""
        if Access.may(.create, .certificateDecisions, actor) {
            let certificates = try await CertificateStore.scoped(.all, on: req.db)?.sort(\.$code).all() ?? []
            form = """
                <section class="panel"><h2>\(lang(.decisionRecord))</h2>
                \(Components.form(action: "/certificate-decisions", csrf: CSRF.token(for: req), fields: [
                    .init(name: "certificate", label: lang(.trainingCertificate),
                          kind: .select(certificates.map { ($0.code, "\($0.name)\(lang.bracketed($0.code))") }), required: true),
                    .init(name: "kind", label: lang(.decisionKind),
                          kind: .select(CertificateDecisionKind.allCases.map { ($0.rawValue, lang($0)) }), required: true),
                    .init(name: "decidedOn", label: lang(.decisionDayLabel), kind: .date, required: true),
                    .init(name: "justification", label: lang(.decisionJustificationLabel), kind: .textarea, required: true,
                          hint: lang(.decisionJustificationHint)),
                    .init(name: "experts", label: lang(.decisionExperts), hint: lang(.decisionExpertsHint)),
                ], values: values, errors: errors, submit: lang(.decisionRecord), cancel: nil, lang: lang, idPrefix: "d"))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.navDecisions))</h1>
            <p class="muted">\(lang(.decisionIntro))</p>
            <div class="toolbar">\(ListTools.exports(path: "/certificate-decisions", query: query, lang: lang))</div>
            \(ListTools.search(
                action: "/certificate-decisions", text: filter.text, placeholder: lang(.decisionSearch), statuses: [],
                status: nil,
                extra: filter.certificate.map { "<input type=\"hidden\" name=\"certificate\" value=\"\($0)\">" } ?? "",
                lang: lang))
            \(Components.table(
                headers: [lang(.school), lang(.trainingCertificate), lang(.decisionKind), lang(.decisionDayLabel),
                          lang(.decisionJustificationLabel), lang(.decisionExperts)],
                rows: rows, empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: "/certificate-decisions", query: query, lang: lang))
            \(form)
            """
        let response = try await Layout.page(
            req: req, title: lang(.navDecisions), crumbs: [.init(title: lang(.navDecisions))], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func record(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .certificateDecisions)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        do {
            _ = try await CertificateDecisionService.record(
                .init(
                    certificate: values["certificate"],
                    kind: values["kind"].flatMap(CertificateDecisionKind.init(rawValue:)),
                    decidedOn: values["decidedOn"], justification: values["justification"],
                    experts: values["experts"]),
                actor: actor, now: req.now, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(req, values: values, errors: errors, status: e.status)
        }
        return req.redirect(local: "/certificate-decisions")
    }

    static func export(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .certificateDecisions)
        let header = [
            lang(.schoolCode), lang(.school), lang(.fieldCertificate), lang(.publicCertificateName),
            lang(.decisionKind),
            lang(.decisionDayLabel), lang(.decisionJustificationLabel), lang(.decisionExperts),
        ]
        let rows = try await CertificateDecisionService.list(
            actor: actor, filter: CertificateDecisionsAPI.filter(req), paging: nil, on: req.db
        ).items.map {
            [
                $0.school, $0.schoolName, $0.certificate, $0.certificateName, lang($0.kind), $0.decidedOn,
                $0.justification, $0.experts ?? "",
            ]
        }
        return Download.file([header] + rows, name: "证书准入与退出-\(LocalDate(req.now))", format: format)
    }
}
