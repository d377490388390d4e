import Fluent
import OneXDomain
import Vapor

/// The web pages of the application flow: a school's applications and its editor with live
/// rule checks; a reviewer's queue with filters and the decision form.
enum ApplicationPages {
    static let editorRows = 8

    static func register(on web: any RoutesBuilder) {
        web.get("applications") { req in try await list(req) }
        web.get("applications", "new") { req in
            _ = try req.actor(may: .create, .applications)
            return try await editor(req, row: nil, year: LocalDate(req.now).year, lines: [], errors: [])
        }
        web.post("applications", "new") { req in try await saveDraft(req, existing: nil) }
        web.get("applications", ":id") { req in try await detail(req, notice: nil) }
        web.get("applications", ":id", "edit") { req in
            let actor = try req.actor(may: .update, .applications)
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
            return try await editor(req, row: row, year: row.year, lines: row.domainLines, errors: [])
        }
        web.get("applications", ":id", "forms", ":name") { req in
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: try req.actor(), on: req.db)
            return try await FormsPage.render(row, name: try req.parameters.require("name"), req: req)
        }
        web.post("applications", ":id", "edit") { req in
            let actor = try req.actor(may: .update, .applications)
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
            return try await saveDraft(req, existing: row)
        }
        web.post("applications", ":id", "delete") { req in
            try await schoolAction(req, ApplicationService.delete) { _ in SitePath.applications.path }
        }
        web.post("applications", ":id", "withdraw") { req in
            try await schoolAction(req, ApplicationService.withdraw) { SitePath.application(try $0.requireID()).path }
        }
        web.post("applications", ":id", "submit") { req in
            let actor = try req.actor(may: .update, .applications)
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
            do {
                _ = try await ApplicationService.submit(row, actor: actor, now: req.now, on: req.db)
            } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
                return try await detail(req, notice: Components.alert(html: Components.inChinese(e.detail, on: req.lang)), status: e.status)
            }
            return req.redirect(local: SitePath.application(try row.requireID()).path)
        }
        web.post("applications", ":id", "review") { req in
            let actor = try req.actor(may: .review, .applications)
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
            struct Form: Content {
                var decision: String?
                var comment: String?
            }
            let form = try req.content.decode(Form.self)
            // After a refusal the reviewer finds the decision and comment as entered.
            let entered = ReviewEntry(decision: form.decision ?? "", comment: form.comment ?? "")
            guard let decision = ApplicationService.Decision(rawValue: entered.decision) else {
                return try await detail(req, notice: Components.alert(req.lang(.chooseDecision)), status: .unprocessableEntity,
                                        entered: entered)
            }
            do {
                _ = try await ApplicationService.review(row, input: .init(decision: decision, comment: form.comment),
                                                        actor: actor, now: req.now, on: req.db)
            } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
                let message = e.errors.first?.message ?? e.detail
                return try await detail(req, notice: Components.alert(message), status: e.status, entered: entered)
            }
            return req.redirect(local: SitePath.application(try row.requireID()).path)
        }
        web.form("applications", ":id", "attachments", maxSize: "20mb") { req in
            let actor = try req.actor(may: .create, .attachments)
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
            struct Form: Content {
                var purpose: String
                var line: String?
                var file: File?
            }
            let form = try req.content.decode(Form.self)
            guard let file = form.file, file.data.readableBytes > 0 else {
                return try await detail(req, notice: Components.alert(req.lang(.noFile)), status: .unprocessableEntity)
            }
            do {
                try await AttachmentService.store(row, purpose: form.purpose, line: form.line.flatMap { Int($0) }, file: file,
                                                  actor: actor, now: req.now, on: req.db)
            } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
                let message: HTML =
                    e.errors.isEmpty ? Components.inChinese(e.detail, on: req.lang) : Components.messages(e.errors, on: req.lang)
                return try await detail(req, notice: Components.alert(html: message), status: e.status)
            }
            return req.redirect(local: SitePath.application(try row.requireID()).path)
        }
        web.get("applications", ":id", "attachments", ":attachment") { req -> Response in
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: try req.actor(), on: req.db)
            let a = try await AttachmentService.find(try req.parameters.require("attachment"), of: row, on: req.db)
            return Response(status: .ok, headers: SafeHeaders.download(contentType: a.contentType, filename: a.filename),
                            body: .init(data: a.data))
        }
        web.post("applications", ":id", "attachments", ":attachment", "delete") { req -> Response in
            let actor = try req.actor(may: .create, .attachments)
            let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
            let a = try await AttachmentService.find(try req.parameters.require("attachment"), of: row, on: req.db)
            do {
                try await AttachmentService.remove(a, of: row, actor: actor, now: req.now, on: req.db)
            } catch let e as AppError where e.status == .conflict {
                return try await detail(req, notice: Components.alert(html: Components.inChinese(e.detail, on: req.lang)), status: e.status)
            }
            return req.redirect(local: SitePath.application(try row.requireID()).path)
        }
        web.get("notices") { req in
            let lang = req.lang
            guard let user = req.currentUser else { throw AppError.unauthorized }
            let notices = try await NoticeService.list(for: user.actor, limit: 100, on: req.db)
            // The ones new since the last visit stand out once; opening the page reads them all.
            let seen = try await User.query(on: req.db).filter(\.$id == user.id).first()?.noticesSeenAt
            try await NoticeService.markSeen(userID: user.id, now: req.now, on: req.db)
            req.unreadNotices = 0
            let rows = notices.map { n -> [HTML] in
                let new: HTML = seen.map { n.createdAt > $0 } ?? true ? " <span class=\"badge\">\(lang(.newNotice))</span>" : ""
                // Notices are written once, in Chinese: marked as such on an English page.
                let title = Components.inChinese(n.title, on: lang), text = Components.inChinese(n.body, on: lang)
                return [n.link.map { "<a href=\"\($0)\">\(title)</a>\(new)" } ?? "\(title)\(new)", text,
                        "\(Shanghai.minuteText(n.createdAt))"]
            }
            let body: HTML = """
                <h1>\(lang(.navNotices))</h1>
                \(Components.table(headers: [lang(.noticeTitle), lang(.noticeBody), lang(.auditTime)], rows: rows, empty: lang(.noRecords)))
                """
            return Layout.page(req: req, title: lang(.navNotices), crumbs: [.init(title: lang(.navNotices))], body: body)
        }
    }

    static func statusText(_ s: ApplicationStatus, _ lang: Lang) -> String {
        lang(s)
    }

    /// A school's bodyless action on its application; a refusal stays on the application's page.
    static func schoolAction(_ req: Request, _ act: (ApplicationRow, Actor, Date, any Database) async throws -> Void,
                             then next: (ApplicationRow) throws -> String) async throws -> Response {
        let actor = try req.actor(may: .update, .applications)
        let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
        do {
            try await act(row, actor, req.now, req.db)
        } catch let e as AppError where e.status == .conflict {
            return try await detail(req, notice: Components.alert(e.detail), status: e.status)
        }
        return req.redirect(local: try next(row))
    }

    /// A returned draft reads 已退回修改 with its deadline, never 草稿.
    static func statusText(_ row: ApplicationRow, _ lang: Lang) throws -> String {
        guard try row.statusValue == .draft, let correction = try row.correction else { return statusText(try row.statusValue, lang) }
        return lang(.returnedStatus) + lang.bracketed("\(lang(.resubmitBy)) \(dayText(correction.due, lang))")
    }

    /// The batch an application belongs to: its window's name, or an increase filed at any time.
    static func batchText(_ row: ApplicationRow, _ lang: Lang) -> String {
        if let w = row.windowName { return w }
        return row.number == nil ? "—" : lang(.anyTimeIncrease)
    }

    /// Certificates by name for the codes the lines name (an unknown code stays a code: the
    /// rule check says it is not in the catalog).
    static func certificateNames(_ codes: Set<String>, on db: any Database) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        let certs = try await Certificate.query(on: db).filter(\.$code ~~ Array(codes)).all()
        return Dictionary(certs.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// 12.3 KB, 4.5 MB: as people read file sizes.
    static func sizeText(_ bytes: Int) -> String {
        bytes < 1024 * 1024 ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }

    static func dayText(_ day: LocalDate, _ lang: Lang) -> String {
        lang(day)
    }

    static func list(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor()
        guard let q = ApplicationService.scoped(for: actor, on: req.db) else { throw AppError.forbidden }
        let status = (try? req.query.get(String.self, at: "status")).flatMap { ApplicationStatus(rawValue: $0) }
        let year = try req.queryYear()
        let kind = (try? req.query.get(String.self, at: "kind")).flatMap { SchoolKind(rawValue: $0) }
        if let status { q.filter(\.$status == status.rawValue) }
        if let year { q.filter(\.$year == year) }
        if let kind { q.filter(School.self, \.$kind == kind.rawValue) }
        let regionCode = req.queryText("region")
        if let regionCode {
            let regionID = try await CodeResolver(req.db).id(.regions, regionCode) ?? UUID()
            q.filter(School.self, \.$region.$id == regionID)
        }
        let certificate = req.queryText("certificate")
        if let certificate {
            let ids = try await ApplicationLineRow.query(on: req.db).filter(\.$certificateCode == certificate).all(\.$application.$id)
            q.filter(\.$id ~~ Array(Set(ids)))
        }
        let paging = try Paging(req, defaultLimit: 20)
        let onlyWithViolations = (try? req.query.get(String.self, at: "violations")) == "1"
        var (rows, total) = try await q.with(\.$school).with(\.$lines).sort(\.$updatedAt, .descending)
            .page(limit: onlyWithViolations ? 1000 : paging.limit, offset: onlyWithViolations ? 0 : paging.offset)
        // Drafts are checked live against the current policy; submitted ones passed every rule
        // of their own policy version when they were submitted.
        var counts: [UUID: Int] = [:]
        for r in rows where try r.statusValue == .draft {
            counts[try r.requireID()] = try await ApplicationService.violations(of: r, now: req.now, on: req.db).count
        }
        if onlyWithViolations {
            rows = try rows.filter { (counts[try $0.requireID()] ?? 0) > 0 }
            total = rows.count
            rows = Array(rows.dropFirst(paging.offset).prefix(paging.limit))
        }
        let names = try await certificateNames(Set(try rows.flatMap { try $0.domainLines.map(\.certificate) }), on: req.db)
        let table = try rows.map { r -> [HTML] in
            let lines = try r.domainLines
            let n = counts[try r.requireID()] ?? 0
            return ["<a href=\"\(SitePath.application(try r.requireID()).path)\">\(r.number ?? lang(.draftNoNumber))</a>", "\(r.school.name)",
                    "\(r.year)", "\(batchText(r, lang))", "\(try statusText(r, lang))",
                    "\(lines.map { "\(lang($0.kind))\(names[$0.certificate] ?? $0.certificate)×\($0.count)" }.joined(separator: "，"))",
                    n > 0 ? "<span class=\"error\">\(n)</span>" : "", "\(r.submittedAt.map(Shanghai.minuteText) ?? "—")"]
        }
        let statusOptions = ([("", lang(.allStatuses))] + ApplicationStatus.allCases.map { ($0.rawValue, statusText($0, lang)) })
            .map { v, l -> HTML in "<option value=\"\(v)\"\(v == (status?.rawValue ?? "") ? HTML(raw: " selected") : "")>\(l)</option>" }
        let kindOptions = ([("", "—")] + SchoolKind.allCases.map { ($0.rawValue, lang($0)) })
            .map { v, l -> HTML in "<option value=\"\(v)\"\(v == (kind?.rawValue ?? "") ? HTML(raw: " selected") : "")>\(l)</option>" }
        let newButton: HTML = actor.role == .school
            ? "<a class=\"btn\" href=\"\(SitePath.newApplication.path)\">\(lang(.newApplication))</a>" : ""
        let regionBox: HTML = actor.role == .school || actor.role == .cityReviewer ? ""
            : CodePicker.input("region", value: regionCode ?? "", options: try await CodePicker.options(RegionStore.self, actor: actor, on: req.db),
                               placeholder: lang(.fieldRegion))
        let certificateOptions = try await CodePicker.options(CertificateStore.self, actor: actor, on: req.db)
        let title = lang(actor.role == .school ? .navApplications : .navReviews)
        let body: HTML = """
            <h1>\(title)</h1>
            <form method="get" action="\(SitePath.applications.path)" class="toolbar">
            <select name="status" aria-label="\(lang(.status))">\(statusOptions)</select>
            <input type="number" name="year" value="\(year.map(String.init) ?? "")" placeholder="\(lang(.year))" aria-label="\(lang(.year))">
            <select name="kind" aria-label="\(lang(.fieldSchoolKind))">\(kindOptions)</select>
            \(regionBox)
            \(CodePicker.input("certificate", value: certificate ?? "", options: certificateOptions, placeholder: lang(.fieldCertificate)))
            <label><input type="checkbox" name="violations" value="1"\(onlyWithViolations ? HTML(raw: " checked") : "")> \(lang(.hasViolations))</label>
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            <span class="spacer"></span>\(newButton)
            </form>
            \(Components.table(headers: [lang(.applicationNumber), lang(.school), lang(.year), lang(.batch), lang(.status), lang(.lines),
                                         lang(.violations), lang(.submittedAt)], rows: table,
                               empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.applications.path,
                               query: [("status", status?.rawValue ?? ""), ("year", year.map(String.init) ?? ""),
                                       ("kind", kind?.rawValue ?? ""), ("region", regionCode ?? ""),
                                       ("certificate", certificate ?? ""), ("violations", onlyWithViolations ? "1" : "")], lang: lang))
            """
        return Layout.page(req: req, title: title, crumbs: [.init(title: title)], body: body)
    }

    /// The lines table as a form: existing lines first, then empty rows to add more.
    static func editor(_ req: Request, row: ApplicationRow?, year: Int, lines: [ApplicationLine], errors: [FieldError],
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = req.lang
        let certs = try await Certificate.query(on: req.db).sort(\.$code).all()
        func select(_ name: String, _ options: [(String, String)], _ value: String) -> HTML {
            let opts = ([("", "—")] + options).map { v, l -> HTML in
                "<option value=\"\(v)\"\(v == value ? HTML(raw: " selected") : "")>\(l)</option>"
            }
            return "<select name=\"\(name)\" aria-label=\"\(name)\">\(opts)</select>"
        }
        let rows = (0..<max(editorRows, lines.count + 2)).map { i -> [HTML] in
            let l = i < lines.count ? lines[i] : nil
            let n = i + 1
            return [HTML(raw: String(n)),
                    select("certificate\(n)", certs.map { ($0.code, "\($0.code) \($0.name)") }, l?.certificate ?? ""),
                    select("level\(n)", Level.allCases.map { ($0.rawValue, lang($0)) }, l?.level.rawValue ?? ""),
                    select("kind\(n)", LineKind.allCases.map { ($0.rawValue, lang($0)) }, l?.kind.rawValue ?? ""),
                    "<input type=\"number\" name=\"count\(n)\" min=\"1\" value=\"\(l.map { String($0.count) } ?? "")\" aria-label=\"count\(n)\">",
                    HTML.join([select("reason\(n)", DecreaseReason.allCases.map { ($0.rawValue, lang($0)) },
                                      l?.kind == .decrease ? l?.reason ?? "" : ""),
                               "<input type=\"text\" name=\"note\(n)\" maxlength=\"200\" value=\"\(l?.kind == .increase ? l?.reason ?? "" : "")\" placeholder=\"\(lang(.increaseReason))\" aria-label=\"\(lang(.increaseReason)) \(n)\">"])]
        }
        let action = try row.map { SitePath.applicationAction(try $0.requireID(), "edit").path } ?? SitePath.newApplication.path
        let title = lang(row == nil ? .newApplication : .edit)
        let body: HTML = """
            <h1>\(title)</h1>
            \(errors.isEmpty ? "" : Components.alert(html: Components.messages(errors, on: lang)))
            <form method="post" action="\(action)">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <p><label>\(lang(.year)) <input type="number" name="year" value="\(year)" min="2019" max="2100" required></label></p>
            \(Components.table(headers: ["#", lang(.fieldCertificate), lang(.level), lang(.lineKind), lang(.count), lang(.reasonColumn)],
                               rows: rows, empty: ""))
            <p class="muted">\(lang(.emptyLinesHint))</p>
            <p><button type="submit" class="btn">\(lang(.saveDraft))</button>
            <a class="btn secondary" href="\(try row.map { SitePath.application(try $0.requireID()).path } ?? SitePath.applications.path)">\(lang(.cancel))</a></p>
            </form>
            """
        let page = Layout.page(req: req, title: title, crumbs: [.init(title: lang(.navApplications), path: .applications), .init(title: title)],
                               body: body)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    static func saveDraft(_ req: Request, existing: ApplicationRow?) async throws -> Response {
        let actor = try req.actor(may: .update, .applications)
        var values = try req.content.decode([String: String].self)
        values["_csrf"] = nil
        let year = Int(values["year"] ?? "").flatMap { Limits.year.contains($0) ? $0 : nil } ?? LocalDate(req.now).year
        var lines: [ApplicationLine] = []
        var errors: [FieldError] = []
        for n in 1...50 {
            let cert = values["certificate\(n)"] ?? "", level = values["level\(n)"] ?? "", kind = values["kind\(n)"] ?? ""
            let count = values["count\(n)"] ?? ""
            if cert.isEmpty && level.isEmpty && kind.isEmpty && count.isEmpty { continue }
            guard let lv = Level(rawValue: level), let k = LineKind(rawValue: kind), let c = Int(count), !cert.isEmpty else {
                errors.append(FieldError(code: "invalid", message: "第\(n)行：证书、等级、类型和人数都须填写", line: n))
                continue
            }
            // A decrease names one of the policy's reasons; an increase says why in its own words.
            let picked = k == .increase ? values["note\(n)"]?.trimmingCharacters(in: .whitespaces) : k == .decrease ? values["reason\(n)"] : nil
            let reason = picked.flatMap { $0.isEmpty ? nil : $0 }
            lines.append(ApplicationLine(certificate: cert, level: lv, kind: k, count: c, reason: reason))
        }
        if !errors.isEmpty {
            return try await editor(req, row: existing, year: year, lines: lines, errors: errors, status: .unprocessableEntity)
        }
        do {
            let row = try await ApplicationService.saveDraft(.init(year: year, lines: lines), existing: existing, actor: actor,
                                                             now: req.now, on: req.db)
            return req.redirect(local: SitePath.application(try row.requireID()).path)
        } catch let e as AppError where !e.errors.isEmpty {
            return try await editor(req, row: existing, year: year, lines: lines, errors: e.errors, status: .unprocessableEntity)
        }
    }

    /// A review decision and comment as the reviewer entered them.
    struct ReviewEntry {
        var decision: String
        var comment: String
    }

    static func detail(_ req: Request, notice: HTML?, status: HTTPResponseStatus = .ok,
                       entered: ReviewEntry? = nil) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor()
        let row = try await ApplicationService.find(try ApplicationsAPI.id(req), actor: actor, on: req.db)
        let isDraft = try row.statusValue == .draft
        let violations = isDraft ? try await ApplicationService.violations(of: row, now: req.now, on: req.db) : []
        let body = try await ApplicationService.body(row, violations: violations, on: req.db)
        let names = try await certificateNames(Set(body.lines.map(\.certificate)), on: req.db)
        let lineRows = body.lines.enumerated().map { i, l -> [HTML] in
            let v = violations.filter { $0.line == i + 1 }.map { lang.pick($0.message, $0.english) }.joined(separator: lang.semicolon)
            return [HTML(raw: String(i + 1)), "\(names[l.certificate].map { $0 + lang.bracketed(l.certificate) } ?? l.certificate)", "\(lang(l.level))",
                    "\(lang(l.kind))", HTML(raw: String(l.count)),
                    "\(l.reason.map { r in DecreaseReason(rawValue: r).map { lang($0) } ?? r } ?? "")",
                    v.isEmpty ? "" : "<span class=\"error\">\(v)</span>"]
        }
        var returned: HTML = ""
        if isDraft, let correction = body.correction {
            let lastComment = body.reviews.last.map { "\(lang(.comment))\(lang.colon)\($0.comment)" } ?? ""
            returned = Components.alert("\(lang(.returnedNotice))\(dayText(correction.due, lang))。\(lastComment)")
        }
        var check: HTML = ""
        if isDraft {
            let general: [HTML] = violations.filter { $0.line == nil }.map { "\(lang.pick($0.message, $0.english))" }
            check = violations.isEmpty ? Components.alert(lang(.noViolations), ok: true)
                : Components.alert(html: HTML.join((general + ["\(lang(.violations))\(lang.colon)\(violations.count)"]).map { "\($0)\(lang.semicolon)" }))
        }
        let csrf = CSRF.token(for: req)
        var actions: HTML = ""
        if isDraft && actor.role == .school {
            let deletable = row.submittedAt == nil && row.number == nil
            let delete: HTML = deletable ? """
                <form method="post" action="\(SitePath.applicationAction(try row.requireID(), "delete").path)" class="inline">
                <input type="hidden" name="_csrf" value="\(csrf)"><button type="submit" class="btn danger">\(lang(.deleteDraft))</button></form>
                """ : ""
            actions = """
                <h2>\(lang(.edit))</h2>
                <p><a class="btn secondary" href="\(SitePath.applicationAction(try row.requireID(), "edit").path)">\(lang(.edit))</a>
                <form method="post" action="\(SitePath.applicationAction(try row.requireID(), "submit").path)" class="inline">
                <input type="hidden" name="_csrf" value="\(csrf)"><button type="submit" class="btn">\(lang(.submit))</button></form>
                \(delete)</p>
                <h2>\(lang(.attachments))</h2>
                <form method="post" action="\(SitePath.applicationAction(try row.requireID(), "attachments").path)" enctype="multipart/form-data" class="toolbar">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <select name="purpose" aria-label="\(lang(.purpose))">\(HTML.join(AttachmentPurpose.allCases.map { p -> HTML in
                    "<option value=\"\(p.rawValue)\">\(lang(p))</option>"
                }))</select>
                <input type="number" name="line" min="1" placeholder="\(lang(.lineNumber))" aria-label="\(lang(.lineNumber))">
                <input type="file" name="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-label="\(lang(.importFile))">
                <button type="submit" class="btn secondary">\(lang(.upload))</button></form>
                <p class="muted">\(lang(.attachmentRule))</p>
                """
        }
        let inReview = [ApplicationStatus.cityReview, .provinceReview].contains(try row.statusValue)
        if actor.role == .school && inReview && body.reviews.isEmpty {
            actions = """
                <form method="post" action="\(SitePath.applicationAction(try row.requireID(), "withdraw").path)" class="inline">
                <input type="hidden" name="_csrf" value="\(csrf)"><button type="submit" class="btn secondary">\(lang(.withdraw))</button>
                <span class="muted">\(lang(.withdrawHint))</span></form>
                """
        }
        let reviewerStage: Bool = switch (actor.role, try row.statusValue) {
        case (.cityReviewer, .cityReview), (.provinceReviewer, .provinceReview), (.provinceAdmin, .provinceReview): true
        default: false
        }
        if reviewerStage {
            let due = try await ApplicationService.correctionDueIfReturned(row, now: req.now, on: req.db)
            let deadline = due.map { "\(lang(.returnDeadlineHint))\(dayText($0, lang))" } ?? lang(.returnNoDeadline)
            actions = """
                <h2>\(lang(.decision))</h2>
                <form method="post" action="\(SitePath.applicationAction(try row.requireID(), "review").path)" class="stack">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <div class="field"><label for="decision">\(lang(.decision))</label><select id="decision" name="decision" required>
                <option value=""\(entered == nil || decisionOptions.allSatisfy { $0.0 != entered?.decision } ? " selected" : "")>\(lang(.chooseDecision))</option>
                \(HTML.join(decisionOptions.map { value, text -> HTML in
                    "<option value=\"\(value)\"\(entered?.decision == value ? " selected" : "")>\(lang(text))</option>"
                }))</select></div>
                <div class="field"><label for="comment">\(lang(.comment))</label>
                <textarea id="comment" name="comment" rows="4">\(entered?.comment ?? "")</textarea></div>
                <p class="muted" id="return-deadline">\(deadline)</p>
                <div class="field"><button type="submit" class="btn">\(lang(.submitReview))</button></div>
                </form>
                """
        }
        let reviewers = try await AccountNames.labels(Set(body.reviews.map(\.reviewer)), lang: lang, on: req.db)
        let reviews = body.reviews.map { r -> [HTML] in
            ["\(ApplicationStatus(rawValue: r.stage).map { statusText($0, lang) } ?? r.stage)",
             "\(decisionOptions.first { $0.0 == r.decision }.map { lang($0.1) } ?? r.decision)", "\(reviewers[r.reviewer] ?? r.reviewer)",
             "\(r.comment)", "\(Shanghai.minuteText(r.at))"]
        }
        let removable = isDraft && actor.role == .school
        let files = try body.attachments.map { a -> [HTML] in
            let path = "\(SitePath.applicationAction(try row.requireID(), "attachments").path)/\(a.id.uuidString)"
            let purpose = AttachmentPurpose(rawValue: a.purpose).map { lang($0) } ?? a.purpose
            let remove: HTML = removable ? """
                <form method="post" action="\(path)/delete" class="inline"><input type="hidden" name="_csrf" value="\(csrf)">
                <button type="submit" class="link danger">\(lang(.remove))</button></form>
                """ : ""
            return ["\(purpose)", "\(a.line.map(String.init) ?? "")", "<a href=\"\(path)\" translate=\"no\">\(a.filename)</a>",
                    "\(Self.sizeText(a.size))", "<code>\(String(a.sha256.prefix(16)))</code>", remove]
        }
        let formLinks = try FormsCatalogue.names(for: try await PolicyVersion.current(on: req.db)?.policy(),
                                                 kinds: Set(body.lines.map(\.kind))).map { name -> HTML in
            " <a class=\"btn secondary\" href=\"\(SitePath.applicationForm(try row.requireID(), name).path)\" lang=\"zh-CN\">\(FormsCatalogue.title(name))</a>"
        }
        let school = try await row.$school.get(on: req.db)
        let title = "\(school.name) · \(row.year)"
        let html: HTML = """
            <h1>\(title)</h1>
            \(notice ?? "")
            \(Components.facts([(lang(.applicationNumber), row.number ?? lang(.draftNoNumber)), (lang(.batch), batchText(row, lang)),
                                (lang(.status), try statusText(row, lang)), (lang(.policyVersionUsed), row.policyVersion.map(String.init) ?? "—"),
                                (lang(.submittedAt), row.submittedAt.map(Shanghai.minuteText) ?? "—")]))
            \(returned)
            <h2>\(lang(.lines))</h2>
            \(check)
            \(Components.table(headers: ["#", lang(.fieldCertificate), lang(.level), lang(.lineKind), lang(.count), lang(.reasonColumn),
                                         lang(.violations)], rows: lineRows, numeric: [0, 4], empty: lang(.noRecords)))
            <p>\(lang(.printForms))\(lang.colon)\(formLinks)</p>
            \(actions)
            <h2>\(lang(.attachments))</h2>
            \(Components.table(headers: [lang(.purpose), lang(.lineNumber), lang(.importFile), lang(.fileSize), "SHA-256", ""], rows: files,
                               empty: lang(.noRecords)))
            <h2>\(lang(.reviewsTitle))</h2>
            \(Components.table(headers: [lang(.stage), lang(.decision), lang(.auditActor), lang(.comment), lang(.auditTime)], rows: reviews,
                               empty: lang(.noRecords)))
            """
        let page = Layout.page(req: req, title: title, crumbs: [.init(title: lang(.navApplications), path: .applications), .init(title: title)],
                               body: html)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    /// The review decisions in the order the form offers them, with their labels.
    static let decisionOptions: [(String, UIText)] = [
        (ApplicationService.Decision.approve.rawValue, .approve), (ApplicationService.Decision.return.rawValue, .returnForChanges),
        (ApplicationService.Decision.reject.rawValue, .reject),
    ]
}
