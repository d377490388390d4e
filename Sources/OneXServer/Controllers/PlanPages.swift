import Fluent
import OneXDomain
import Vapor

/// Plans in the browser (PLAN-1, HN-3): schools and certificates by name, states and changes
/// in words, filters by region, school, certificate, status and year, and the same list as
/// CSV or Excel.
enum PlanPages {
    static func register(on web: any RoutesBuilder) {
        web.get("plans") { req in try await list(req) }
        web.get("plans", "export.csv") { req in try await export(req, format: .csv) }
        web.get("plans", "export.xlsx") { req in try await export(req, format: .xlsx) }
    }

    /// The filter as query parameters, to keep it across pages, exports and the year box.
    static func query(_ f: PlanService.Filter) -> [(String, String)] {
        [
            ("region", f.region ?? ""), ("school", f.school ?? ""), ("kind", f.kind?.rawValue ?? ""),
            ("certificate", f.certificate ?? ""),
            ("organization", f.organization ?? ""), ("status", f.status?.rawValue ?? ""),
            ("year", f.year.map(String.init) ?? ""),
        ]
    }

    static func history(_ p: PlanService.PlanBody, names: [String: String], lang: Lang) -> String {
        p.history.map { c in
            let count = c.kind == .forcedExit ? "" : " \(c.count > 0 ? "+" : "")\(c.count)"
            return
                "\(Shanghai.minuteText(c.at)) \(lang(c.kind))\(count)\(lang.bracketed(names[c.reviewer] ?? c.reviewer))"
        }.joined(separator: lang.semicolon)
    }

    static func statusText(_ p: PlanService.PlanBody, lang: Lang) -> String {
        lang(p.status)
            + (p.carriedOver ? lang.bracketed(lang(.carriedOver)) : "")
    }

    static func list(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor()
        let filter = try PlanService.Filter(req)
        let paging = try Paging(req, defaultLimit: 30)
        let (items, total) = try await PlanService.list(
            actor: actor, filter: filter, paging: paging, today: LocalDate(req.now), on: req.db)
        let names = try await AccountNames.labels(
            Set(items.flatMap { $0.history.map(\.reviewer) }), lang: lang, on: req.db)
        let rows = items.map { p -> [HTML] in
            [
                "\(p.schoolName) <span class=\"muted\">\(p.school)</span>",
                "\(p.certificateName) <span class=\"muted\">\(p.certificate)</span>",
                "\(lang(p.level))", HTML(raw: String(p.year)),
                HTML(raw: String(p.count)),
                "\(statusText(p, lang: lang))", "\(p.dueBy)",
                HTML(raw: "\(p.registered)/\(p.attended)/\(p.passed)"),
                "\(history(p, names: names, lang: lang))",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.navPlans))</h1>
            \(try await filterForm(req, filter: filter, actor: actor))
            \(Components.table(headers: [lang(.school), lang(.fieldCertificate), lang(.level), lang(.year), lang(.planCount), lang(.planStatus),
                                         lang(.dueBy), lang(.examFigures), lang(.history)], rows: rows, numeric: [3, 4], empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.plans.path, query: query(filter), lang: lang))
            """
        return Layout.page(
            req: req, title: lang(.navPlans), crumbs: [.init(title: lang(.navPlans))], body: body)
    }

    /// Region, school, certificate, status and year; the region and certificate choices are
    /// those the actor may see. A drill-down's filter shows as such and can be cleared.
    static func filterForm(_ req: Request, filter: PlanService.Filter, actor: Actor) async throws -> HTML {
        let lang = req.lang
        func select(_ name: String, _ all: String, _ options: [(String, String)], _ value: String?) -> HTML {
            let opts = ([("", all)] + options).map { v, l -> HTML in
                "<option value=\"\(v)\"\(v == (value ?? "") ? HTML(raw: " selected") : "")>\(l)</option>"
            }
            return "<select name=\"\(name)\" aria-label=\"\(all)\">\(HTML.join(opts))</select>"
        }
        var regionBox: HTML = ""
        if case .all = Access.scope(of: .schools, for: actor) {
            let regions = try await PlanService.regionChoices(on: req.db)
            regionBox = select("region", lang(.allRegions), regions.map { ($0.code, $0.name) }, filter.region)
        }
        let certificateBox = select(
            "certificate", lang(.allCertificates),
            try await PlanService.certificateChoices(for: actor, on: req.db).map {
                ($0.code, $0.name + lang.bracketed($0.code))
            },
            filter.certificate)
        let statusBox = select(
            "status", lang(.allStatuses),
            PlanStatus.allCases.map { ($0.rawValue, lang($0)) },
            filter.status?.rawValue)
        let schoolBox: HTML =
            actor.role == .school
            ? ""
            : CodePicker.input(
                "school", value: filter.school ?? "",
                options: try await CodePicker.options(SchoolStore.self, actor: actor, on: req.db),
                placeholder: lang(.schoolPicker))
        // Drill-down filters without a box of their own (school kind, organisation) stay as
        // such, and are shown with a link that removes each.
        let hidden = [("kind", filter.kind?.rawValue ?? ""), ("organization", filter.organization ?? "")]
            .filter {
                !$0.1.isEmpty
            }
            .map { k, v -> HTML in "<input type=\"hidden\" name=\"\(k)\" value=\"\(v)\">" }
        let active = query(filter).filter { !$0.1.isEmpty }
        func without(_ key: String) -> String {
            SitePath.plans.path + "?"
                + active.filter { $0.0 != key }.map {
                    "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                }.joined(separator: "&")
        }
        var chips: [Components.FilterChip] = []
        if let kind = filter.kind {
            chips.append(
                .init(
                    label: lang(.schoolKind), value: lang(kind),
                    remove: without("kind")))
        }
        if let code = filter.organization {
            let name = try await Organization.query(on: req.db).filter(\.$code == code).first()?.name ?? code
            chips.append(.init(label: lang(.nounOrganization), value: name, remove: without("organization")))
        }
        let cleared: HTML =
            active.isEmpty ? "" : "<a href=\"\(SitePath.plans.path)\">\(lang(.clearFilter))</a>"
        func exportLink(_ format: SitePath.ExportFormat) -> String {
            SitePath.plansExport(format).path
                + (active.isEmpty
                    ? ""
                    : "?"
                        + active.map {
                            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                        }.joined(separator: "&"))
        }
        return """
            <form method="get" action="\(SitePath.plans.path)" class="toolbar">\(HTML.join(hidden))
            \(regionBox)\(schoolBox)\(certificateBox)\(statusBox)
            <input type="number" name="year" value="\(filter.year.map(String.init) ?? "")" placeholder="\(lang(.year))" aria-label="\(lang(.year))">
            <button type="submit" class="btn secondary">\(lang(.filter))</button>\(cleared)
            <span class="spacer"></span>
            <a class="btn secondary" href="\(exportLink(.csv))">\(lang(.exportCSV))</a>
            <a class="btn secondary" href="\(exportLink(.xlsx))">\(lang(.exportXLSX))</a>
            </form>
            \(Components.filterChips(chips, lang: lang))
            """
    }

    /// Every plan of the filter in the actor's scope, a thousand at a time.
    static func export(_ req: Request, format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor()
        let filter = try PlanService.Filter(req)
        var rows = [
            [
                lang(.school), lang(.schoolCode), lang(.fieldCertificate), lang(.code), lang(.level),
                lang(.year), lang(.planCount),
                lang(.planStatus), lang(.dueBy), lang(.examFigures), lang(.history),
            ]
        ]
        var offset = 0
        while true {
            let (items, total) = try await PlanService.list(
                actor: actor, filter: filter, paging: Paging(limit: 1000, offset: offset),
                today: LocalDate(req.now), on: req.db)
            let names = try await AccountNames.labels(
                Set(items.flatMap { $0.history.map(\.reviewer) }), lang: lang, on: req.db)
            rows += items.map { p in
                [
                    p.schoolName, p.school, p.certificateName, p.certificate,
                    lang(p.level), String(p.year),
                    String(p.count), statusText(p, lang: lang), p.dueBy,
                    "\(p.registered)/\(p.attended)/\(p.passed)",
                    history(p, names: names, lang: lang),
                ]
            }
            offset += 1000
            if offset >= total || items.isEmpty { break }
        }
        return Download.file(rows, name: "plans-\(LocalDate(req.now))", format: format)
    }
}
