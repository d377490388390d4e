import OneXDomain
import Vapor

/// Approved exam sites without login (AH41-3, AH41-12): by city, as CSV and as an Atom feed of
/// the newest. Only what a candidate needs: the school, the certificate, the place and address.
enum PublicSitePages {
    static func register(on web: any RoutesBuilder) {
        web.get("public", "sites") { req in try await page(req) }
        web.get("public", "sites.csv") { req in try await csv(req) }
        web.get("public", "sites.atom") { req in try await feed(req) }
    }

    static func sites(_ req: Request, region: String? = nil) async throws -> [ExamSiteService.Site] {
        try await ExamSiteService.list(
            scope: Access.publicScope(of: .sites), filter: .init(region: region), on: req.db)
    }

    static func page(_ req: Request) async throws -> Response {
        let lang = req.lang
        let all = try await sites(req)
        let region = req.queryText("region")
        let byCity = Dictionary(grouping: all, by: \.region)
        let cityRows = byCity.keys.sorted().map { code -> [HTML] in
            let list = byCity[code]!
            return [
                "<a href=\"\(SitePath.publicSites.path)?region=\(code)\">\(Components.userText(list[0].regionName))</a>",
                "\(Set(list.map(\.certificate)).count)", "\(list.count)",
            ]
        }
        let shown = region.map { r in all.filter { $0.region == r } } ?? all
        let data = Components.userText
        let rows = shown.map { s -> [HTML] in
            [
                data(s.regionName), data(s.schoolName), data(s.certificateName), data(s.place), data(s.address),
                "\(s.capacity)",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.publicSites))</h1>
            <p class="muted">\(lang(.publicSitesIntro))</p>
            <p class="toolbar"><a class="btn secondary" href="\(SitePath.publicSites.path).csv">CSV</a>
            <a class="btn secondary" href="\(SitePath.publicSites.path).atom">\(lang(.publicFeed))</a>
            <a href="\(SitePath.publicIndex.path)">\(lang(.publicIndex))</a></p>
            \(Components.table(headers: [lang(.publicCity), lang(.siteCoverageCertificates), lang(.siteCoverageSitesCount)],
                               rows: cityRows, numeric: [1, 2], empty: lang(.noRecords)))
            <h2>\(region.flatMap { byCity[$0]?.first?.regionName }.map(Components.userText) ?? "\(lang(.publicAllCities))")</h2>
            \(Components.table(headers: [lang(.publicCity), lang(.siteSchool), lang(.publicCertificateName), lang(.sitePlace),
                                         lang(.siteAddress), lang(.siteCapacity)],
                               rows: rows, numeric: [5], empty: lang(.noRecords)))
            """
        return try await Layout.page(
            req: req, title: lang(.publicSites),
            crumbs: [.init(title: lang(.publicIndex), path: .publicIndex), .init(title: lang(.publicSites))],
            body: body
        ).encodeResponse(for: req)
    }

    static func csv(_ req: Request) async throws -> Response {
        let lang = req.lang
        let header = [
            lang(.publicCity), lang(.siteSchool), lang(.fieldCertificate), lang(.publicCertificateName),
            lang(.nounOrganization), lang(.sitePlace), lang(.siteAddress), lang(.siteCapacity),
            lang(.siteApprovedOn),
        ]
        let rows = try await sites(req).map {
            [
                $0.regionName, $0.schoolName, $0.certificate, $0.certificateName, $0.organizationName,
                $0.place,
                $0.address, "\($0.capacity)", $0.approvedOn ?? "",
            ]
        }
        return Download.file([header] + rows, name: "exam-sites", format: .csv)
    }

    static func feed(_ req: Request) async throws -> Response {
        let entries = try await sites(req).compactMap { s -> AtomFeed.Entry? in
            guard let day = LocalDate(s.approvedOn ?? "") else { return nil }
            return .init(
                id: "urn:onex:exam-site:\(s.number)", title: "\(s.schoolName)\(s.certificateName)考核站点",
                updated: day.startOfDay,
                summary:
                    "\(s.regionName)\(s.schoolName)设立\(s.certificateName)考核站点：\(s.place)，\(s.address)，可容纳\(s.capacity)人。"
            )
        }
        return AtomFeed(
            id: "urn:onex:public:exam-sites", title: "1+X证书考核站点", page: SitePath.publicSites.path,
            entries: Array(entries.sorted { $0.updated > $1.updated }.prefix(200))
        ).response(for: req)
    }
}
