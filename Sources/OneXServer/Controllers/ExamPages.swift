import Fluent
import OneXDomain
import Vapor

/// Exam sessions and the candidate-result import in the browser (EXAM-1). The import runs in
/// the background when the browser asks for JSON, and the page polls its progress.
enum ExamPages {
    static func register(on web: any RoutesBuilder) {
        web.get("exams") { req in try await list(req, input: nil, errors: []) }
        web.post("exams") { req in try await record(req) }
        web.get("exams", "import") { req in try importForm(req) }
        web.form("exams", "import", maxSize: "64mb") { req in try await upload(req) }
        web.get("exams", "import", ":id") { req in try await progress(req) }
        // The bare progress for the page's script: its owner's session only, like the page.
        web.get("exams", "import", ":id", "progress.json") { req -> Response in
            guard let id = UUID(uuidString: try req.parameters.require("id")),
                let p = try await ImportJobs.progress(id, owner: try req.actor().username, on: req.db)
            else { throw AppError.notFound }
            return try JSONBody.response(p)
        }
    }

    static func canRecord(_ actor: Actor) -> Bool { actor.role == .organization || actor.role == .provinceAdmin }

    static func list(_ req: Request, input: FieldValues?, errors: [FieldError]) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor()
        let year = try req.queryYear()
        let sessions = try await ExamService.sessions(actor: actor, school: nil, year: year, limit: 200, on: req.db)
        let rows = sessions.map { s -> [HTML] in
            let source = s.source == "import" ? lang(.sourceImport) : lang(.sourceManual)
            return ["\(s.date)", "\(s.school) \(s.schoolName)", "\(s.certificate)", "\(lang.pick(s.level.chinese, s.level.rawValue))",
                    HTML(raw: String(s.year)), "\(s.site ?? "")", HTML(raw: String(s.registered)), HTML(raw: String(s.attended)),
                    HTML(raw: String(s.passed)), "\(source)"]
        }
        var form: HTML = ""
        if canRecord(actor) {
            let levels = Level.allCases.map { (value: $0.rawValue, label: lang.pick($0.chinese, $0.rawValue)) }
            let fields: [Components.FormField] = [
                .init(name: "school", label: lang(.school), required: true),
                .init(name: "certificate", label: lang(.fieldCertificate), required: true),
                .init(name: "level", label: lang(.level), kind: .select(levels), required: true),
                .init(name: "year", label: lang(.year), kind: .number, required: true),
                .init(name: "date", label: lang(.examDate), kind: .date, required: true),
                .init(name: "site", label: lang(.examSite)),
                .init(name: "registered", label: lang(.registeredPeople), kind: .number, required: true),
                .init(name: "attended", label: lang(.attendedPeople), kind: .number, required: true),
                .init(name: "passed", label: lang(.passedPeople), kind: .number, required: true),
            ]
            let values = input ?? ["year": String(LocalDate(req.now).year)]
            form = """
                <section class="panel"><h2>\(lang(.recordExam))</h2>
                \(Components.form(action: SitePath.exams.path, csrf: CSRF.token(for: req), fields: fields, values: values, errors: errors,
                                  submit: lang(.save), cancel: nil, lang: lang))
                <p><a class="btn secondary" href="\(SitePath.examImport.path)">\(lang(.importResults))</a></p>
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.navExams))</h1>
            \(form)
            <section class="panel"><h2>\(lang(.examSessions))</h2>
            \(Components.table(headers: [lang(.examDate), lang(.school), lang(.fieldCertificate), lang(.level), lang(.year), lang(.examSite),
                                         lang(.registeredPeople), lang(.attendedPeople), lang(.passedPeople), lang(.source)],
                               rows: rows, numeric: [4, 6, 7, 8], empty: lang(.noRecords)))
            </section>
            """
        let html = Layout.page(req: req, title: lang(.navExams), crumbs: [.init(title: lang(.navExams))], body: body)
        let response = try await html.encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    static func record(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .examSessions)
        let values = try req.content.decode([String: String].self)
        func int(_ key: String) -> Int? { values[key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        var errors: [FieldError] = []
        let lang = req.lang
        for key in ["year", "registered", "attended", "passed"] where int(key) == nil {
            errors.append(FieldError(code: "invalid", message: lang.pick("请输入整数", "Enter a whole number"), field: key))
        }
        let date = values["date"].flatMap { LocalDate($0) }
        if date == nil { errors.append(.required("date", label: lang(.examDate))) }
        let level = values["level"].flatMap { Level(text: $0) }
        if level == nil { errors.append(.required("level", label: lang(.level))) }
        for key in ["school", "certificate"] where (values[key] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(.required(key, label: key == "school" ? lang(.school) : lang(.fieldCertificate)))
        }
        guard errors.isEmpty, let date, let level, let year = int("year"), let registered = int("registered"),
            let attended = int("attended"), let passed = int("passed")
        else { return try await list(req, input: values, errors: errors) }
        let session = ExamSession(school: values["school"]!.trimmingCharacters(in: .whitespaces),
                                  certificate: values["certificate"]!.trimmingCharacters(in: .whitespaces), level: level, year: year,
                                  date: date, site: values["site"], registered: registered, attended: attended, passed: passed)
        do {
            _ = try await ExamService.record(session, actor: actor, now: req.now, on: req.db)
        } catch let e as AppError where !e.errors.isEmpty {
            return try await list(req, input: values, errors: e.errors)
        } catch let e as AppError where e.status == .notFound {
            return try await list(req, input: values, errors: [FieldError(code: "not_found", message: lang.pick("没有此证书或无权录入", "No such certificate, or not yours"), field: "certificate")])
        }
        return req.redirect(local: SitePath.exams.path)
    }

    static func importForm(_ req: Request) throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(may: .importFile, .candidateResults)
        _ = actor
        let body: HTML = """
            <h1>\(lang(.importResults))</h1>
            <p>\(lang(.importResultsIntro))</p>
            <form id="import-form" method="post" action="\(SitePath.examImport.path)" enctype="multipart/form-data" class="stack"
              data-uploading="\(lang(.uploading))" data-importing="\(lang(.importing))">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <label for="f-file">\(lang(.importFile))</label>
            <input type="file" id="f-file" name="file" accept=".csv,.xlsx,text/csv" required>
            <button type="submit" class="btn">\(lang(.upload))</button>
            </form>
            <progress id="import-progress" max="100" value="0" hidden></progress>
            <p id="import-status" role="status" aria-live="polite"></p>
            <script src="/static/import.js"></script>
            """
        return Layout.page(req: req, title: lang(.importResults),
                           crumbs: [.init(title: lang(.navExams), path: .exams), .init(title: lang(.importResults))], body: body)
    }

    static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .importFile, .candidateResults)
        struct Upload: Content { var file: File }
        let file = try req.content.decode(Upload.self).file
        let data = Data(buffer: file.data)
        let organization = actor.role == .organization ? actor.unit : nil
        let app = req.application
        let hasher = app.onex.idHasher
        let now = req.now
        let wantsJSON = req.headers.accept.contains { $0.mediaType == .json }
        let total = max(0, data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1)
        let id = try await ImportJobs.start(fileName: FileName.normalised(file.filename), total: total, owner: actor.username,
                                            now: now, on: req.db)
        let report = ImportJobs.reporter(id, on: app.db)
        let work: @Sendable () async -> Void = {
            let outcome: Result<CandidateImport.Summary, any Error>
            do {
                let rows = try ExamService.rows(of: data)
                outcome = .success(try await CandidateImport.run(rows, organization: organization, actor: actor.username, now: now,
                                                                 hasher: hasher, on: app.importDatabase, logger: app.logger,
                                                                 progress: report))
            } catch {
                outcome = .failure(error)
            }
            do {
                switch outcome {
                case .success(let summary):
                    try await ImportJobs.finish(id, summary: summary, now: app.onex.clock.now(), on: app.db)
                case .failure(let e as AppError):
                    try await ImportJobs.fail(id, errors: e.errors.isEmpty ? [e.detail] : [e.detail] + e.errors.map(\.message),
                                              now: app.onex.clock.now(), on: app.db)
                case .failure(let error):
                    app.logger.error("candidate import failed: \(String(reflecting: error))")
                    try await ImportJobs.fail(id, errors: ["导入失败，未导入任何数据"], now: app.onex.clock.now(), on: app.db)
                }
            } catch {
                app.logger.error("candidate import \(id): its result could not be recorded: \(String(reflecting: error))")
            }
        }
        if wantsJSON {
            Task { await work() }
            return try JSONBody.response(["progress": SitePath.examImportProgress(id).path + "/progress.json",
                                          "result": SitePath.examImportProgress(id).path], status: .accepted)
        }
        await work()
        return req.redirect(local: SitePath.examImportProgress(id).path)
    }

    static func progress(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor()
        guard let id = UUID(uuidString: try req.parameters.require("id")),
            let p = try await ImportJobs.progress(id, owner: actor.username, on: req.db)
        else { throw AppError.notFound }
        if req.headers.accept.contains(where: { $0.mediaType == .json }) { return try JSONBody.response(p) }
        var content: HTML
        switch p.state {
        case .running:
            content = "<p role=\"status\">\(lang(.importing)) \(String(p.processed)) / \(String(p.total))</p>"
        case .done:
            let s = p.summary
            content = """
                \(Components.alert(lang(.importDone), ok: true))
                \(Components.table(headers: [lang(.name), lang(.value)], rows: [
                    ["\(lang(.rowsRead))", HTML(raw: String(s?.rows ?? 0))], ["\(lang(.candidatesAdded))", HTML(raw: String(s?.candidates ?? 0))],
                    ["\(lang(.rowsUnchanged))", HTML(raw: String(s?.unchanged ?? 0))], ["\(lang(.sessionsTouched))", HTML(raw: String(s?.sessions ?? 0))],
                ], numeric: [1], empty: ""))
                """
        case .failed:
            let items = p.errors.dropFirst().map { message -> HTML in "<li>\(message)</li>" }
            content = """
                \(Components.alert(lang(.importFailed) + "：" + (p.errors.first ?? "")))
                <ul class="errors">\(HTML.join(items))</ul>
                """
        }
        let body: HTML = """
            <h1>\(lang(.importResults))</h1>
            \(content)
            <p><a class="btn secondary" href="\(SitePath.examImport.path)">\(lang(.importResults))</a>
            <a class="btn secondary" href="\(SitePath.exams.path)">\(lang(.examSessions))</a></p>
            """
        return try await Layout.page(req: req, title: lang(.importResults),
                                     crumbs: [.init(title: lang(.navExams), path: .exams), .init(title: lang(.importResults))],
                                     body: body).encodeResponse(for: req)
    }
}
