import Fluent
import OneXDomain
import Vapor

/// Exam sessions in the browser (EXAM-1): the list, and a session entered by hand.
enum ExamPages {
    static func register(on web: any RoutesBuilder) {
        web.get("exams") { req in try await list(req, input: nil, errors: []) }
        web.post("exams") { req in try await record(req) }
    }

    /// Previous and next without a total: the list is read newest first, a page at a time.
    static func pager(paging: Paging, hasMore: Bool, query: [(String, String)], lang: Lang) -> HTML {
        func link(_ offset: Int) -> String {
            let kept = query.filter { !$0.1.isEmpty }.map {
                "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            return SitePath.exams.path + "?" + (kept + ["offset=\(offset)"]).joined(separator: "&")
        }
        let prev: HTML =
            paging.offset > 0
            ? "<a href=\"\(link(max(0, paging.offset - paging.limit)))\" rel=\"prev\">\(lang(.previousPage))</a>"
            : ""
        let next: HTML =
            hasMore
            ? "<a href=\"\(link(paging.offset + paging.limit))\" rel=\"next\">\(lang(.nextPage))</a>" : ""
        return prev.raw.isEmpty && next.raw.isEmpty ? "" : "<div class=\"pager\">\(prev)\(next)</div>"
    }

    static func canRecord(_ actor: Actor) -> Bool {
        actor.role == .organization || actor.role == .provinceAdmin
    }

    static func list(_ req: Request, input: FieldValues?, errors: [FieldError]) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor()
        let year = try req.queryYear()
        let school = ((try? req.query.get(String.self, at: "school")) ?? "").trimmingCharacters(
            in: .whitespaces)
        let paging = try Paging(req, defaultLimit: 50)
        // Newest first; one more than the page tells whether a next page exists (a count over a
        // national exam season would cost more than the page).
        let fetched = try await ExamService.sessions(
            actor: actor, school: school.isEmpty ? nil : school, year: year,
            limit: paging.offset + paging.limit + 1, on: req.db)
        let sessions = Array(fetched.dropFirst(paging.offset).prefix(paging.limit))
        let hasMore = fetched.count > paging.offset + paging.limit
        let rows = sessions.map { s -> [HTML] in
            let source = s.source == "import" ? lang(.sourceImport) : lang(.sourceManual)
            return [
                "\(s.date)", "\(s.schoolName) <span class=\"muted\">\(s.school)</span>", "\(s.certificate)",
                "\(lang(s.level))",
                HTML(raw: String(s.year)), "\(s.siteNumber ?? s.site ?? "")", HTML(raw: String(s.registered)),
                HTML(raw: String(s.attended)),
                HTML(raw: String(s.passed)), "\(source)",
            ]
        }
        var form: HTML = ""
        if canRecord(actor) {
            let levels = Level.allCases.map { (value: $0.rawValue, label: lang($0)) }
            let fields: [Components.FormField] = [
                .init(name: "school", label: lang(.school), kind: .picker(try await CodePicker.options(SchoolStore.self, actor: actor, on: req.db)),
                      required: true, hint: lang(.pickerHint)),
                .init(name: "certificate", label: lang(.fieldCertificate),
                      kind: .picker(try await CodePicker.options(CertificateStore.self, actor: actor, on: req.db)), required: true,
                      hint: lang(.pickerHint)),
                .init(name: "level", label: lang(.level), kind: .select(levels), required: true),
                .init(name: "year", label: lang(.year), kind: .number, required: true),
                .init(name: "date", label: lang(.examDate), kind: .date, required: true),
                .init(
                    name: "siteNumber", label: lang(.examSiteApproved),
                    kind: .picker(try await siteOptions(actor, on: req.db)), hint: lang(.examSiteApprovedHint)),
                .init(name: "site", label: lang(.examSiteOther)),
                .init(name: "registered", label: lang(.registeredPeople), kind: .number, required: true),
                .init(name: "attended", label: lang(.attendedPeople), kind: .number, required: true),
                .init(name: "passed", label: lang(.passedPeople), kind: .number, required: true),
            ] + (actor.role == .provinceAdmin ? [.init(name: "confirmOverPlan", label: lang(.confirmOverPlan), kind: .checkbox,
                                                        hint: lang(.confirmOverPlanHint))] : [])
            let values = input ?? ["year": String(LocalDate(req.now).year)]
            form = """
                <section class="panel"><h2>\(lang(.recordExam))</h2>
                \(Components.form(action: SitePath.exams.path, csrf: CSRF.token(for: req), fields: fields, values: values, errors: errors,
                                  submit: lang(.save), cancel: nil, lang: lang))
                <p><a class="btn secondary" href="\(SitePath.examImport.path)">\(lang(.importResults))</a>
                <a class="btn secondary" href="\(SitePath.examImports.path)">\(lang(.importHistory))</a></p>
                </section>
                """
        }
        let schoolBox: HTML = actor.role == .school ? ""
            : CodePicker.input("school", value: school, options: try await CodePicker.options(SchoolStore.self, actor: actor, on: req.db),
                               placeholder: lang(.schoolPicker))
        let body: HTML = """
            <h1>\(lang(.navExams))</h1>
            \(form)
            <section class="panel"><h2>\(lang(.examSessions))</h2>
            <form method="get" action="\(SitePath.exams.path)" class="toolbar">
            \(schoolBox)
            <input type="number" name="year" value="\(year.map(String.init) ?? "")" placeholder="\(lang(.year))" aria-label="\(lang(.year))">
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            \(school.isEmpty && year == nil ? "" : HTML(raw: "<a href=\"\(SitePath.exams.path)\">\(HTML.escape(lang(.clearFilter)))</a>"))
            </form>
            \(Components.table(headers: [lang(.examDate), lang(.school), lang(.fieldCertificate), lang(.level), lang(.year), lang(.examSite),
                                         lang(.registeredPeople), lang(.attendedPeople), lang(.passedPeople), lang(.source)],
                               rows: rows, numeric: [4, 6, 7, 8], empty: lang(.noRecords)))
            \(pager(paging: paging, hasMore: hasMore, query: [("school", school), ("year", year.map(String.init) ?? "")], lang: lang))
            </section>
            """
        let html = Layout.page(
            req: req, title: lang(.navExams), crumbs: [.init(title: lang(.navExams))], body: body)
        let response = try await html.encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// The approved sites the actor may name: number, with certificate, school and place.
    static func siteOptions(_ actor: Actor, on db: any Database) async throws -> [CodePicker.Option] {
        try await ExamSiteService.list(
            scope: Access.scope(of: .sites, for: actor), filter: .init(status: .approved), limit: 5000, on: db
        ).map { ($0.number, "\($0.certificateName) · \($0.schoolName) · \($0.place)") }
    }

    static func record(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .examSessions)
        let values = try req.content.decode([String: String].self)
        func int(_ key: String) -> Int? {
            values[key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        var errors: [FieldError] = []
        let lang = req.lang
        for key in ["year", "registered", "attended", "passed"] where int(key) == nil {
            errors.append(
                FieldError(code: "invalid", message: lang(.enterWholeNumber), field: key))
        }
        let date = values["date"].flatMap { LocalDate($0) }
        if date == nil { errors.append(.required("date", label: lang(.examDate))) }
        let level = values["level"].flatMap { Level(text: $0) }
        if level == nil { errors.append(.required("level", label: lang(.level))) }
        for key in ["school", "certificate"]
        where (values[key] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(.required(key, label: key == "school" ? lang(.school) : lang(.fieldCertificate)))
        }
        guard errors.isEmpty, let date, let level, let year = int("year"), let registered = int("registered"),
            let attended = int("attended"), let passed = int("passed")
        else { return try await list(req, input: values, errors: errors) }
        var session = ExamSession(
            school: values["school"]!.trimmingCharacters(in: .whitespaces),
            certificate: values["certificate"]!.trimmingCharacters(in: .whitespaces), level: level,
            year: year,
            date: date, site: values["site"], registered: registered, attended: attended, passed: passed)
        session.siteNumber = values["siteNumber"]
        session.confirmOverPlan = values["confirmOverPlan"] == "true"
        do {
            _ = try await ExamService.record(session, actor: actor, now: req.now, on: req.db)
        } catch let e as AppError where !e.errors.isEmpty {
            return try await list(req, input: values, errors: e.errors)
        } catch let e as AppError where e.status == .notFound {
            return try await list(
                req, input: values,
                errors: [
                    FieldError(
                        code: "not_found",
                        message: lang(.certificateNotYours),
                        field: "certificate")
                ])
        }
        return req.redirect(local: SitePath.exams.path)
    }
}
