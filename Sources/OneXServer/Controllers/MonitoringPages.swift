import Fluent
import OneXDomain
import Vapor

/// Monitoring snapshots and the pace-warning bulletin (AH22-8): the province takes snapshots
/// (also on schedule), sees the warned schools of each and publishes them as a printable 通报;
/// cities and schools see a bulletin once it is published.
enum MonitoringPages {
    static func register(on web: any RoutesBuilder) {
        web.get("monitoring") { req in try await page(req) }
        web.post("monitoring", "snapshot") { req in try await snapshot(req) }
        web.post("monitoring", "bulletins", ":day") { req in try await publish(req) }
        web.get("monitoring", "bulletins", ":day") { req in try await bulletin(req) }
    }

    static func page(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor()
        // The warnings list is the province's and, once published, a bureau's for its region;
        // a school reads the 通报 itself.
        let region: String?
        switch Access.scope(of: .bulletins, for: actor) {
        case .all: region = nil
        case .region(let code): region = code
        default: throw AppError.forbidden
        }
        var days = try await MonitoringService.snapshotDays(on: req.db)
        var published: [String: Bool] = [:]
        for d in days { published[d] = try await MonitoringService.isPublished(d, on: req.db) }
        if region != nil { days = days.filter { published[$0] == true } }
        let day =
            (try? req.query.get(String.self, at: "day")).flatMap { days.contains($0) ? $0 : nil }
            ?? days.first
        let csrf = CSRF.token(for: req)
        var actions: HTML = ""
        if Access.may(.create, .snapshots, actor) {
            actions = """
                <form method="post" action="/monitoring/snapshot" class="toolbar"><input type="hidden" name="_csrf" value="\(csrf)">
                <button type="submit" class="btn">\(lang(.runSnapshot))</button></form>
                """
        }
        let dayRows = days.map { d -> [HTML] in
            [
                "<a href=\"\(SitePath.monitoring.path)?day=\(d)\">\(d)</a>",
                "\(published[d] == true ? lang(.published) : lang(.notPublished))",
            ]
        }
        var detail: HTML = ""
        if let day {
            let warned = try await MonitoringService.warnings(takenOn: day, region: region, on: req.db)
            let rows = warned.map { s -> [HTML] in
                [
                    "\(s.region)", "<a href=\"\(SitePath.dashboard.path)?school=\(s.school)\">\(s.name)</a>",
                    HTML(raw: String(s.planned)),
                    HTML(raw: String(s.completed)),
                    HTML(raw: String(Int(clampingRounded: s.expected.rounded()))),
                    "\(IndicatorSet.percent(s.pace))",
                ]
            }
            var publish: HTML = ""
            if Access.may(.publish, .bulletins, actor) && published[day] != true {
                publish = """
                    <form method="post" action="\(SitePath.bulletin(day).path)" class="inline"><input type="hidden" name="_csrf" value="\(csrf)">
                    <label for="f-documentNumber">\(lang(.documentNumber))</label>
                    <input type="text" id="f-documentNumber" name="documentNumber" maxlength="40" placeholder="\(lang(.documentNumberExample))">
                    <button type="submit" class="btn">\(lang(.publishBulletin))</button></form>
                    """
            }
            detail = """
                <section class="panel"><h2>\(lang(.warnedSchools)) · \(day)</h2>
                <p>\(publish) <a class="btn secondary" href="\(SitePath.bulletin(day).path)">\(lang(.printableBulletin))</a></p>
                \(Components.table(headers: [lang(.region), lang(.school), lang(.plannedPeople), lang(.completedPeople), lang(.expectedPeople),
                                             lang(.paceRatio)], rows: rows, numeric: [2, 3, 4, 5], empty: lang(.noRecords)))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.navMonitoring))</h1>
            \(actions)
            <section class="panel"><h2>\(lang(.snapshots))</h2>
            \(Components.table(headers: [lang(.asOf), lang(.planStatus)], rows: dayRows, empty: lang(.noSnapshots)))
            </section>
            \(detail)
            """
        return Layout.page(
            req: req, title: lang(.navMonitoring), crumbs: [.init(title: lang(.navMonitoring))], body: body)
    }

    static func snapshot(_ req: Request) async throws -> Response {
        _ = try req.actor(may: .create, .snapshots)
        let result = try await MonitoringService.snapshot(now: req.now, on: req.db)
        return req.redirect(local: SitePath.monitoring.path + "?day=\(result.takenOn)")
    }

    static func publish(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .publish, .bulletins)
        let day = try req.parameters.require("day")
        struct Form: Decodable { var documentNumber: String? }
        let form = try? req.content.decode(Form.self)
        try await MonitoringService.publish(
            takenOn: day, documentNumber: form?.documentNumber, actor: actor, now: req.now, on: req.db)
        return req.redirect(local: SitePath.monitoring.path + "?day=\(day)")
    }

    /// The printable 通报: A4, the list of warned schools, slowest first.
    static func bulletin(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(reading: .bulletins)
        let day = try req.parameters.require("day")
        guard try await MonitoringService.snapshotDays(on: req.db).contains(day) else {
            throw AppError.notFound
        }
        let publication = try await MonitoringService.publication(day, on: req.db)
        let isPublished = publication != nil
        let issuer = try await MonitoringService.issuingUnit(on: req.db)
        let scope = Access.scope(of: .bulletins, for: actor)
        guard scope == .all || isPublished else { throw AppError.notFound }
        let region: String? = if case .region(let code) = scope { code } else { nil }
        let warned = try await MonitoringService.warnings(takenOn: day, region: region, on: req.db)
        let policy = try await PolicyVersion.current(on: req.db)?.policy()
        let threshold = IndicatorSet.percent(policy?.monitoring.warnBelowExpectedPace ?? 0.8)
        let rows = warned.enumerated().map { i, s -> [HTML] in
            [
                HTML(raw: String(i + 1)), "\(s.region)", "\(s.name)", HTML(raw: String(s.planned)),
                HTML(raw: String(s.completed)),
                HTML(raw: String(Int(clampingRounded: s.expected.rounded()))),
                "\(IndicatorSet.percent(s.pace))",
            ]
        }
        // On the document the day is written the Chinese way (2026年7月1日).
        let written = lang.day(day)
        let intro = lang(.bulletinIntro(day: written, threshold: threshold))
        let status = isPublished ? lang(.published) : lang(.notPublished)
        let body: HTML = """
            <div class="a4">
            <p class="noprint"><a href="\(SitePath.monitoring.path)?day=\(day)">← \(lang(.navMonitoring))</a> · \(status)</p>
            <p class="issuer">\(issuer)</p>
            <h1 class="form-title">\(lang(.bulletinTitle))</h1>
            <p class="doc-number">\(publication?.documentNumber ?? lang(.documentNumberBlank))</p>
            <p>\(intro)</p>
            \(Components.table(headers: [lang(.serialNumber), lang(.region), lang(.school), lang(.plannedPeople), lang(.completedPeople),
                                         lang(.expectedPeople), lang(.paceRatio)], rows: rows, numeric: [0, 3, 4, 5, 6], empty: lang(.noRecords)))
            <div class="stamp-block"><p>\(issuer)<span class="stamp">\(lang(.stampHere))</span></p><p>\(written)</p></div>
            </div>
            """
        return Layout.page(
            req: req, title: lang(.bulletinTitle),
            crumbs: [
                .init(title: lang(.navMonitoring), path: .monitoring),
                .init(title: day),
            ], body: body)
    }
}
