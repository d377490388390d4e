import OneXDomain
import Vapor

/// Teachers' X-certificate training hours in the browser (AH41-7): each teacher's year with its
/// payable hours and years of X-certificate training, a school's form to record a term's
/// hours, and the Excel export.
enum WorkloadPages {
    static func register(on web: any RoutesBuilder) {
        web.get("workload") { req in try await page(req, values: [:], errors: [], status: .ok) }
        web.post("workload") { req in try await record(req) }
        web.get("workload", "export.xlsx") { req in try await export(req, .xlsx) }
        web.get("workload", "export.csv") { req in try await export(req, .csv) }
    }

    static func page(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .workloads)
        let year = try SitesAPI.year(req)
        let text = req.queryText("q")
        let all = try await summaries(req, actor: actor, year: year)
        let paging = try Paging(req, defaultLimit: 50)
        let list = all.dropFirst(paging.offset).prefix(paging.limit)
        let query = [("year", "\(year)"), ("q", text ?? "")]
        let multiplier =
            try await PolicyVersion.current(on: req.db)?.policy().trainingRules.workloadMultiplier
            ?? Policy.Training.seed.workloadMultiplier
        let data = Components.userText
        let rows = list.map { s -> [HTML] in
            [
                data(s.schoolName), data(s.teacher), "\(s.hours)", "\(String(format: "%g", s.payableHours))",
                "\(s.terms)",
                "\(s.certificates.joined(separator: lang.listSeparator))", "\(s.trainingYears)",
            ]
        }
        var form: HTML = ""
        if Access.may(.create, .workloads, actor) {
            let certificates = try await req.db.sql().raw(
                """
                SELECT DISTINCT c.code, c.name FROM plans p JOIN certificates c ON c.id = p.certificate_id
                JOIN schools s ON s.id = p.school_id WHERE s.code = \(bind: actor.unit ?? "") ORDER BY c.code
                """
            ).all().map {
                let code = try $0.decode(column: "code", as: String.self)
                return (code, "\(try $0.decode(column: "name", as: String.self))\(lang.bracketed(code))")
            }
            let this = LocalDate(req.now).year
            form = """
                <section class="panel"><h2>\(lang(.workloadRecord))</h2>
                \(Components.form(action: "/workload", csrf: CSRF.token(for: req), fields: [
                    .init(name: "teacher", label: lang(.trainingTeacherName), required: true),
                    .init(name: "idNumber", label: lang(.trainingTeacherID), hint: lang(.trainingTeacherIDHint)),
                    .init(name: "year", label: lang(.workloadYear), kind: .select((this - 5...this).reversed().map { ("\($0)", "\($0)") }), required: true),
                    .init(name: "half", label: lang(.workloadTerm), kind: .select(TermHalf.allCases.map { ($0.rawValue, lang($0)) }), required: true),
                    .init(name: "certificate", label: lang(.trainingCertificate), kind: .select(certificates), required: true),
                    .init(name: "hours", label: lang(.workloadHours), kind: .number, required: true),
                ], values: values.isEmpty ? ["year": "\(this)"] : values, errors: errors, submit: lang(.workloadRecord),
                cancel: nil, lang: lang, idPrefix: "w"))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.navWorkload))</h1>
            <p class="muted">\(lang(.workloadIntro))</p>
            <div class="toolbar">\(ListTools.exports(path: "/workload", query: query, lang: lang))</div>
            \(ListTools.search(
                action: "/workload", text: text, placeholder: lang(.workloadSearch), statuses: [], status: nil,
                extra: """
                    <label for="wl-year">\(lang(.workloadYear))</label>
                    <input type="number" id="wl-year" name="year" value="\(year)" min="2000" max="2100">
                    """, lang: lang))
            <p class="muted">\(lang(.workloadMultiplierNote(multiplier)))</p>
            \(Components.table(
                headers: [lang(.school), lang(.trainingTeacherName), lang(.workloadHours), lang(.workloadPayable),
                          lang(.workloadTerms), lang(.trainingCertificate), lang(.workloadYears)],
                rows: rows, numeric: [2, 3, 4, 6], empty: lang(.noRecords)))
            \(Components.pager(total: all.count, paging: paging, path: "/workload", query: query, lang: lang))
            \(form)
            """
        let response = try await Layout.page(
            req: req, title: lang(.navWorkload), crumbs: [.init(title: lang(.navWorkload))], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func record(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .workloads)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        let draft = WorkloadService.Draft(
            teacher: values["teacher"], idNumber: values["idNumber"],
            year: values["year"].flatMap { Int($0) },
            half: values["half"].flatMap(TermHalf.init(rawValue:)), certificate: values["certificate"],
            hours: values["hours"].map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 })
        do {
            try await WorkloadService.record(
                draft, actor: actor, now: req.now, hasher: req.application.onex.idHasher, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await page(req, values: values, errors: e.errors, status: e.status)
        }
        return req.redirect(local: "/workload?year=\(draft.year ?? LocalDate(req.now).year)")
    }

    /// The teachers' years the actor may see, narrowed by `?q=` to a teacher's or school's name.
    static func summaries(_ req: Request, actor: Actor, year: Int) async throws -> [WorkloadService.Summary] {
        let all = try await WorkloadService.summaries(year: year, actor: actor, on: req.db)
        guard let text = req.queryText("q")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return all
        }
        return all.filter { $0.teacher.contains(text) || $0.schoolName.contains(text) || $0.school == text }
    }

    static func export(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .workloads)
        let year = try SitesAPI.year(req)
        let header = [
            lang(.schoolCode), lang(.school), lang(.trainingTeacherName), lang(.workloadHours),
            lang(.workloadPayable),
            lang(.workloadTerms), lang(.trainingCertificate), lang(.workloadYears),
        ]
        let rows = try await summaries(req, actor: actor, year: year).map {
            [
                $0.school, $0.schoolName, $0.teacher, "\($0.hours)", String(format: "%g", $0.payableHours),
                "\($0.terms)",
                $0.certificates.joined(separator: lang.listSeparator), "\($0.trainingYears)",
            ]
        }
        return Download.file([header] + rows, name: "X证书培训课时-\(year)", format: format)
    }
}
