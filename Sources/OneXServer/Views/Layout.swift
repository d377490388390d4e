import OneXDomain
import Vapor

/// The frame of every page: header with the user's navigation, breadcrumbs, content, footer.
enum Layout {
    struct Crumb {
        var title: String
        var path: SitePath?
    }

    static func page(req: Request, title: String, crumbs: [Crumb], body: HTML) -> HTML {
        let lang = req.lang
        let user = req.currentUser
        let actor = user?.actor
        let other: Lang = lang == .zh ? .en : .zh
        let back = req.url.path + (req.url.query.map { "?" + $0 } ?? "")
        let switchHref = SitePath.language(other).path + "?back=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
        var userBox: HTML = ""
        if let user {
            userBox = """
                <div class="user"><span>\(AccountNames.label(name: user.name, unit: user.unitName, role: user.actor.role, lang: lang))</span>
                <form method="post" action="\(SitePath.logout.path)" class="inline"><input type="hidden" name="_csrf" value="\(CSRF.token(for: req))"><button type="submit" class="link">\(lang(.logout))</button></form></div>
                """
        }
        let crumbHTML: HTML = crumbs.isEmpty ? "" : """
            <nav class="crumbs" aria-label="breadcrumb"><a href="\(SitePath.home.path)">\(lang(.navHome))</a>\(HTML.join(crumbs.map { c in
                if let p = c.path { return " › <a href=\"\(p.path)\">\(c.title)</a>" }
                return " › <span>\(c.title)</span>"
            }))</nav>
            """
        return """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(lang(.appName))</title>
            <link rel="stylesheet" href="\(SitePath.stylesheet.path)">
            </head>
            <body>
            <a class="skip" href="#main">\(lang(.skipToContent))</a>
            <header class="top">
            <div class="brand"><a href="\(SitePath.home.path)">\(lang(.appName))</a></div>
            <div class="tools"><a class="lang" href="\(switchHref)" lang="\(other == .zh ? "zh-CN" : "en")">\(lang(.switchLanguage))</a>\(userBox)</div>
            </header>
            <div class="frame">
            \(actor.map { navigation(for: $0, lang: lang, current: req.url.path, unread: req.unreadNotices) } ?? "")
            <main id="main">
            \(crumbHTML)
            \(body)
            </main>
            </div>
            <footer>OneX · \(lang(.appName))</footer>
            </body>
            </html>
            """
    }

    struct NavItem {
        var title: UIText
        var path: SitePath
    }

    static func items(for actor: Actor) -> [NavItem] {
        var items = [NavItem(title: .navHome, path: .home)]
        for kind in Access.navigation(for: actor) {
            var title = kind.title
            switch (kind, actor.role) {
            case (.schools, .school): title = .navMySchool
            case (.schools, .cityReviewer): title = .navMyRegion
            case (.certificates, .organization): title = .navMyCertificates
            default: break
            }
            items.append(NavItem(title: title, path: .list(kind)))
        }
        // The menu asks the access policy, as the pages behind it do.
        func reads(_ kind: RecordKind) -> Bool { Access.scope(of: kind, for: actor) != .none }
        var work: [NavItem] = []
        if reads(.indicators) { work.append(NavItem(title: .navDashboard, path: .dashboard)) }
        if reads(.applications) {
            work.append(NavItem(title: Access.may(.create, .applications, actor) ? .navApplications : .navReviews, path: .applications))
        }
        if reads(.plans) { work.append(NavItem(title: .navPlans, path: .plans)) }
        if reads(.examSessions) { work.append(NavItem(title: .navExams, path: .exams)) }
        if reads(.feeStandards) { work.append(NavItem(title: .navFeeStandards, path: .feeStandards)) }
        if reads(.payments) { work.append(NavItem(title: .navPayments, path: .payments)) }
        if reads(.reports) { work.append(NavItem(title: .navReports, path: .reports)) }
        if reads(.ledgerItems) { work.append(NavItem(title: .navLedger, path: .ledger)) }
        if reads(.sites) { work.append(NavItem(title: .navSites, path: .examSites)) }
        if reads(.trainingParticipants) { work.append(NavItem(title: .navTraining, path: .training)) }
        if reads(.workloads) { work.append(NavItem(title: .navWorkload, path: .workload)) }
        if reads(.filings) { work.append(NavItem(title: .navFilings, path: .filings)) }
        if reads(.certificateDecisions) { work.append(NavItem(title: .navDecisions, path: .certificateDecisions)) }
        if reads(.complaints) { work.append(NavItem(title: .navComplaints, path: .complaints)) }
        switch Access.scope(of: .bulletins, for: actor) {
        case .all, .region: work.append(NavItem(title: .navMonitoring, path: .monitoring))
        default: break
        }
        items.insert(contentsOf: work, at: 1)
        items.append(NavItem(title: .navNotices, path: .notices))
        if Access.may(.importFile, .schools, actor) { items.append(NavItem(title: .navImports, path: .imports)) }
        if Access.scope(of: .users, for: actor) != .none { items.append(NavItem(title: .navUsers, path: .users)) }
        // Every role works by the policy in force: its windows and rules are everyone's to read.
        items.append(NavItem(title: .navPolicy, path: .policy))
        if Access.readsAuditLog(actor) {
            items.append(NavItem(title: .navAudit, path: .audit))
        }
        return items
    }

    static func navigation(for actor: Actor, lang: Lang, current: String, unread: Int = 0) -> HTML {
        let links = items(for: actor).map { item -> HTML in
            let p = item.path.path
            let active = p == "/" ? current == "/" : current.hasPrefix(p)
            let badge: HTML = item.path == .notices && unread > 0
                ? " <span class=\"badge\" title=\"\(lang(.unreadNotices))\">\(String(unread))</span>" : ""
            return "<li><a href=\"\(p)\"\(active ? HTML(raw: " aria-current=\"page\"") : "")>\(lang(item.title))\(badge)</a></li>"
        }
        return "<nav class=\"side\" aria-label=\"main\"><ul>\(links)</ul></nav>"
    }
}
