import OneXDomain
import Vapor

/// Biweekly reports in the browser (AH41-9): a school files the current period's report (or a
/// missed one, kept as late) and reads what it filed; a city bureau and the province read every
/// pilot school's compliance this year, the notice list first, with an Excel export.
enum ReportPages {
    static func register(on web: any RoutesBuilder) {
        web.get("reports") { req in try await page(req, values: [:], errors: [], notice: nil, status: .ok) }
        web.post("reports") { req in try await file(req) }
        web.get("reports", "compliance.xlsx") { req in try await export(req) }
        web.form("reports", "import", maxSize: "64mb") { req in try await importPlatform(req) }
        web.post("reports", "eligibility", ":school", ":action") { req in try await eligibility(req) }
        web.get("reports", "notice-list") { req in try await noticeList(req) }
    }

    static func page(
        _ req: Request, values: FieldValues, errors: [FieldError], notice: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .reports)
        let today = LocalDate(req.now)
        let reporting = try await BiweeklyReportService.rules(on: req.db)
        let schedule = reporting.schedule
        let days = schedule.dueDays.map { lang(.dayOfMonth($0)) }.joined(
            separator: lang.listSeparator)
        let reports = try await BiweeklyReportService.list(
            actor: actor, school: req.queryText("school"), on: req.db)
        var sections: [HTML] = []
        if Access.may(.create, .reports, actor) {
            // The open period and this year's past ones not yet filed (a late report is kept).
            let filed = Set(reports.map(\.dueDate))
            let open = schedule.dueDate(forFilingOn: today)
            let past = schedule.dueDates(from: LocalDate(year: today.year, month: 1, day: 1), through: today)
                .filter { $0 < open && !filed.contains($0.description) }.reversed()
            var periods: [(String, String)] = []
            if !filed.contains(open.description) {
                periods.append((open.description, lang(open) + lang(.reportPeriodOpen)))
            }
            periods += past.map { ($0.description, lang($0) + lang(.reportPeriodMissed)) }
            let fields: [Components.FormField] = [
                .init(name: "dueDate", label: lang(.reportDueDate), kind: .select(periods), required: true),
                .init(name: "progress", label: lang(.reportProgress), kind: .textarea, required: true),
                .init(name: "experience", label: lang(.reportExperience), kind: .textarea),
                .init(name: "cases", label: lang(.reportCases), kind: .textarea),
                .init(name: "problems", label: lang(.reportProblems), kind: .textarea),
                .init(name: "suggestions", label: lang(.reportSuggestions), kind: .textarea),
            ]
            if !periods.isEmpty {
                sections.append(
                    """
                    <section class="panel"><h2>\(lang(.reportFile))</h2>
                    \(Components.form(action: SitePath.reports.path, csrf: CSRF.token(for: req), fields: fields,
                                      values: values.isEmpty ? ["dueDate": periods[0].0] : values,
                                      errors: errors, submit: lang(.reportFile), cancel: nil, lang: lang))
                    </section>
                    """)
            }
        } else {
            sections.append(try await complianceSection(req, actor: actor, today: today))
        }
        if actor.role == .school || req.queryText("school") != nil {
            sections.append(calendar(reports, schedule: schedule, today: today, lang: lang))
        }
        let rows = reports.prefix(200).map { r -> [HTML] in
            [
                "\(lang.day(r.dueDate))", "\(r.schoolName)", "\(lang.day(r.filedOn))",
                r.late ? "<span class=\"badge warn\">\(lang(.reportLate))</span>" : "\(lang(.reportOnTime))",
                "\(r.progress ?? "")",
            ]
        }
        sections.append(
            """
            <section class="panel"><h2>\(lang(actor.role == .school ? .reportsMine : .reportsLatest))</h2>
            \(Components.table(headers: [lang(.reportDueDate), lang(.school), lang(.reportFiledOn), lang(.reportTiming), lang(.reportProgress)],
                               rows: rows, empty: lang(.noRecords)))
            </section>
            """)
        let problems: HTML =
            errors.isEmpty || Access.may(.create, .reports, actor)
            ? ""
            : Components.errorList(errors, lang: lang) { field in
                PlatformReportImport.columns.first { $0.field == field }.map { lang($0.label) } ?? field
            }
        let body: HTML = """
            <h1>\(lang(.navReports))</h1>
            \(problems)
            <p class="muted">\(lang(.reportsIntro(days, reporting.maxConsecutiveMisses)))</p>
            \(notice.map { Components.alert($0, ok: true) } ?? "")
            \(HTML.join(sections))
            """
        let response = try await Layout.page(
            req: req, title: lang(.navReports), crumbs: [.init(title: lang(.navReports))], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    /// A school's year at a glance: each due date this year, filed on time, late, missed or
    /// still to come.
    static func calendar(
        _ reports: [BiweeklyReportService.Body], schedule: BiweeklySchedule, today: LocalDate, lang: Lang
    ) -> HTML {
        let filed = Dictionary(reports.map { ($0.dueDate, $0) }, uniquingKeysWith: { a, _ in a })
        let year = LocalDate(year: today.year, month: 12, day: 31)
        let months = Dictionary(
            grouping: schedule.dueDates(from: LocalDate(year: today.year, month: 1, day: 1), through: year),
            by: \.month)
        let rows = (1...12).map { month -> [HTML] in
            ["\(lang(.monthName(month)))"]
                + (months[month] ?? []).map { day -> HTML in
                    let (state, css): (UIText, String) =
                        if let r = filed[day.description] {
                            r.late ? (.reportLate, "warn") : (.reportOnTime, "ok")
                        } else if day < today {
                            (.calendarMissed, "bad")
                        } else {
                            (.calendarUpcoming, "muted")
                        }
                    return "\(lang(day)) <span class=\"badge \(css)\">\(lang(state))</span>"
                }
        }
        return """
            <section class="panel"><h2>\(lang(.calendarTitle(today.year)))</h2>
            \(Components.table(headers: [lang(.calendarMonth)] + schedule.dueDays.map { lang(.dayOfMonth($0)) }, rows: rows, empty: ""))
            </section>
            """
    }

    static func complianceSection(_ req: Request, actor: Actor, today: LocalDate) async throws -> HTML {
        let lang = req.lang
        let flaggedOnly = req.queryText("flagged") == "1"
        let items = try await BiweeklyReportService.compliance(actor: actor, today: today, on: req.db)
            .filter { !flaggedOnly || $0.flagged }
            .sorted { ($0.consecutiveMisses, $1.school) > ($1.consecutiveMisses, $0.school) }
        let revoked = try await EligibilityService.inForce(on: req.db)
        let office = actor.role == .provinceAdmin
        let csrf = CSRF.token(for: req)
        func action(_ school: String, _ name: String, _ label: UIText, required: Bool) -> HTML {
            """
            <form method="post" action="\(SitePath.reports.path)/eligibility/\(school)/\(name)" class="inline">\
            <input type="hidden" name="_csrf" value="\(csrf)">\
            <input type="text" name="reason" aria-label="\(lang(.eligibilityReason))" placeholder="\(lang(.eligibilityReason))"\(required ? HTML(raw: " required") : "")>\
            <button type="submit" class="btn secondary">\(lang(label))</button></form>
            """
        }
        let rows = items.map { c -> [HTML] in
            var state: HTML = c.flagged ? "<span class=\"badge warn\">\(lang(.complianceFlagged))</span>" : ""
            if let year = revoked[c.school] {
                state = "\(lang(.eligibilityRevoked(year)))"
                if office { state = "\(state) \(action(c.school, "lift", .eligibilityLift, required: true))" }
            } else if c.flagged && office {
                state = "\(state) \(action(c.school, "revocation", .eligibilityRevoke, required: false))"
            }
            return [
                "<a href=\"\(SitePath.reports.path)?school=\(c.school)\">\(c.schoolName)</a>",
                "\(c.regionName)",
                HTML(raw: String(c.due)), HTML(raw: String(c.submitted)), HTML(raw: String(c.late)),
                "\(c.missed.map { lang.day($0) }.joined(separator: lang.listSeparator))",
                HTML(raw: String(c.consecutiveMisses)), state, "\(IndicatorSet.percent(c.rate))",
            ]
        }
        let totals = BiweeklyReportService.totals(items).map { t -> [HTML] in
            [
                t.region == nil ? "<strong>\(lang(.complianceAll))</strong>" : "\(t.regionName ?? "")",
                HTML(raw: String(t.schools)), HTML(raw: String(t.due)), HTML(raw: String(t.onTime)),
                HTML(raw: String(t.late)), HTML(raw: String(t.missed)), HTML(raw: String(t.flagged)),
                "\(IndicatorSet.percent(t.rate))",
            ]
        }
        let byRegion: HTML =
            actor.role.seesWholeProvince
            ? """
            <h3>\(lang(.complianceByRegion))</h3>
            \(Components.table(headers: [lang(.region), lang(.complianceSchools), lang(.complianceDue), lang(.reportOnTime), lang(.reportLate),
                                         lang(.complianceMissedCount), lang(.complianceFlagged), lang(.complianceRate)],
                               rows: totals, numeric: [1, 2, 3, 4, 5, 6, 7], empty: lang(.noRecords)))
            <h3>\(lang(.complianceBySchool))</h3>
            """ : ""
        return """
            <section class="panel"><h2>\(lang(.complianceTitle))</h2>
            <form method="get" action="\(SitePath.reports.path)" class="toolbar">
            <label><input type="checkbox" name="flagged" value="1"\(flaggedOnly ? HTML(raw: " checked") : "")> \(lang(.complianceFlaggedOnly))</label>
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            <a class="btn secondary" href="\(SitePath.reports.path)/compliance.xlsx">\(lang(.exportXLSX))</a>
            \(actor.role.seesWholeProvince ? "<a class=\"btn secondary\" href=\"\(SitePath.reports.path)/notice-list\">\(lang(.complianceNoticeList))</a>" as HTML : "")</form>
            \(Access.may(.importFile, .reports, actor) ? importForm(req) : "")
            \(byRegion)
            \(Components.table(headers: [lang(.school), lang(.region), lang(.complianceDue), lang(.complianceSubmitted), lang(.reportLate),
                                         lang(.complianceMissed), lang(.complianceStreak), lang(.complianceFlagged), lang(.complianceRate)],
                               rows: rows, numeric: [2, 3, 4, 6, 8], empty: lang(.noRecords)))
            </section>
            """
    }

    static func file(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(may: .create, .reports)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        do {
            _ = try await BiweeklyReportService.file(
                .init(
                    dueDate: values["dueDate"], progress: values["progress"],
                    experience: values["experience"],
                    cases: values["cases"], problems: values["problems"], suggestions: values["suggestions"],
                    text: nil),
                actor: actor, now: req.now, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(req, values: values, errors: errors, notice: nil, status: e.status)
        }
        return try await page(req, values: [:], errors: [], notice: lang(.reportFiled), status: .ok)
    }

    static func export(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .reports)
        let items = try await BiweeklyReportService.compliance(
            actor: actor, today: LocalDate(req.now), on: req.db)
        let header = [
            lang(.schoolCode), lang(.school), lang(.region), lang(.complianceDue), lang(.complianceSubmitted),
            lang(.reportOnTime), lang(.reportLate), lang(.complianceMissed), lang(.complianceStreak),
            lang(.complianceFlagged), lang(.complianceRate),
        ]
        let rows = items.map { c in
            [
                c.school, c.schoolName, c.regionName, String(c.due), String(c.submitted), String(c.onTime),
                String(c.late),
                c.missed.joined(separator: " "), String(c.consecutiveMisses),
                c.flagged ? lang(.yes) : lang(.no),
                IndicatorSet.percent(c.rate),
            ]
        }
        return Download.file(
            [header] + rows, name: "biweekly-compliance-\(LocalDate(req.now))", format: .xlsx)
    }

    /// The province office's upload of the national platform's records.
    static func importForm(_ req: Request) -> HTML {
        let lang = req.lang
        return """
            <form method="post" action="\(SitePath.reports.path)/import" enctype="multipart/form-data" class="toolbar">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <label for="platform-file">\(lang(.reportImport))</label>
            <input type="file" id="platform-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            <button type="submit" class="btn secondary">\(lang(.importButton))</button>
            <span class="muted">\(lang(.reportImportHint))</span>
            </form>
            """
    }

    static func importPlatform(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(may: .importFile, .reports)
        struct Upload: Content { var file: File? }
        let upload = try req.content.decode(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await page(
                req, values: [:], errors: [FieldError(code: "required", .noFile)], notice: nil,
                status: .unprocessableEntity)
        }
        do {
            let table = try CatalogService.readUpload(Data(buffer: file.data))
            let result = try await BiweeklyReportService.importPlatform(
                table, actor: actor, now: req.now, on: req.db)
            return try await page(
                req, values: [:], errors: [], notice: lang(.reportImported(result.added, result.duplicates)),
                status: .ok)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await page(
                req, values: [:], errors: e.errors, notice: nil, status: .unprocessableEntity)
        }
    }

    static func eligibility(_ req: Request) async throws -> Response {
        let actor = try req.actor(in: .provinceAdmin)
        struct Form: Content { var reason: String? }
        let reason = (try? req.content.decode(Form.self))?.reason
        let school = try req.parameters.require("school")
        do {
            switch try req.parameters.require("action") {
            case "revocation":
                _ = try await EligibilityService.revoke(
                    school: school, reason: reason, actor: actor, now: req.now, on: req.db)
            case "lift":
                _ = try await EligibilityService.lift(
                    school: school, reason: reason, actor: actor, now: req.now, on: req.db)
            default:
                throw AppError.notFound
            }
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(req, values: [:], errors: errors, notice: nil, status: e.status)
        }
        return req.redirect(local: SitePath.reports.path)
    }

    /// The notice list (AH41-9) as the province prints it: every flagged pilot school, its city
    /// and the periods it missed in a row, on A4 or as Excel.
    static func noticeList(_ req: Request) async throws -> Response {
        let actor = try req.actor(reading: .reports)
        guard actor.role.seesWholeProvince else { throw AppError.forbidden }
        let today = LocalDate(req.now)
        let items = try await BiweeklyReportService.compliance(actor: actor, today: today, on: req.db)
            .filter(\.flagged)
            .sorted { ($0.region, $0.school) < ($1.region, $1.school) }
        let issuer = try await MonitoringService.issuingUnit(on: req.db)
        let rows = items.enumerated().map { i, c -> [String] in
            let run = c.missed.suffix(c.consecutiveMisses).compactMap(LocalDate.init).map(\.chinese)
            return [
                String(i + 1), c.regionName, c.schoolName, String(c.consecutiveMisses),
                run.joined(separator: "、"),
            ]
        }
        let form = PrintForm(
            title: "\(today.year)年1+X证书制度试点院校双周报连续未报送名单",
            header: [("发布单位", issuer), ("统计日期", today.chinese), ("列入名单院校", "\(items.count)所")],
            tables: [(["序号", "所在市", "院校名称", "连续未报送期数", "未报送各期截止日"], rows)],
            signatures: ["（盖章）", "日期："])
        return try await PrintSheet.response(
            form, attachment: "", file: "双周报通报名单-\(today)", back: SitePath.reports.path, req: req)
    }
}
