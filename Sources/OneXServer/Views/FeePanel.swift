import OneXDomain
import Vapor

/// The fee figures of a dashboard (AH38-1, AH38-2): what is payable, confirmed, owed and overdue
/// in the dashboard's scope, the settlement rate, the province's fee-standard coverage, and the
/// totals one level down (cities and organisations for the province, schools for a city,
/// organisations for a school, cities for an organisation), each leading to the arrears behind it.
/// Money is counted over every exam so far, whatever the dashboard's year.
enum FeePanel {
    struct Figures {
        var total: ArrearsService.Total
        var groups: [(title: UIText, key: String, totals: [ArrearsService.Total])]
        var coverage: FeeCoverageService.Coverage?
        /// The arrears page for the whole scope, and the filter that selects it.
        var filter: [String: String]
    }

    static func load(_ req: Request, scope: IndicatorService.Scope) async throws -> Figures? {
        let actor = try req.actor()
        guard Access.scope(of: .payments, for: actor) != .none else { return nil }
        var filter: [String: String] = [:]
        var levels: [(UIText, String, ArrearsService.Grouping)] = []
        switch scope {
        case .province:
            levels = [
                (.arrearsByRegion, "region", .region),
                (.arrearsByOrganization, "organization", .organization),
            ]
        case .region(let code):
            filter["region"] = code
            levels = [(.arrearsBySchool, "school", .school)]
        case .school(let code):
            filter["school"] = code
            levels = [(.arrearsByOrganization, "organization", .organization)]
        case .organization(let code):
            filter["organization"] = code
            levels = [(.arrearsByRegion, "region", .region)]
        case .certificate:
            // Schools pay organisations, not certificates: no fee figures per certificate.
            return nil
        }
        let today = LocalDate(req.now)
        let sums = try await ArrearsService.summed(
            actor: actor, school: filter["school"], organization: filter["organization"],
            region: filter["region"], by: levels.map { $0.2 }, today: today, on: req.db)
        let coverage =
            scope == .province && Access.scope(of: .feeStandards, for: actor) == .all
            ? try await FeeCoverageService.coverage(actor: actor, today: today, on: req.db) : nil
        return Figures(
            total: sums.total,
            groups: zip(levels, sums.groups).map { ($0.0.0, $0.0.1, $0.1) },
            coverage: coverage, filter: filter)
    }

    static func arrearsLink(_ filter: [String: String]) -> String {
        let pairs = filter.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return pairs.isEmpty
            ? SitePath.arrears.path : SitePath.arrears.path + "?" + pairs.joined(separator: "&")
    }

    static func section(_ f: Figures, lang: Lang) -> HTML {
        let all = arrearsLink(f.filter)
        var cards: [(String, String, String)] = [
            (lang(.arrearsPayable), Fen.displayText(f.total.payable), all),
            (lang(.arrearsSettled), Fen.displayText(f.total.settled), all),
            (lang(.arrearsOutstanding), Fen.displayText(f.total.owed), all),
            (lang(.arrearsOverdue), Fen.displayText(f.total.overdue), all),
            (lang(.settlementRate), IndicatorSet.percent(f.total.settlementRate), all),
        ]
        if let c = f.coverage {
            cards.append(
                (
                    lang(.feeCoverage),
                    IndicatorSet.percent(c.rate) + lang.bracketed("\(c.covered)/\(c.piloted)"),
                    "/fees/coverage"
                ))
        }
        let cardHTML = cards.map { c -> HTML in
            "<a class=\"card\" href=\"\(c.2)\"><span class=\"k\">\(c.0)</span><span class=\"v\">\(c.1)</span></a>"
        }
        let tables = f.groups.filter { !$0.totals.isEmpty }.map { g -> HTML in
            let table = PaymentPages.totalsTable(g.totals, lang: lang) { key in
                arrearsLink(f.filter.merging([g.key: key]) { $1 })
            }
            return "<h3>\(lang(g.title))</h3>\(table)"
        }
        return """
            <section class="panel"><h2>\(lang(.feePanelTitle))</h2>
            <p class="muted">\(lang(.feePanelIntro))</p>
            <div class="cards">\(HTML.join(cardHTML))</div>
            \(HTML.join(tables))
            </section>
            """
    }

    /// The same figures as rows of the dashboard's workbook.
    static func sheet(_ f: Figures, lang: Lang) -> [[String]] {
        var rows: [[String]] = [[], [lang(.feePanelTitle)]]
        rows.append([lang(.arrearsPayable), Fen.yuanText(f.total.payable)])
        rows.append([lang(.arrearsSettled), Fen.yuanText(f.total.settled)])
        rows.append([lang(.arrearsOutstanding), Fen.yuanText(f.total.owed)])
        rows.append([lang(.arrearsOverdue), Fen.yuanText(f.total.overdue)])
        rows.append([lang(.settlementRate), IndicatorSet.percent(f.total.settlementRate)])
        if let c = f.coverage { rows.append([lang(.feeCoverage), IndicatorSet.percent(c.rate)]) }
        for g in f.groups where !g.totals.isEmpty {
            rows.append([])
            rows.append([lang(g.title)])
            rows.append([
                lang(.code), lang(.name), lang(.arrearsPayableYuan), lang(.arrearsSettledYuan),
                lang(.arrearsOutstandingYuan), lang(.arrearsOverdueYuan), lang(.arrearsUnpriced),
                lang(.settlementRate),
            ])
            for t in g.totals {
                rows.append([
                    t.key, t.name, Fen.yuanText(t.payable), Fen.yuanText(t.settled), Fen.yuanText(t.owed),
                    Fen.yuanText(t.overdue), String(t.unpricedAttended),
                    IndicatorSet.percent(t.settlementRate),
                ])
            }
        }
        return rows
    }
}
