import OneXDomain
import Vapor

/// Exam-site coverage of a year (AH41-3): a tile per city coloured by the share of its piloted
/// certificates that have a site there, the certificate × city matrix with each gap marked,
/// and, for a chosen cell, the schools that would use a site there and the sites it has.
enum SiteCoveragePage {
    static func register(on web: any RoutesBuilder) {
        web.get("sites", "coverage") { req in try await page(req) }
        web.get("sites", "coverage", "export.xlsx") { req in try await export(req, .xlsx) }
        web.get("sites", "coverage", "export.csv") { req in try await export(req, .csv) }
    }

    static func page(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .plans)
        let year = try SitesAPI.year(req)
        let report = try await SiteCoverageService.report(year: year, actor: actor, on: req.db)
        let gapsOnly = req.queryText("gaps") == "1"
        let path = SitePath.siteCoverage.path
        let cellOf = Dictionary(
            uniqueKeysWithValues: report.cells.map { ("\($0.certificate)|\($0.region)", $0) })
        let tiles = report.cities.map { c in
            Charts.Tile(
                label: c.name, note: lang(.siteCoverageTile(c.covered, c.certificates)),
                share: Double(c.covered) / Double(max(c.certificates, 1)),
                link: "\(path)?year=\(year)&gaps=1#city-\(c.region)")
        }
        let certificates = report.certificates.filter { c in
            !gapsOnly || report.regions.contains { cellOf["\(c.code)|\($0.code)"]?.covered == false }
        }
        let data = Components.userText
        let rows = certificates.map { c -> [HTML] in
            ["\(data(c.name))<br><span class=\"muted\">\(c.code)</span>"]
                + report.regions.map { r -> HTML in
                    guard let cell = cellOf["\(c.code)|\(r.code)"] else {
                        return "<span class=\"muted\">—</span>"
                    }
                    let link = "\(path)?year=\(year)&certificate=\(c.code)&region=\(r.code)#drill"
                    return cell.covered
                        ? "<a class=\"badge ok\" href=\"\(link)\">\(lang(.siteCoverageCovered(cell.sites)))</a>"
                        : "<a class=\"badge warn\" href=\"\(link)\">\(lang(.siteCoverageGap(cell.schools)))</a>"
                }
        }
        let headers = [lang(.fieldCertificate)] + report.regions.map { r in r.name }
        let table = Components.table(headers: headers, rows: rows, empty: lang(.siteCoverageEmpty))
        var drill: HTML = ""
        if let certificate = req.queryText("certificate"), let region = req.queryText("region") {
            let schools = try await SiteCoverageService.schools(
                certificate: certificate, region: region, year: year, actor: actor, on: req.db)
            let sites = try await ExamSiteService.list(
                scope: .published, filter: .init(certificate: certificate, region: region), on: req.db)
            let name = report.certificates.first { $0.code == certificate }?.name ?? certificate
            let city = report.regions.first { $0.code == region }?.name ?? region
            drill = """
                <section class="panel" id="drill"><h2>\(data(city)) · \(data(name))</h2>
                <h3>\(lang(.siteCoverageSchools))</h3>
                \(Components.table(headers: [lang(.school), lang(.siteCoveragePlanned)],
                                   rows: schools.map { ["\(data($0.schoolName))\(lang.bracketed($0.school))", "\($0.planned)"] },
                                   numeric: [1], empty: lang(.noRecords)))
                <h3>\(lang(.navSites))</h3>
                \(Components.table(headers: [lang(.siteNumber), lang(.siteSchool), lang(.sitePlace), lang(.siteCapacity)],
                                   rows: sites.map { s -> [HTML] in
                                       [Access.scope(of: .sites, for: actor).contains(RecordOwner(published: true))
                                            ? "<a href=\"\(SitePath.examSite(s.id).path)\">\(s.number)</a>" : "\(s.number)",
                                        data(s.schoolName), data(s.place), "\(s.capacity)"]
                                   },
                                   numeric: [3], empty: lang(.siteCoverageNoSite)))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.siteCoverage))</h1>
            <p class="muted">\(lang(.siteCoverageIntro))</p>
            <form method="get" action="\(path)" class="toolbar">
            <label for="cov-year">\(lang(.year))</label>
            <input type="number" id="cov-year" name="year" value="\(year)" min="2000" max="2100">
            <label><input type="checkbox" name="gaps" value="1"\(gapsOnly ? HTML(raw: " checked") : "")> \(lang(.siteCoverageGapsOnly))</label>
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            \(ListTools.exports(path: path, query: [("year", "\(year)")], lang: lang))
            </form>
            <p>\(lang(.siteCoverageSummary(report.cells.count, report.gaps)))</p>
            <section class="panel"><h2>\(lang(.siteCoverageByCity))</h2>
            \(Charts.tiles(tiles, title: lang(.siteCoverageByCity)))
            \(Components.table(
                headers: [lang(.publicCity), lang(.siteCoverageCertificates), lang(.siteCoverageCoveredCount), lang(.siteCoverageGaps)],
                rows: report.cities.map { c -> [HTML] in
                    ["<span id=\"city-\(c.region)\">\(data(c.name))</span>", "\(c.certificates)", "\(c.covered)", "\(c.gaps)"]
                },
                numeric: [1, 2, 3], empty: lang(.siteCoverageEmpty)))
            </section>
            \(drill)
            <section class="panel"><h2>\(lang(.siteCoverageMatrix))</h2>
            <div class="wide">\(table)</div>
            </section>
            """
        return try await Layout.page(
            req: req, title: lang(.siteCoverage),
            crumbs: [.init(title: lang(.navSites), path: .examSites), .init(title: lang(.siteCoverage))],
            body: body
        ).encodeResponse(for: req)
    }

    static func export(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .plans)
        let year = try SitesAPI.year(req)
        let report = try await SiteCoverageService.report(year: year, actor: actor, on: req.db)
        let certificate = Dictionary(uniqueKeysWithValues: report.certificates.map { ($0.code, $0.name) })
        let region = Dictionary(uniqueKeysWithValues: report.regions.map { ($0.code, $0.name) })
        let header = [
            lang(.fieldCertificate), lang(.publicCertificateName), lang(.publicCity),
            lang(.siteCoverageSchoolsCount),
            lang(.siteCoverageSitesCount), lang(.siteCoverageCoveredColumn),
        ]
        let rows = report.cells.map { c in
            [
                c.certificate, certificate[c.certificate] ?? "", region[c.region] ?? c.region, "\(c.schools)",
                "\(c.sites)", lang(c.covered ? .yes : .no),
            ]
        }
        return Download.file([header] + rows, name: "考核站点覆盖-\(year)", format: format)
    }
}
