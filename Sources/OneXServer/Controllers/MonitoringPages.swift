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
        web.post("monitoring", "bulletins", ":day", "public") { req in try await setPublic(req) }
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
            if Access.may(.publish, .bulletins, actor), published[day] == true,
                let publication = try await MonitoringService.publication(day, on: req.db)
            {
                let shown = publication.publicAt != nil
                let state: HTML =
                    shown
                    ? "<a href=\"\(SitePath.publicBulletin(day).path)\">\(lang(.bulletinIsPublic))</a>"
                    : "\(lang(.bulletinNotPublic))"
                publish = """
                    <form method="post" action="\(SitePath.bulletin(day).path)/public" class="inline"><input type="hidden" name="_csrf" value="\(csrf)">
                    <input type="hidden" name="shown" value="\(shown ? "0" : "1")">
                    \(state) <button type="submit" class="btn\(shown ? " secondary" : "")">\(lang(shown ? .bulletinWithdrawPublic : .bulletinMakePublic))</button></form>
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

    static func setPublic(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .publish, .bulletins)
        let day = try req.parameters.require("day")
        struct Form: Decodable { var shown: String? }
        let shown = (try? req.content.decode(Form.self))?.shown != "0"
        try await MonitoringService.setPublic(day, shown: shown, actor: actor, now: req.now, on: req.db)
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
        let scope = Access.scope(of: .bulletins, for: actor)
        guard scope == .all || publication != nil else { throw AppError.notFound }
        let region: String? = if case .region(let code) = scope { code } else { nil }
        let status = publication == nil ? lang(.notPublished) : lang(.published)
        let content = try await BulletinDocument.content(
            day, documentNumber: publication?.documentNumber, region: region, on: req.db)
        let body = BulletinDocument.html(
            content,
            above:
                "<a href=\"\(SitePath.monitoring.path)?day=\(day)\">← \(lang(.navMonitoring))</a> · \(status)",
            lang: lang)
        return Layout.page(
            req: req, title: lang(.bulletinTitle),
            crumbs: [
                .init(title: lang(.navMonitoring), path: .monitoring),
                .init(title: day),
            ], body: body)
    }
}
