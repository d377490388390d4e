import OneXDomain
import Vapor

/// The pace-warning bulletins the province chose to make public (AH41-12: 通报), without login:
/// the list, each 通报 as its printable sheet, the warned schools of all of them as CSV, and an
/// Atom feed. A bulletin published only to the cities and schools stays off these pages.
enum PublicBulletinPages {
    static func register(on web: any RoutesBuilder) {
        web.get("public", "bulletins") { req in try await list(req) }
        web.get("public", "bulletins.csv") { req in try await csv(req) }
        web.get("public", "bulletins.atom") { req in try await feed(req) }
        web.get("public", "bulletins", ":day") { req in try await bulletin(req) }
    }

    static func list(_ req: Request) async throws -> Response {
        let lang = req.lang
        var rows: [[HTML]] = []
        for p in try await MonitoringService.publicBulletins(on: req.db) {
            let warned = try await MonitoringService.warnings(takenOn: p.takenOn, region: nil, on: req.db)
            rows.append([
                "<a href=\"\(SitePath.publicBulletin(p.takenOn).path)\">\(lang.day(p.takenOn))</a>",
                "\(p.documentNumber ?? "")", "\(warned.count)",
                "\(p.publicAt.map { lang(LocalDate($0)) } ?? "")",
            ])
        }
        let body: HTML = """
            <h1>\(lang(.publicBulletins))</h1>
            <p class="muted">\(lang(.publicBulletinsIntro))</p>
            <p class="toolbar"><a class="btn secondary" href="\(SitePath.publicBulletins.path).csv">CSV</a>
            <a class="btn secondary" href="\(SitePath.publicBulletins.path).atom">\(lang(.publicFeed))</a>
            <a href="\(SitePath.publicIndex.path)">\(lang(.publicIndex))</a></p>
            \(Components.table(
                headers: [lang(.asOf), lang(.documentNumber), lang(.bulletinWarnedCount), lang(.bulletinPublicOn)],
                rows: rows, numeric: [2], empty: lang(.noRecords)))
            """
        return try await Layout.page(
            req: req, title: lang(.publicBulletins),
            crumbs: [
                .init(title: lang(.publicIndex), path: .publicIndex), .init(title: lang(.publicBulletins)),
            ],
            body: body
        ).encodeResponse(for: req)
    }

    static func bulletin(_ req: Request) async throws -> Response {
        let lang = req.lang
        let day = try req.parameters.require("day")
        guard let publication = try await MonitoringService.publication(day, on: req.db),
            publication.publicAt != nil
        else { throw AppError.notFound }
        let content = try await BulletinDocument.content(
            day, documentNumber: publication.documentNumber, region: nil, on: req.db)
        let body = BulletinDocument.html(
            content, above: "<a href=\"\(SitePath.publicBulletins.path)\">← \(lang(.publicBulletins))</a>",
            lang: lang)
        return try await Layout.page(
            req: req, title: lang(.bulletinTitle),
            crumbs: [
                .init(title: lang(.publicIndex), path: .publicIndex),
                .init(title: lang(.publicBulletins), path: .publicBulletins), .init(title: lang.day(day)),
            ], body: body
        ).encodeResponse(for: req)
    }

    /// One line per warned school of every public bulletin.
    static func csv(_ req: Request) async throws -> Response {
        let lang = req.lang
        let header = [
            lang(.asOf), lang(.documentNumber), lang(.region), lang(.school), lang(.plannedPeople),
            lang(.completedPeople), lang(.expectedPeople), lang(.paceRatio),
        ]
        var rows: [[String]] = []
        for p in try await MonitoringService.publicBulletins(on: req.db) {
            for s in try await MonitoringService.warnings(takenOn: p.takenOn, region: nil, on: req.db) {
                rows.append([
                    p.takenOn, p.documentNumber ?? "", s.region, s.name, "\(s.planned)", "\(s.completed)",
                    "\(Int(clampingRounded: s.expected.rounded()))", IndicatorSet.percent(s.pace),
                ])
            }
        }
        return Download.file([header] + rows, name: "warning-bulletins", format: .csv)
    }

    static func feed(_ req: Request) async throws -> Response {
        let issuer = try await MonitoringService.issuingUnit(on: req.db)
        var entries: [AtomFeed.Entry] = []
        for p in try await MonitoringService.publicBulletins(on: req.db).prefix(200) {
            let warned = try await MonitoringService.warnings(takenOn: p.takenOn, region: nil, on: req.db)
            let day = LocalDate(p.takenOn)?.chinese ?? p.takenOn
            entries.append(
                .init(
                    id: "urn:onex:bulletin:\(p.takenOn)", title: "考核进度预警通报（\(day)）",
                    updated: p.publicAt ?? Date(timeIntervalSince1970: 0),
                    summary:
                        "\(issuer)通报截至\(day)未达到预期考核进度的试点院校\(warned.count)所\(p.documentNumber.map { "（\($0)）" } ?? "")。"
                ))
        }
        return AtomFeed(
            id: "urn:onex:public:warning-bulletins", title: "1+X证书考核进度预警通报",
            page: SitePath.publicBulletins.path,
            entries: entries
        ).response(for: req)
    }
}
