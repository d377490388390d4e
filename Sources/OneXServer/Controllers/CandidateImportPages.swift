import Fluent
import OneXDomain
import Vapor

/// The candidate-result import in the browser (EXAM-1): the form, the upload (in the
/// background when the page's script asks for JSON, which then polls the progress), the result
/// page with the summary or every problem by line (and as CSV), and the list of past imports.
enum CandidateImportPages {
    static func register(on web: any RoutesBuilder) {
        web.get("exams", "import") { req in try importForm(req) }
        web.form("exams", "import", maxSize: "64mb") { req in try await upload(req) }
        web.get("exams", "imports") { req in try await history(req) }
        web.get("exams", "import", ":id") { req in try await result(req) }
        web.get("exams", "import", ":id", "progress.json") { req -> Response in
            try JSONBody.response(try await job(req))
        }
        web.get("exams", "import", ":id", "problems.csv") { req -> Response in
            let p = try await job(req)
            let lang = req.lang
            let rows = p.problems.map {
                [
                    $0.line.map(String.init) ?? "", $0.field.map { fieldLabel($0, lang) } ?? "",
                    Components.problemText($0, lang: lang),
                ]
            }
            return Download.file(
                [[lang(.line), lang(.field), lang(.reason)]] + rows, name: "import-problems", format: .csv)
        }
    }

    /// The import named in the path, if the actor may see it.
    static func job(_ req: Request) async throws -> ImportJobs.Progress {
        guard let id = UUID(uuidString: try req.parameters.require("id")),
            let p = try await ImportJobs.progress(id, actor: try req.actor(), on: req.db)
        else { throw AppError.notFound }
        return p
    }

    /// A column of the results file by its label (the file's own header names).
    static func fieldLabel(_ key: String, _ lang: Lang) -> String {
        if key == "plan" { return lang(.examPlan) }
        guard let label = CandidateResult.columns.first(where: { $0.key == key })?.label else { return key }
        return lang.pick(label, lang(.candidateColumn(key)))
    }

    static func importForm(_ req: Request) throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(may: .importFile, .candidateResults)
        let confirm: HTML =
            actor.role == .provinceAdmin
            ? """
            <label for="f-confirmOverPlan"><input type="checkbox" id="f-confirmOverPlan" name="confirmOverPlan" value="true"> \
            \(lang(.confirmOverPlan))</label>
            <div class="hint">\(lang(.confirmOverPlanImportHint))</div>
            """ : ""
        let body: HTML = """
            <h1>\(lang(.importResults))</h1>
            <p>\(lang(.importResultsIntro))</p>
            <form id="import-form" method="post" action="\(SitePath.examImport.path)" enctype="multipart/form-data" class="stack"
              data-uploading="\(lang(.uploading))" data-importing="\(lang(.importing))">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <label for="f-file">\(lang(.importFile))</label>
            <input type="file" id="f-file" name="file" accept=".csv,.xlsx,text/csv" required>
            \(confirm)
            <button type="submit" class="btn">\(lang(.upload))</button>
            </form>
            <progress id="import-progress" max="100" value="0" hidden></progress>
            <p id="import-status" role="status" aria-live="polite"></p>
            <script src="/static/import.js"></script>
            <p><a href="\(SitePath.examImports.path)">\(lang(.importHistory))</a></p>
            """
        return Layout.page(
            req: req, title: lang(.importResults),
            crumbs: [.init(title: lang(.navExams), path: .exams), .init(title: lang(.importResults))],
            body: body)
    }

    static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .importFile, .candidateResults)
        struct Upload: Content {
            var file: File
            var confirmOverPlan: String?
        }
        let upload = try req.content.decode(Upload.self)
        let file = upload.file
        let confirm = actor.role == .provinceAdmin && upload.confirmOverPlan == "true"
        let data = Data(buffer: file.data)
        let organization = actor.role == .organization ? actor.unit : nil
        let app = req.application
        let hasher = app.onex.idHasher
        let now = req.now
        let wantsJSON = req.headers.accept.contains { $0.mediaType == .json }
        let total = max(0, data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1)
        let id = try await ImportJobs.start(
            fileName: FileName.normalised(file.filename), total: total, owner: actor,
            now: now, on: req.db)
        let report = ImportJobs.reporter(id, on: app.db)
        let work: @Sendable () async -> Void = {
            let outcome: Result<CandidateImport.Summary, any Error>
            do {
                let rows = try ExamService.rows(of: data)
                outcome = .success(
                    try await CandidateImport.run(
                        rows, organization: organization, actor: actor.username, confirmOverPlan: confirm,
                        now: now,
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
                    try await ImportJobs.fail(
                        id, detail: e.detail, problems: e.errors, now: app.onex.clock.now(), on: app.db)
                case .failure(let error):
                    app.logger.error("candidate import failed: \(String(reflecting: error))")
                    try await ImportJobs.fail(
                        id, detail: "导入失败，未导入任何数据", now: app.onex.clock.now(), on: app.db)
                }
            } catch {
                app.logger.error(
                    "candidate import \(id): its result could not be recorded: \(String(reflecting: error))")
            }
        }
        if wantsJSON {
            Task { await work() }
            return try JSONBody.response(
                [
                    "progress": SitePath.examImportProgress(id).path + "/progress.json",
                    "result": SitePath.examImportProgress(id).path,
                ], status: .accepted)
        }
        await work()
        return req.redirect(local: SitePath.examImportProgress(id).path)
    }

    /// Problems shown on the page; the CSV has them all.
    static let problemsShown = 200

    static func result(_ req: Request) async throws -> Response {
        let lang = req.lang
        let p = try await job(req)
        var content: HTML
        switch p.state {
        case .running:
            content = """
                <p role="status">\(lang(.importing)) \(String(p.processed)) / \(String(p.total))</p>
                <p><a class="btn secondary" href="\(req.url.path)">\(lang(.refresh))</a></p>
                """
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
            let shown = Array(p.problems.prefix(problemsShown))
            let more: HTML =
                p.problems.count > shown.count
                ? "<p class=\"muted\">\(lang(.problemsFirst)) \(String(shown.count)) / \(String(p.problems.count))</p>"
                : ""
            let download: HTML =
                p.problems.isEmpty
                ? ""
                : "<p><a class=\"btn secondary\" href=\"\(req.url.path)/problems.csv\">\(lang(.downloadProblems))</a></p>"
            content = """
                \(Components.alert(html: "\(lang(.importFailed) + lang.colon)\(Components.inChinese(p.errors.first ?? "", on: lang))"))
                \(Components.errorList(shown, lang: lang) { fieldLabel($0, lang) })
                \(more)\(download)
                """
        }
        let body: HTML = """
            <h1>\(lang(.importResults))</h1>
            \(Components.facts([(lang(.importFile), p.fileName)]))
            \(content)
            <p><a class="btn secondary" href="\(SitePath.examImport.path)">\(lang(.importResults))</a>
            <a class="btn secondary" href="\(SitePath.examImports.path)">\(lang(.importHistory))</a>
            <a class="btn secondary" href="\(SitePath.exams.path)">\(lang(.examSessions))</a></p>
            """
        return try await Layout.page(
            req: req, title: lang(.importResults),
            crumbs: [.init(title: lang(.navExams), path: .exams), .init(title: lang(.importResults))],
            body: body
        ).encodeResponse(for: req)
    }

    /// Past imports the actor may see: who, when, which file, how it ended.
    static func history(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor()
        let paging = try Paging(req, defaultLimit: 30)
        let (jobs, total) = try await ImportJobs.list(actor: actor, paging: paging, on: req.db)
        let accounts = try await AccountNames.labels(Set(jobs.map(\.owner)), lang: lang, on: req.db)
        let rows = try jobs.map { j -> [HTML] in
            let p = try ImportJobs.progress(of: j)
            let outcome: HTML =
                switch p.state {
                case .running: "\(lang(.importing)) \(p.processed) / \(p.total)"
                case .done:
                    "\(lang(.importDone))\(lang.colon)\(lang(.candidatesAdded)) \(p.summary?.candidates ?? 0)\(lang.comma)\(lang(.rowsUnchanged)) \(p.summary?.unchanged ?? 0)"
                case .failed:
                    "\(lang(.importFailed))\(lang.colon)\(Components.inChinese(p.errors.first ?? "", on: lang))"
                }
            return [
                "\(Shanghai.minuteText(j.startedAt))", "\(accounts[j.owner] ?? j.owner)",
                "<a href=\"\(SitePath.examImportProgress(try j.requireID()).path)\">\(j.fileName)</a>",
                HTML(raw: String(j.total)), "\(outcome)",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.importHistory))</h1>
            \(Components.table(headers: [lang(.auditTime), lang(.importedBy), lang(.importFile), lang(.rowsRead), lang(.result)], rows: rows,
                               numeric: [3], empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.examImports.path, query: [], lang: lang))
            """
        return Layout.page(
            req: req, title: lang(.importHistory),
            crumbs: [.init(title: lang(.navExams), path: .exams), .init(title: lang(.importHistory))],
            body: body)
    }
}
