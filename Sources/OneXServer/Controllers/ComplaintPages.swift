import OneXDomain
import Vapor

/// Complaints in the browser (AH41-2): the list, filing one with its evidence, and one
/// complaint with its history and the forms of the reader's next step. A refused form comes
/// back with what was typed.
enum ComplaintPages {
    static func register(on web: any RoutesBuilder) {
        web.get("complaints") { req in try await list(req) }
        web.get("complaints", "export.xlsx") { req in try await export(req, .xlsx) }
        web.get("complaints", "export.csv") { req in try await export(req, .csv) }
        web.get("complaints", "new") { req in try await new(req, values: [:], errors: [], status: .ok) }
        web.form("complaints", "new", maxSize: "20mb") { req in try await create(req) }
        web.get("complaints", ":id") { req in
            try await page(req, failed: nil, values: [:], errors: [], status: .ok)
        }
        web.get("complaints", ":id", "evidence") { req in try await ComplaintsAPI.evidence(req) }
        web.post("complaints", ":id", ":step") { req in try await act(req) }
    }

    static func query(_ f: ComplaintService.Filter) -> [(String, String)] {
        [("q", f.text ?? ""), ("status", f.status?.rawValue ?? "")]
    }

    static func list(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .complaints)
        let filter = try ComplaintsAPI.filter(req)
        let paging = try Paging(req, defaultLimit: 30)
        let (complaints, total) = try await ComplaintService.list(
            actor: actor, filter: filter, paging: paging, on: req.db)
        let data = Components.userText
        let rows = complaints.map { c -> [HTML] in
            [
                "<a class=\"nowrap\" href=\"/complaints/\(c.id.uuidString)\">\(c.number)</a>",
                data(c.complainantName),
                data(c.organizationName), data(c.certificateName ?? ""), data(String(c.what.prefix(60))),
                "\(lang.day(c.filedOn))", "\(lang(c.status))",
            ]
        }
        let create: HTML =
            Access.may(.create, .complaints, actor)
            ? "<a class=\"btn\" href=\"/complaints/new\">\(lang(.complaintNew))</a>" : ""
        let body: HTML = """
            <h1>\(lang(.navComplaints))</h1>
            <p class="muted">\(lang(.complaintIntro))</p>
            <div class="toolbar">\(create)\(ListTools.exports(path: "/complaints", query: query(filter), lang: lang))</div>
            \(ListTools.search(
                action: "/complaints", text: filter.text, placeholder: lang(.complaintSearch),
                statuses: ComplaintStatus.allCases.map { ($0.rawValue, lang($0)) }, status: filter.status?.rawValue, lang: lang))
            \(Components.table(
                headers: [lang(.complaintNumber), lang(.complaintComplainant), lang(.complaintOrganization),
                          lang(.complaintCertificate), lang(.complaintWhat), lang(.complaintFiledOn), lang(.status)],
                rows: rows, empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: "/complaints", query: query(filter), lang: lang))
            """
        return try await Layout.page(
            req: req, title: lang(.navComplaints), crumbs: [.init(title: lang(.navComplaints))], body: body
        ).encodeResponse(for: req)
    }

    /// Every complaint the filter shows, with its dates and where it stands.
    static func export(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .complaints)
        let complaints = try await ComplaintService.list(
            actor: actor, filter: try ComplaintsAPI.filter(req), paging: nil, on: req.db
        ).items
        let header = [
            lang(.complaintNumber), lang(.complaintComplainant), lang(.complaintOrganization),
            lang(.complaintCertificate), lang(.complaintWhen), lang(.complaintWhat), lang(.complaintFiledOn),
            lang(.complaintForwardedOn), lang(.complaintReportedOn), lang(.status),
        ]
        let rows = complaints.map { c in
            [
                c.number, c.complainantName, c.organizationName, c.certificateName ?? "", c.occurredOn,
                c.what,
                c.filedOn, c.forwardedOn ?? "", c.moeReportedOn ?? "", lang(c.status),
            ]
        }
        return Download.file([header] + rows, name: "投诉-\(LocalDate(req.now))", format: format)
    }

    static func new(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(may: .create, .complaints)
        let organizations = try await CodePicker.options(OrganizationStore.self, actor: actor, on: req.db)
        let fields: [Components.FormField] = [
            .init(
                name: "organization", label: lang(.complaintOrganization),
                kind: .select(organizations.map { ($0.code, $0.name) }), required: true),
            .init(
                name: "certificate", label: lang(.complaintCertificate), hint: lang(.complaintCertificateHint)
            ),
            .init(name: "occurredOn", label: lang(.complaintWhen), kind: .date, required: true),
            .init(name: "what", label: lang(.complaintWhat), kind: .textarea, required: true),
            .init(name: "file", label: lang(.complaintEvidence), kind: .file),
        ]
        let body: HTML = """
            <h1>\(lang(.complaintNew))</h1>
            <p class="muted">\(lang(.complaintIntro))</p>
            \(Components.form(action: "/complaints/new", csrf: CSRF.token(for: req), fields: fields, values: values,
                              errors: errors, submit: lang(.complaintNew), cancel: "/complaints", lang: lang, multipart: true))
            """
        let response = try await Layout.page(
            req: req, title: lang(.complaintNew),
            crumbs: [
                .init(title: lang(.navComplaints), path: .complaints), .init(title: lang(.complaintNew)),
            ], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .complaints)
        let form = try req.content.decode(ComplaintsAPI.FilingBody.self)
        let values: FieldValues = [
            "organization": form.organization ?? "", "certificate": form.certificate ?? "",
            "what": form.what ?? "",
            "occurredOn": form.occurredOn ?? "",
        ]
        do {
            let id = try await ComplaintService.file(
                .init(
                    organization: form.organization, certificate: form.certificate, what: form.what,
                    occurredOn: form.occurredOn),
                evidence: form.file, actor: actor, unitName: req.currentUser?.unitName ?? actor.unit ?? "",
                now: req.now, on: req.db)
            return req.redirect(local: "/complaints/\(id.uuidString)")
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await new(req, values: values, errors: e.errors, status: e.status)
        }
    }

    static func page(
        _ req: Request, failed: ComplaintStep?, values: FieldValues, errors: [FieldError],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .complaints)
        let c = try await ComplaintService.find(try FeesAPI.id(req), actor: actor, on: req.db)
        let data = Components.userText
        let path = "/complaints/\(c.id.uuidString)"
        var facts: [(String, HTML)] = [
            (lang(.complaintNumber), "\(c.number)"), (lang(.status), "\(lang(c.status))"),
            (lang(.complaintComplainant), data(c.complainantName)),
            (lang(.complaintOrganization), data(c.organizationName)),
            (
                lang(.complaintCertificate),
                data(c.certificateName.map { "\($0)\(lang.bracketed(c.certificate ?? ""))" } ?? "")
            ),
            (lang(.complaintWhen), "\(lang.day(c.occurredOn))"), (lang(.complaintWhat), data(c.what)),
            (lang(.complaintFiledOn), "\(lang.day(c.filedOn))"),
        ]
        if let f = c.filename {
            facts.append((lang(.complaintEvidence), "<a href=\"\(path)/evidence\" translate=\"no\">\(f)</a>"))
        }
        if let d = c.forwardedOn { facts.append((lang(.complaintForwardedOn), "\(lang.day(d))")) }
        if let d = c.moeReportedOn { facts.append((lang(.complaintReportedOn), "\(lang.day(d))")) }
        let names = try await AccountNames.labels(Set((c.entries ?? []).map(\.actor)), lang: lang, on: req.db)
        let history = (c.entries ?? []).map { e -> [HTML] in
            [
                "\(Shanghai.minuteText(e.at))",
                "\(ComplaintStep(rawValue: e.step).map { lang($0) } ?? lang(.complaintFiled))", data(e.text),
                data(names[e.actor] ?? e.actor),
            ]
        }
        let byOrganization = actor.role == .organization && actor.unit == c.organization
        let mayAct =
            (byOrganization && Access.may(.update, .complaints, actor))
            || Access.may(.review, .complaints, actor)
        let steps = mayAct ? ComplaintFlow.steps(c.status, byOrganization: byOrganization) : []
        let csrf = CSRF.token(for: req)
        let forms = steps.map { step -> HTML in
            var fields: [Components.FormField] = [
                .init(name: "text", label: lang(.complaintStepText(step)), kind: .textarea, required: true)
            ]
            if step == .reportToMoE {
                fields.append(
                    .init(name: "day", label: lang(.complaintReportDayLabel), kind: .date, required: true))
            }
            let mine = failed == step
            return """
                <section class="panel"><h2>\(lang(step))</h2>
                \(Components.form(action: "\(path)/\(step.rawValue)", csrf: csrf, fields: fields,
                                  values: mine ? values : (step == .reportToMoE ? ["day": LocalDate(req.now).description] : [:]),
                                  errors: mine ? errors : [], submit: lang(step), cancel: nil, lang: lang, idPrefix: step.rawValue))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.navComplaints)) \(c.number)</h1>
            \(errors.isEmpty || failed != nil ? "" : Components.alert(html: Components.messages(errors, on: lang)))
            \(Components.facts(facts))
            <section class="panel"><h2>\(lang(.complaintHistory))</h2>
            \(Components.table(headers: [lang(.auditTime), lang(.ledgerEntryKind), lang(.ledgerEntryContent), lang(.ledgerEntryActor)],
                               rows: history, empty: lang(.noRecords)))
            </section>
            \(HTML.join(forms))
            """
        let response = try await Layout.page(
            req: req, title: "\(lang(.navComplaints)) \(c.number)",
            crumbs: [.init(title: lang(.navComplaints), path: .complaints), .init(title: c.number)],
            body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func act(_ req: Request) async throws -> Response {
        guard let step = ComplaintStep(rawValue: try req.parameters.require("step")) else {
            throw AppError.notFound
        }
        let actor = try req.actor(may: step.byOrganization ? .update : .review, .complaints)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        let id = try FeesAPI.id(req)
        do {
            _ = try await ComplaintService.step(
                id, step, text: values["text"], day: values["day"], actor: actor, now: req.now, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(
                req, failed: e.status == .conflict ? nil : step, values: values, errors: errors,
                status: e.status)
        }
        return req.redirect(local: "/complaints/\(id.uuidString)")
    }
}
