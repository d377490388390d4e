import OneXDomain
import Vapor

/// Organisations' filings in the browser (AH41-4): the calendar of a month's filed activities,
/// the exam days without a filing, an organisation's new filing, and one filing with the
/// forms of the reader's next step.
enum FilingPages {
    static func register(on web: any RoutesBuilder) {
        web.get("filings") { req in try await calendar(req) }
        web.get("filings", "export.xlsx") { req in try await export(req, .xlsx) }
        web.get("filings", "export.csv") { req in try await export(req, .csv) }
        web.get("filings", "new") { req in try await new(req, values: [:], errors: [], status: .ok) }
        web.post("filings", "new") { req in try await create(req) }
        web.get("filings", ":id") { req in
            try await page(req, failed: nil, values: [:], errors: [], status: .ok)
        }
        web.post("filings", ":id", ":step") { req in try await act(req) }
    }

    static func query(_ f: FilingService.Filter) -> [(String, String)] {
        [("month", f.month ?? ""), ("q", f.text ?? ""), ("status", f.status?.rawValue ?? "")]
    }

    static func calendar(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .filings)
        let today = LocalDate(req.now)
        // A month is shown unless a search looks through all of them.
        let text = req.queryText("q")
        let month =
            try FilingsAPI.month(req)
            ?? (text == nil && req.query[String.self, at: "month"] == nil
                ? String(today.description.prefix(7)) : nil)
        let filter = try FilingsAPI.filter(req, month: month)
        let paging = try Paging(req, defaultLimit: 100)
        let (page, total) = try await FilingService.list(
            actor: actor, filter: filter, paging: paging, on: req.db)
        let filings = page.sorted { ($0.startsOn, $0.number) < ($1.startsOn, $1.number) }
        let data = Components.userText
        let rows = filings.map { f -> [HTML] in
            [
                "\(lang.day(f.startsOn))\(f.endsOn == f.startsOn ? "" : " – \(lang.day(f.endsOn))")",
                "<a href=\"/filings/\(f.id.uuidString)\">\(f.number)</a>", "\(lang(f.kind))", data(f.title),
                "\(data(f.certificateName))", data(f.organizationName), data(f.place), "\(f.participants)",
                "\(lang(f.status))",
            ]
        }
        let calendar = month.flatMap { m in
            MonthCalendar.html(
                month: m,
                items: filings.compactMap { f in
                    guard let starts = LocalDate(f.startsOn), let ends = LocalDate(f.endsOn) else {
                        return nil
                    }
                    return MonthCalendar.Item(
                        starts: starts, ends: ends, label: "\(lang(f.kind))·\(data(f.title))",
                        link: "/filings/\(f.id.uuidString)",
                        tone: f.status == .acknowledged ? "ok" : f.status == .moreRequested ? "warn" : "muted"
                    )
                }, today: today, lang: lang)
        }
        var unfiled: HTML = ""
        if actor.role.seesWholeProvince || actor.role == .organization {
            let shown = 50
            let (list, count) = try await FilingService.unfiledExams(
                year: month.flatMap { Int($0.prefix(4)) } ?? today.year, actor: actor,
                paging: Paging(limit: shown, offset: 0), on: req.db)
            unfiled = """
                <section class="panel" id="unfiled"><h2>\(lang(.filingUnfiled))</h2>
                <p class="muted">\(lang(.filingUnfiledIntro))</p>
                \(count > shown ? HTML("<p class=\"muted\">\(lang(.filingUnfiledNewest(shown, count)))</p>") : "")
                \(Components.table(headers: [lang(.filingExamDay), lang(.fieldCertificate), lang(.siteOrganization), lang(.filingSchools)],
                                   rows: list.map { ["\(lang.day($0.day))", data($0.certificateName), data($0.organizationName), "\($0.schools)"] },
                                   numeric: [3], empty: lang(.filingNoUnfiled)))
                </section>
                """
        }
        let tools: HTML =
            Access.may(.create, .filings, actor)
            ? "<a class=\"btn\" href=\"/filings/new\">\(lang(.filingNew))</a>" : ""
        let body: HTML = """
            <h1>\(lang(.navFilings))</h1>
            <p class="muted">\(lang(.filingIntro))</p>
            <div class="toolbar">\(tools)\(ListTools.exports(path: "/filings", query: query(filter), lang: lang))</div>
            \(ListTools.search(
                action: "/filings", text: filter.text, placeholder: lang(.filingSearch),
                statuses: FilingStatus.allCases.map { ($0.rawValue, lang($0)) }, status: filter.status?.rawValue,
                extra: """
                    <label for="filing-month">\(lang(.filingMonth))</label>
                    <input type="month" id="filing-month" name="month" value="\(month ?? "")">
                    """, lang: lang))
            \(calendar ?? "")
            \(Components.table(
                headers: [lang(.filingDays), lang(.filingNumber), lang(.filingKind), lang(.filingTitle), lang(.fieldCertificate),
                          lang(.siteOrganization), lang(.filingPlace), lang(.filingParticipants), lang(.status)],
                rows: rows, numeric: [7], empty: lang(month == nil ? .noRecords : .filingNoneInMonth)))
            \(Components.pager(total: total, paging: paging, path: "/filings", query: query(filter), lang: lang))
            \(unfiled)
            """
        return try await Layout.page(
            req: req, title: lang(.navFilings), crumbs: [.init(title: lang(.navFilings))], body: body
        ).encodeResponse(for: req)
    }

    /// Every filing the filter shows (all months unless one is given).
    static func export(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .filings)
        let filings = try await FilingService.list(
            actor: actor, filter: try FilingsAPI.filter(req, month: try FilingsAPI.month(req)), paging: nil,
            on: req.db
        ).items
        let header = [
            lang(.filingNumber), lang(.filingKind), lang(.filingTitle), lang(.fieldCertificate),
            lang(.siteOrganization), lang(.trainingStartsOn), lang(.trainingEndsOn), lang(.filingPlace),
            lang(.filingParticipants), lang(.status), lang(.siteReason),
        ]
        let rows = filings.map { f in
            [
                f.number, lang(f.kind), f.title, f.certificateName, f.organizationName, f.startsOn, f.endsOn,
                f.place,
                "\(f.participants)", lang(f.status), f.reason ?? "",
            ]
        }
        return Download.file([header] + rows, name: "活动报备-\(LocalDate(req.now))", format: format)
    }

    static func fields(_ lang: Lang, certificates: [(String, String)]?) -> [Components.FormField] {
        var out: [Components.FormField] = []
        if let certificates {
            out.append(
                .init(
                    name: "certificate", label: lang(.trainingCertificate), kind: .select(certificates),
                    required: true))
        }
        return out + [
            .init(
                name: "kind", label: lang(.filingKind),
                kind: .select(ActivityKind.allCases.map { ($0.rawValue, lang($0)) }),
                required: true),
            .init(name: "title", label: lang(.filingTitle), required: true),
            .init(name: "startsOn", label: lang(.trainingStartsOn), kind: .date, required: true),
            .init(name: "endsOn", label: lang(.trainingEndsOn), kind: .date, required: true),
            .init(name: "place", label: lang(.filingPlace), required: true),
            .init(name: "participants", label: lang(.filingParticipants), kind: .number, required: true),
        ]
    }

    static func draft(_ v: FieldValues, certificate: String?) -> FilingService.Draft {
        .init(
            certificate: certificate, kind: v["kind"].flatMap(ActivityKind.init(rawValue:)),
            title: v["title"],
            startsOn: v["startsOn"], endsOn: v["endsOn"], place: v["place"],
            participants: v["participants"].map { Int($0.trimmingCharacters(in: .whitespaces)) ?? -1 })
    }

    static func new(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(may: .create, .filings)
        let certificates =
            try await CertificateStore.scoped(
                Access.scope(of: .certificates, for: actor), on: req.db)?.sort(\.$code).all() ?? []
        let body: HTML = """
            <h1>\(lang(.filingNew))</h1>
            <p class="muted">\(lang(.filingIntro))</p>
            \(Components.form(action: "/filings/new", csrf: CSRF.token(for: req),
                              fields: fields(lang, certificates: certificates.map { ($0.code, "\($0.name)\(lang.bracketed($0.code))") }),
                              values: values, errors: errors, submit: lang(.filingNew), cancel: "/filings", lang: lang))
            """
        let response = try await Layout.page(
            req: req, title: lang(.filingNew),
            crumbs: [.init(title: lang(.navFilings), path: .filings), .init(title: lang(.filingNew))],
            body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .filings)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        do {
            let id = try await FilingService.create(
                draft(values, certificate: values["certificate"]), actor: actor, now: req.now, on: req.db)
            return req.redirect(local: "/filings/\(id.uuidString)")
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await new(req, values: values, errors: e.errors, status: e.status)
        }
    }

    static func page(
        _ req: Request, failed: FilingStep?, values: FieldValues, errors: [FieldError],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .filings)
        let f = try await FilingService.find(try FeesAPI.id(req), actor: actor, on: req.db)
        let data = Components.userText
        var facts: [(String, HTML)] = [
            (lang(.filingNumber), "\(f.number)"), (lang(.status), "\(lang(f.status))"),
            (lang(.filingKind), "\(lang(f.kind))"),
            (lang(.filingTitle), data(f.title)),
            (lang(.fieldCertificate), "\(data(f.certificateName))\(lang.bracketed(f.certificate))"),
            (lang(.siteOrganization), data(f.organizationName)),
            (lang(.filingDays), "\(lang.day(f.startsOn)) – \(lang.day(f.endsOn))"),
            (lang(.filingPlace), data(f.place)),
            (lang(.filingParticipants), "\(f.participants)"),
        ]
        if let reason = f.reason, f.status == .moreRequested {
            facts.append((lang(.siteReason), data(reason)))
        }
        let path = "/filings/\(f.id.uuidString)"
        let csrf = CSRF.token(for: req)
        let forms = (f.steps ?? []).map { step -> HTML in
            let fields: [Components.FormField] =
                step == .resubmit
                ? Self.fields(lang, certificates: nil)
                : step == .requestMore
                    ? [.init(name: "reason", label: lang(.siteReason), kind: .textarea, required: true)] : []
            let defaults: FieldValues =
                step == .resubmit
                ? [
                    "kind": f.kind.rawValue, "title": f.title, "startsOn": f.startsOn, "endsOn": f.endsOn,
                    "place": f.place,
                    "participants": "\(f.participants)",
                ] : [:]
            return """
                <section class="panel"><h2>\(lang(step))</h2>
                \(Components.form(action: "\(path)/\(step.rawValue)", csrf: csrf, fields: fields,
                                  values: failed == step ? values : defaults, errors: failed == step ? errors : [],
                                  submit: lang(step), cancel: nil, lang: lang, idPrefix: step.rawValue))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.navFilings)) \(f.number)</h1>
            \(errors.isEmpty || failed != nil ? "" : Components.alert(html: Components.messages(errors, on: lang)))
            \(Components.facts(facts))
            \(HTML.join(forms))
            """
        let response = try await Layout.page(
            req: req, title: "\(lang(.navFilings)) \(f.number)",
            crumbs: [.init(title: lang(.navFilings), path: .filings), .init(title: f.number)], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func act(_ req: Request) async throws -> Response {
        guard let step = FilingStep(rawValue: try req.parameters.require("step")) else {
            throw AppError.notFound
        }
        let actor = try req.actor(may: step == .resubmit ? .update : .review, .filings)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        let id = try FeesAPI.id(req)
        do {
            _ = try await FilingService.step(
                id, step, reason: values["reason"],
                draft: step == .resubmit ? draft(values, certificate: nil) : nil,
                actor: actor, now: req.now, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(
                req, failed: e.status == .conflict ? nil : step, values: values, errors: errors,
                status: e.status)
        }
        return req.redirect(local: "/filings/\(id.uuidString)")
    }
}
