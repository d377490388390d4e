import OneXDomain
import Vapor

/// Public disclosure without login (AH41-12): an index, the pilot schools of the year by city
/// with their certificates, the organisations and their certificates, and the published fee
/// standards — each list also as CSV and, where it changes over the year, as an Atom feed.
/// Only names and published records: no figures of a single school, nothing about students.
enum PublicPages {
    static func register(on web: any RoutesBuilder) {
        web.get("public") { req in try await index(req) }
        web.get("public", "schools") { req in try await schools(req) }
        web.get("public", "schools.csv") { req in try await schoolsCSV(req) }
        web.get("public", "schools.atom") { req in try await schoolsFeed(req) }
        web.get("public", "organizations") { req in try await organizations(req) }
        web.get("public", "organizations.csv") { req in try await organizationsCSV(req) }
        web.get("public", "organizations.atom") { req in try await organizationsFeed(req) }
        web.get("public", "fee-standards.csv") { req in try await feeStandardsCSV(req) }
        web.get("public", "fee-standards.atom") { req in try await feeStandardsFeed(req) }
        PublicSitePages.register(on: web)
        PublicBulletinPages.register(on: web)
        PublicTrainingPages.register(on: web)
    }

    static func year(_ req: Request) -> Int {
        req.queryText("year").flatMap(Int.init).map { min(max($0, 2019), 2100) } ?? LocalDate(req.now).year
    }

    static func index(_ req: Request) async throws -> Response {
        let lang = req.lang
        let links: [(String, UIText, String?)] = [
            (SitePath.publicPolicy.path, .publicPolicyLink, nil),
            ("/public/schools", .publicPilotSchools, "/public/schools.atom"),
            ("/public/organizations", .publicOrganizations, "/public/organizations.atom"),
            (SitePath.publicFeeStandards.path, .publicFeeStandards, "/public/fee-standards.atom"),
            (SitePath.publicSites.path, .publicSites, "/public/sites.atom"),
            (SitePath.publicTraining.path, .publicTraining, "/public/training.atom"),
            (SitePath.publicBulletins.path, .publicBulletins, "/public/bulletins.atom"),
        ]
        let items = links.map { path, title, feed -> HTML in
            let atom: HTML = feed.map { " · <a href=\"\($0)\">\(lang(.publicFeed))</a>" } ?? ""
            return "<li><a href=\"\(path)\">\(lang(title))</a>\(atom)</li>"
        }
        let body: HTML = """
            <h1>\(lang(.publicIndex))</h1>
            <p class="muted">\(lang(.publicIndexIntro))</p>
            <ul class="todo">\(HTML.join(items))</ul>
            """
        return try await Layout.page(
            req: req, title: lang(.publicIndex), crumbs: [.init(title: lang(.publicIndex))], body: body
        )
        .encodeResponse(for: req)
    }

    static func schools(_ req: Request) async throws -> Response {
        let lang = req.lang
        let year = year(req)
        let region = req.queryText("region")
        let cities = try await PublicDisclosure.cities(year: year, on: req.db)
        var sections: [HTML] = []
        let cityRows = cities.map { c -> [HTML] in
            [
                "<a href=\"/public/schools?year=\(String(year))&amp;region=\(c.code)\">\(c.name)</a>",
                HTML(raw: String(c.schools)),
            ]
        }
        sections.append(
            Components.table(
                headers: [lang(.publicCity), lang(.publicSchoolsCount)], rows: cityRows, numeric: [1],
                empty: lang(.noRecords)))
        if let region {
            let pilots = try await PublicDisclosure.pilots(year: year, region: region, on: req.db)
            let bySchool = Dictionary(grouping: pilots, by: \.school)
            let rows = bySchool.keys.sorted().map { code -> [HTML] in
                let list = bySchool[code]!
                return [
                    "\(list[0].schoolName)", "\(lang(list[0].schoolKind))",
                    "\(list.map(\.certificateName).joined(separator: lang.listSeparator))",
                ]
            }
            sections.append(
                """
                <h2>\(pilots.first?.regionName ?? region)</h2>
                \(Components.table(headers: [lang(.school), lang(.publicSchoolKind), lang(.publicCertificates)], rows: rows, empty: lang(.noRecords)))
                """)
        }
        let body: HTML = """
            <h1>\(lang(.publicPilotSchoolsOf(year)))</h1>
            <p class="muted">\(lang(.publicPilotSchoolsIntro))</p>
            <p class="toolbar"><a class="btn secondary" href="/public/schools.csv?year=\(String(year))">CSV</a>
            <a class="btn secondary" href="/public/schools.atom">\(lang(.publicFeed))</a>
            <a href="\(SitePath.publicIndex.path)">\(lang(.publicIndex))</a></p>
            \(HTML.join(sections))
            """
        return try await Layout.page(
            req: req, title: lang(.publicPilotSchools),
            crumbs: [
                .init(title: lang(.publicIndex), path: .publicIndex), .init(title: lang(.publicPilotSchools)),
            ], body: body
        ).encodeResponse(for: req)
    }

    static func schoolsCSV(_ req: Request) async throws -> Response {
        let lang = req.lang
        let year = year(req)
        let pilots = try await PublicDisclosure.pilots(year: year, region: nil, on: req.db)
        let header = [
            lang(.publicCity), lang(.schoolCode), lang(.school), lang(.publicSchoolKind),
            lang(.fieldCertificate),
            lang(.publicCertificateName),
        ]
        let rows = pilots.map {
            [
                $0.regionName, $0.school, $0.schoolName, lang($0.schoolKind), $0.certificate,
                $0.certificateName,
            ]
        }
        return Download.file([header] + rows, name: "pilot-schools-\(year)", format: .csv)
    }

    static func schoolsFeed(_ req: Request) async throws -> Response {
        let pilots = try await PublicDisclosure.pilots(year: LocalDate(req.now).year, region: nil, on: req.db)
            .sorted { $0.since > $1.since }.prefix(200)
        return AtomFeed(
            id: "urn:onex:public:pilot-schools", title: "1+X证书制度试点院校", page: "/public/schools",
            entries: pilots.map {
                .init(
                    id: "urn:onex:pilot:\($0.school):\($0.certificate):\(LocalDate($0.since).year)",
                    title: "\($0.schoolName)开展\($0.certificateName)试点", updated: $0.since,
                    summary:
                        "\($0.regionName)\($0.schoolName)（\($0.schoolKind.chinese)）\(LocalDate($0.since).chinese)起开展\($0.certificateName)证书试点。"
                )
            }
        ).response(for: req)
    }

    static func organizations(_ req: Request) async throws -> Response {
        let lang = req.lang
        let certificates = try await PublicDisclosure.certificates(on: req.db)
        let rows = certificates.map { c -> [HTML] in
            [
                "\(c.organizationName)", "\(c.name)", "\(c.code)", "\(lang(.publicBatch(c.batch)))",
                "\(c.levels.map { lang($0) }.joined(separator: lang.listSeparator))",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.publicOrganizations))</h1>
            <p class="toolbar"><a class="btn secondary" href="/public/organizations.csv">CSV</a>
            <a class="btn secondary" href="/public/organizations.atom">\(lang(.publicFeed))</a>
            <a href="\(SitePath.publicIndex.path)">\(lang(.publicIndex))</a></p>
            \(Components.table(headers: [lang(.nounOrganization), lang(.publicCertificateName), lang(.fieldCertificate), lang(.publicBatchHeader), lang(.publicLevels)],
                               rows: rows, empty: lang(.noRecords)))
            """
        return try await Layout.page(
            req: req, title: lang(.publicOrganizations),
            crumbs: [
                .init(title: lang(.publicIndex), path: .publicIndex),
                .init(title: lang(.publicOrganizations)),
            ], body: body
        ).encodeResponse(for: req)
    }

    static func organizationsCSV(_ req: Request) async throws -> Response {
        let lang = req.lang
        let certificates = try await PublicDisclosure.certificates(on: req.db)
        let header = [
            lang(.nounOrganization), lang(.fieldCertificate), lang(.publicCertificateName),
            lang(.publicBatchHeader),
            lang(.publicLevels),
        ]
        let rows = certificates.map {
            [
                $0.organizationName, $0.code, $0.name, String($0.batch),
                $0.levels.map { lang($0) }.joined(separator: lang.listSeparator),
            ]
        }
        return Download.file([header] + rows, name: "organizations", format: .csv)
    }

    /// A certificate's entry is as new as its last change in the catalog's audit trail.
    static func organizationsFeed(_ req: Request) async throws -> Response {
        let changed = try await req.db.sql().raw(
            "SELECT entity_key, MAX(at) AS at FROM audit_entries WHERE entity = 'certificates' GROUP BY entity_key"
        ).all().reduce(into: [String: Date]()) {
            $0[try $1.decode(column: "entity_key", as: String.self)] = try $1.decode(
                column: "at", as: Date.self)
        }
        let oldest = changed.values.min() ?? req.now
        let entries = try await PublicDisclosure.certificates(on: req.db).map { c in
            AtomFeed.Entry(
                id: "urn:onex:certificate:\(c.code)", title: "\(c.organizationName)：\(c.name)",
                updated: changed[c.code] ?? oldest,
                summary:
                    "\(c.organizationName)的\(c.name)（\(c.code)），第\(c.batch)批，等级：\(c.levels.map(\.chinese).joined(separator: "、"))。"
            )
        }
        return AtomFeed(
            id: "urn:onex:public:organizations", title: "1+X证书培训评价组织及其证书", page: "/public/organizations",
            entries: Array(entries.sorted { $0.updated > $1.updated }.prefix(500))
        ).response(for: req)
    }

    static func feeStandardsCSV(_ req: Request) async throws -> Response {
        let lang = req.lang
        let items = try await FeeStandardService.list(
            actor: nil, certificate: nil, status: .published, on: req.db)
        let header = [
            lang(.nounOrganization), lang(.fieldCertificate), lang(.publicCertificateName),
            lang(.publicLevels),
            lang(.publicFeeYuan), lang(.publicEffectiveFrom), lang(.publicDocumentNumber),
        ]
        let rows = items.map {
            [
                $0.organizationName, $0.certificate, $0.certificateName, lang($0.level), Fen.yuanText($0.fee),
                $0.effectiveFrom, $0.documentNumber ?? "",
            ]
        }
        return Download.file([header] + rows, name: "fee-standards", format: .csv)
    }

    static func feeStandardsFeed(_ req: Request) async throws -> Response {
        let items = try await FeeStandardService.list(
            actor: nil, certificate: nil, status: .published, on: req.db)
        return AtomFeed(
            id: "urn:onex:public:fee-standards", title: "已发布的1+X证书考核费用标准",
            page: SitePath.publicFeeStandards.path,
            entries: items.compactMap { s in
                guard let day = LocalDate(s.publishedOn ?? "") else { return nil }
                return .init(
                    id: "urn:onex:fee-standard:\(s.id.uuidString)",
                    title: "\(s.certificateName)\(s.level.chinese)考核费用标准\(Fen.displayText(s.fee))",
                    updated: day.startOfDay,
                    summary:
                        "\(s.organizationName)\(s.certificateName)\(s.level.chinese)：\(Fen.displayText(s.fee))，\(LocalDate(s.effectiveFrom)?.chinese ?? s.effectiveFrom)起执行\(s.documentNumber.map { "（\($0)）" } ?? "")。"
                )
            }.sorted { $0.updated > $1.updated }
        ).response(for: req)
    }
}
