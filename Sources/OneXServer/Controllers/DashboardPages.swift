import Fluent
import OneXDomain
import OneXTabular
import Vapor

/// Monitoring dashboards (HN-9, AH22-8): the province sees its indicators, completion by city
/// and by school kind, the schools furthest behind their expected pace and the trend over the
/// snapshots; a city sees its schools; a school its plans and progress. Every figure links to
/// the plans behind it, every chart has its table, and the whole page exports to Excel.
enum DashboardPages {
    static func register(on web: any RoutesBuilder) {
        web.get("dashboard") { req in try await page(req) }
        web.get("dashboard", "export.xlsx") { req in try await export(req) }
        web.post("dashboard", "pilot-students") { req in try await declare(req) }
    }

    struct Group {
        var title: UIText
        var grouping: IndicatorService.Grouping
        var rows: [IndicatorService.Row]
    }

    struct Board {
        var scope: IndicatorService.Scope
        var year: Int
        var asOf: LocalDate
        var totals: IndicatorSet
        var groups: [Group]
        var behind: [MonitoringService.SchoolPace]
        var trend: [(day: String, completed: Int, planned: Int)]
        var threshold: Double
    }

    static func load(_ req: Request) async throws -> Board {
        let actor = try req.actor()
        if actor.role == .expert { throw AppError.forbidden }
        let today = LocalDate(req.now)
        let year = (try req.queryYear()) ?? today.year
        let asOf = (try? req.query.get(String.self, at: "asOf")).flatMap { LocalDate($0) } ?? today
        let scope = try await IndicatorService.authorise(
            IndicatorService.Scope(query: req.query), actor: actor, on: req.db)
        let policy = try await PolicyVersion.current(on: req.db)?.policy()
        let threshold = policy?.monitoring.warnBelowExpectedPace ?? 0.8
        var plan: [(UIText, IndicatorService.Grouping)] = []
        // The province and a city see their schools furthest behind their expected pace.
        var ranksSchools = false
        var trend: [(day: String, completed: Int, planned: Int)] = []
        switch scope {
        case .province:
            plan = [(.byRegion, .region), (.bySchoolKind, .schoolKind)]
            ranksSchools = true
            trend = try await MonitoringService.trend(year: year, region: nil, on: req.db)
        case .region(let code):
            plan = [(.bySchool, .school)]
            ranksSchools = true
            trend = try await MonitoringService.trend(year: year, region: code, on: req.db)
        case .school, .certificate:
            plan = [(.byCertificate, .certificate)]
        case .organization:
            plan = [(.byCertificate, .certificate), (.byRegion, .region)]
        }
        let asked = [.none] + plan.map(\.1) + (ranksSchools ? [.school] : [])
        let found = try await IndicatorService.rows(scope, year: year, asOf: asOf, by: asked, on: req.db)
        let totals = found[0].first?.totals ?? IndicatorTotals()
        let groups = zip(plan, found.dropFirst()).map { Group(title: $0.0, grouping: $0.1, rows: $1) }
        let behind =
            ranksSchools
            ? try await MonitoringService.behind(
                found[found.count - 1], year: year, today: asOf, threshold: threshold, limit: 15, on: req.db)
            : []
        return Board(
            scope: scope, year: year, asOf: asOf, totals: IndicatorSet(totals), groups: groups,
            behind: behind,
            trend: trend, threshold: threshold)
    }

    /// The query string that selects `scope` and `year` on the dashboard or the plans page.
    static func query(_ scope: IndicatorService.Scope, year: Int) -> String {
        let y = "year=\(year)"
        func enc(_ s: String) -> String {
            s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
        }
        switch scope {
        case .province: return y
        case .school(let c): return "school=\(enc(c))&\(y)"
        case .region(let c): return "region=\(enc(c))&\(y)"
        case .certificate(let c): return "certificate=\(enc(c))&\(y)"
        case .organization(let c): return "organization=\(enc(c))&\(y)"
        }
    }

    static func groupLabel(_ row: IndicatorService.Row, _ grouping: IndicatorService.Grouping, lang: Lang)
        -> String
    {
        if grouping == .schoolKind, let kind = SchoolKind(rawValue: row.key) {
            return lang(kind)
        }
        return row.label
    }

    /// The scope one group row stands for, within the page's scope.
    static func rowScope(_ row: IndicatorService.Row, _ grouping: IndicatorService.Grouping)
        -> IndicatorService.Scope?
    {
        switch grouping {
        case .region: .region(row.key)
        case .school: .school(row.key)
        case .certificate: .certificate(row.key)
        case .schoolKind, .none: nil
        }
    }

    static func plansLink(_ board: Board, row: IndicatorService.Row?, grouping: IndicatorService.Grouping?)
        -> String
    {
        var q = query(board.scope, year: board.year)
        if let row, let grouping {
            switch grouping {
            case .region: q += "&region=\(row.key)"
            case .school: q += "&school=\(row.key)"
            case .certificate: q += "&certificate=\(row.key)"
            case .schoolKind: q += "&kind=\(row.key)"
            case .none: break
            }
        }
        return SitePath.plans.path + "?" + q
    }

    static func page(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let board = try await load(req)
        let t = board.totals
        let plansHref = plansLink(board, row: nil, grouping: nil)
        let cards: [(UIText, String)] = [
            (.plansCount, String(t.plans)), (.plannedPeople, String(t.planned)),
            (.completedPeople, String(t.completed)),
            (.indicatorCompletion, IndicatorSet.percent(t.completionRate)),
            (.indicatorAdjustment, IndicatorSet.percent(t.adjustmentRate)),
            (.indicatorExit, IndicatorSet.percent(t.exitRate)),
            (.indicatorParticipation, IndicatorSet.percent(t.participationRate)),
            (.indicatorPass, IndicatorSet.percent(t.passRate)),
            (.indicatorCoverage, IndicatorSet.percent(t.studentCoverage)),
        ]
        let cardHTML = cards.map { c -> HTML in
            "<a class=\"card\" href=\"\(plansHref)\"><span class=\"k\">\(lang(c.0))</span><span class=\"v\">\(c.1)</span></a>"
        }
        var sections: [HTML] = []
        for group in board.groups { sections.append(groupSection(group, board: board, lang: lang)) }
        if case .school = board.scope { sections.append(try await schoolPlans(req, board: board)) }
        if !board.behind.isEmpty || board.scope == .province || isRegion(board.scope) {
            sections.append(behindSection(board, lang: lang))
        }
        if board.scope == .province || isRegion(board.scope) {
            sections.append(trendSection(board, lang: lang))
        }
        if let fees = try await FeePanel.load(req, scope: board.scope) {
            sections.append(FeePanel.section(fees, lang: lang))
        }
        let title = lang(.navDashboard)
        let unit = try await scopeUnit(board.scope, lang: lang, on: req.db)
        let body: HTML = """
            <h1>\(title) · \(unit.name) · \(String(board.year))</h1>
            <form method="get" action="\(SitePath.dashboard.path)" class="toolbar">
            \(hiddenScope(board.scope))
            <label>\(lang(.year)) <input type="number" name="year" value="\(String(board.year))" min="2019" max="2100"></label>
            <label>\(lang(.asOf)) <input type="date" name="asOf" value="\(board.asOf.description)"></label>
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            <a class="btn secondary" href="\(SitePath.dashboardExport.path)?\(query(board.scope, year: board.year))&amp;asOf=\(board.asOf.description)">\(lang(.exportXLSX))</a>
            </form>
            \(drillDown(req, board: board, unit: unit))
            <div class="cards">\(HTML.join(cardHTML))</div>
            <p class="muted">\(lang(.paceNote))</p>
            \(HTML.join(sections))
            """
        return Layout.page(req: req, title: title, crumbs: [.init(title: title)], body: body)
    }

    static func isRegion(_ scope: IndicatorService.Scope) -> Bool {
        if case .region = scope { return true }
        return false
    }

    /// What the dashboard is about, by name: 全省, or the unit's kind and its name with the code.
    static func scopeUnit(_ scope: IndicatorService.Scope, lang: Lang, on db: any Database) async throws -> (
        kind: String, name: String
    ) {
        func named(_ name: String?, _ code: String) -> String { (name ?? code) + lang.bracketed(code) }
        switch scope {
        case .province:
            return (lang(.wholeProvince), lang(.wholeProvince))
        case .school(let c):
            return (
                lang(.school), named(try await School.query(on: db).filter(\.$code == c).first()?.name, c)
            )
        case .region(let c):
            return (
                lang(.region), named(try await Region.query(on: db).filter(\.$code == c).first()?.name, c)
            )
        case .certificate(let c):
            return (
                lang(.fieldCertificate),
                named(try await Certificate.query(on: db).filter(\.$code == c).first()?.name, c)
            )
        case .organization(let c):
            return (
                lang(.nounOrganization),
                named(try await Organization.query(on: db).filter(\.$code == c).first()?.name, c)
            )
        }
    }

    /// A drill-down (a unit named in the query) shows as a filter that leads back to the
    /// actor's own dashboard.
    static func drillDown(_ req: Request, board: Board, unit: (kind: String, name: String)) -> HTML {
        let named = ["school", "region", "certificate", "organization"].contains {
            (try? req.query.get(String.self, at: $0)) != nil
        }
        guard named, board.scope != .province else { return "" }
        let back = SitePath.dashboard.path + "?year=\(board.year)&asOf=\(board.asOf.description)"
        return Components.filterChips(
            [.init(label: unit.kind, value: unit.name, remove: back)], lang: req.lang)
    }

    static func hiddenScope(_ scope: IndicatorService.Scope) -> HTML {
        switch scope {
        case .province: ""
        case .school(let c): "<input type=\"hidden\" name=\"school\" value=\"\(c)\">"
        case .region(let c): "<input type=\"hidden\" name=\"region\" value=\"\(c)\">"
        case .certificate(let c): "<input type=\"hidden\" name=\"certificate\" value=\"\(c)\">"
        case .organization(let c): "<input type=\"hidden\" name=\"organization\" value=\"\(c)\">"
        }
    }

    static func groupSection(_ group: Group, board: Board, lang: Lang) -> HTML {
        let bars = group.rows.map { row -> Charts.Bar in
            let set = row.set
            let note =
                IndicatorSet.percent(set.completionRate) + " (" + String(row.totals.completed) + "/"
                + String(row.totals.planned) + ")"
            let link = rowScope(row, group.grouping).map {
                SitePath.dashboard.path + "?" + query($0, year: board.year)
            }
            return Charts.Bar(
                label: groupLabel(row, group.grouping, lang: lang), value: set.completionRate, note: note,
                link: link)
        }
        let rows = group.rows.map { row -> [HTML] in
            let set = row.set
            let name = groupLabel(row, group.grouping, lang: lang)
            let nameCell: HTML =
                rowScope(row, group.grouping).map { s -> HTML in
                    "<a href=\"\(SitePath.dashboard.path)?\(query(s, year: board.year))\">\(name)</a>"
                } ?? "\(name)"
            let plans: HTML =
                "<a href=\"\(plansLink(board, row: row, grouping: group.grouping))\">\(String(set.plans))</a>"
            return [
                nameCell, plans, HTML(raw: String(set.planned)), HTML(raw: String(set.completed)),
                "\(IndicatorSet.percent(set.completionRate))", "\(IndicatorSet.percent(set.adjustmentRate))",
                "\(IndicatorSet.percent(set.exitRate))", "\(IndicatorSet.percent(set.participationRate))",
                "\(IndicatorSet.percent(set.passRate))", "\(IndicatorSet.percent(set.studentCoverage))",
            ]
        }
        let headers = [
            lang(.name), lang(.plansCount), lang(.plannedPeople), lang(.completedPeople),
            lang(.indicatorCompletion),
            lang(.indicatorAdjustment), lang(.indicatorExit), lang(.indicatorParticipation),
            lang(.indicatorPass),
            lang(.indicatorCoverage),
        ]
        return """
            <section class="panel"><h2>\(lang(group.title))</h2>
            \(Charts.bars(bars, title: lang(group.title), lang: lang))
            \(Components.table(headers: headers, rows: rows, numeric: Set(1...9), empty: lang(.noRecords)))
            </section>
            """
    }

    static func behindSection(_ board: Board, lang: Lang) -> HTML {
        let rows = board.behind.map { s -> [HTML] in
            let link: HTML =
                "<a href=\"\(SitePath.dashboard.path)?\(query(.school(s.school), year: board.year))\">\(s.name)</a>"
            return [
                link, "\(s.region)", HTML(raw: String(s.planned)), HTML(raw: String(s.completed)),
                HTML(raw: String(Int(clampingRounded: s.expected.rounded()))),
                "\(IndicatorSet.percent(s.pace))",
            ]
        }
        let bars = board.behind.map { s in
            Charts.Bar(label: s.name, value: s.pace, note: IndicatorSet.percent(s.pace), link: nil)
        }
        return """
            <section class="panel"><h2>\(lang(.furthestBehind))</h2>
            \(Charts.bars(bars, title: lang(.furthestBehind), reference: (board.threshold, IndicatorSet.percent(board.threshold),
                                                                                lang(.thresholdLegend(IndicatorSet.percent(board.threshold)))), lang: lang))
            \(Components.table(headers: [lang(.school), lang(.region), lang(.plannedPeople), lang(.completedPeople), lang(.expectedPeople),
                                         lang(.paceRatio)], rows: rows, numeric: [2, 3, 4, 5], empty: lang(.noRecords)))
            </section>
            """
    }

    static func trendSection(_ board: Board, lang: Lang) -> HTML {
        let points = board.trend.map { p -> (label: String, value: Double?) in
            (p.day, p.planned > 0 ? Double(p.completed) / Double(p.planned) : nil)
        }
        let rows = board.trend.map { p -> [HTML] in
            let rate: Double? = p.planned > 0 ? Double(p.completed) / Double(p.planned) : nil
            return [
                "\(p.day)", HTML(raw: String(p.planned)), HTML(raw: String(p.completed)),
                "\(IndicatorSet.percent(rate))",
            ]
        }
        return """
            <section class="panel"><h2>\(lang(.trend))</h2>
            \(Charts.line(points, title: lang(.trend), empty: lang(.noSnapshots), lang: lang))
            \(Components.table(headers: [lang(.asOf), lang(.plannedPeople), lang(.completedPeople), lang(.indicatorCompletion)],
                               rows: rows, numeric: [1, 2, 3], empty: ""))
            </section>
            """
    }

    /// A school's own plans with progress bars against the expected pace, and its pilot-student
    /// declaration (AH41-10).
    static func schoolPlans(_ req: Request, board: Board) async throws -> HTML {
        let lang = req.lang
        guard case .school(let code) = board.scope,
            let schoolID = try await CodeResolver(req.db).id(.schools, code)
        else { return "" }
        let plans = try await PlanRow.query(on: req.db).filter(\.$school.$id == schoolID).filter(
            \.$year == board.year
        )
        .with(\.$certificate).all()
        let share = Pace.shareOfYearGone(year: board.year, on: board.asOf)
        let rows = try plans.sorted { $0.certificate.code < $1.certificate.code }.map { p -> [HTML] in
            let completed = min(p.examAttended, p.count)
            let expected = Double(p.count) * share
            let level: Level = try .stored(p.level, table: PlanRow.schema, column: "level", id: p.id)
            return [
                "\(p.certificate.code) \(p.certificate.name)", "\(lang(level))",
                HTML(raw: String(p.count)),
                HTML(raw: String(p.examRegistered)), HTML(raw: String(p.examAttended)),
                HTML(raw: String(p.examPassed)),
                HTML(raw: String(Int(clampingRounded: expected.rounded()))),
                HTML(raw: Charts.progress(completed: completed, planned: p.count, expected: expected).raw),
            ]
        }
        var declaration: HTML = ""
        if req.currentUser?.actor.role == .school {
            declaration = """
                <form method="post" action="\(SitePath.pilotStudents.path)" class="toolbar">
                <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))"><input type="hidden" name="year" value="\(String(board.year))">
                <label>\(lang(.declarePilotStudents)) <input type="number" name="count" min="0" max="1000000" required></label>
                <button type="submit" class="btn">\(lang(.save))</button></form>
                """
        }
        return """
            <section class="panel"><h2>\(lang(.navPlans))</h2>
            \(Components.table(headers: [lang(.fieldCertificate), lang(.level), lang(.plannedPeople), lang(.registeredPeople),
                                         lang(.attendedPeople), lang(.passedPeople), lang(.expectedPeople), lang(.paceRatio)],
                               rows: rows, numeric: [2, 3, 4, 5, 6], empty: lang(.noRecords)))
            \(declaration)
            </section>
            """
    }

    static func declare(_ req: Request) async throws -> Response {
        let actor = try req.actor(in: .school)
        struct Form: Content {
            var year: Int
            var count: Int
        }
        let form = try req.content.decode(Form.self)
        try await ExamsAPI.declare(
            .init(year: form.year, count: form.count), actor: actor, now: req.now, on: req.db)
        return req.redirect(local: SitePath.dashboard.path + "?year=\(form.year)")
    }

    /// The dashboard's numbers as one Excel sheet: headline indicators, each grouped table, the
    /// schools behind and the trend.
    static func export(_ req: Request) async throws -> Response {
        let lang = req.lang
        let board = try await load(req)
        let t = board.totals
        let unit = try await scopeUnit(board.scope, lang: lang, on: req.db)
        var sheet: [[String]] = [
            [lang(.navDashboard), unit.name], [lang(.year), String(board.year)],
            [lang(.asOf), board.asOf.description], [],
        ]
        sheet.append([lang(.plansCount), String(t.plans)])
        sheet.append([lang(.plannedPeople), String(t.planned)])
        sheet.append([lang(.completedPeople), String(t.completed)])
        sheet.append([lang(.registeredPeople), String(t.registered)])
        sheet.append([lang(.attendedPeople), String(t.attended)])
        sheet.append([lang(.passedPeople), String(t.passed)])
        for (label, rate) in [
            (UIText.indicatorCompletion, t.completionRate), (.indicatorAdjustment, t.adjustmentRate),
            (.indicatorExit, t.exitRate), (.indicatorParticipation, t.participationRate),
            (.indicatorPass, t.passRate), (.indicatorCoverage, t.studentCoverage),
        ] {
            sheet.append([lang(label), IndicatorSet.percent(rate)])
        }
        for group in board.groups {
            sheet.append([])
            sheet.append([lang(group.title)])
            sheet.append([
                lang(.code), lang(.name), lang(.plansCount), lang(.plannedPeople), lang(.completedPeople),
                lang(.registeredPeople), lang(.attendedPeople), lang(.passedPeople),
                lang(.indicatorCompletion),
                lang(.indicatorAdjustment), lang(.indicatorExit), lang(.indicatorParticipation),
                lang(.indicatorPass),
                lang(.indicatorCoverage),
            ])
            for row in group.rows {
                let s = row.set
                sheet.append([
                    row.key, groupLabel(row, group.grouping, lang: lang), String(s.plans), String(s.planned),
                    String(s.completed),
                    String(s.registered), String(s.attended), String(s.passed),
                    IndicatorSet.percent(s.completionRate),
                    IndicatorSet.percent(s.adjustmentRate), IndicatorSet.percent(s.exitRate),
                    IndicatorSet.percent(s.participationRate), IndicatorSet.percent(s.passRate),
                    IndicatorSet.percent(s.studentCoverage),
                ])
            }
        }
        if !board.behind.isEmpty {
            sheet.append([])
            sheet.append([lang(.furthestBehind)])
            sheet.append([
                lang(.code), lang(.school), lang(.region), lang(.plannedPeople), lang(.completedPeople),
                lang(.expectedPeople),
                lang(.paceRatio),
            ])
            for s in board.behind {
                sheet.append([
                    s.school, s.name, s.region, String(s.planned), String(s.completed),
                    String(Int(clampingRounded: s.expected.rounded())),
                    IndicatorSet.percent(s.pace),
                ])
            }
        }
        if !board.trend.isEmpty {
            sheet.append([])
            sheet.append([lang(.trend)])
            for p in board.trend {
                let rate: Double? = p.planned > 0 ? Double(p.completed) / Double(p.planned) : nil
                sheet.append([p.day, String(p.planned), String(p.completed), IndicatorSet.percent(rate)])
            }
        }
        if let fees = try await FeePanel.load(req, scope: board.scope) {
            sheet += FeePanel.sheet(fees, lang: lang)
        }
        return Response(
            status: .ok,
            headers: SafeHeaders.download(
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                filename: "onex-dashboard-\(board.year).xlsx"),
            body: .init(data: XLSX.write(sheet, sheetName: "dashboard")))
    }
}
