import OneXDomain
import Vapor

/// One rectification item: its four lists, the live figure of a linked item, its whole history
/// (kept after closure, AH38-4), and the forms of what the reader may do next. A refused form
/// comes back with what was typed and the reason beside it.
enum LedgerItemPage {
    /// What a form on the page does: an entry kind or a closure step.
    static let actions = ["progress", "person"] + RectificationStep.allCases.map(\.rawValue)

    static func register(on web: any RoutesBuilder) {
        web.get("ledger", ":id") { req in
            try await page(req, failed: nil, values: [:], errors: [], status: .ok)
        }
        web.form("ledger", ":id", ":action", maxSize: "20mb") { req in try await act(req) }
        web.get("ledger", ":id", "entries", ":entry", "file") { req in
            try await RectificationAPI.download(req)
        }
    }

    static func page(
        _ req: Request, failed: String?, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .ledgerItems)
        let id = try FeesAPI.id(req)
        let today = LocalDate(req.now)
        let row = try await RectificationService.visibleRow(id, actor: actor, on: req.db)
        let item = try await RectificationService.item(of: row, today: today, on: req.db)
        let figure = try await RectificationFigures.figure(of: row, today: today, on: req.db)
        let path = SitePath.ledgerItem(id).path
        let route: String = [
            lang(.ledgerRouteApply),
            item.cityConfirms ? lang(.ledgerRouteCity) : nil,
            lang(item.closedBy) + lang(.ledgerRouteClose),
        ].compactMap { $0 }.joined(separator: " → ")
        let data = Components.userText
        var facts: [(String, HTML)] = [
            (lang(.ledgerNumber), "\(item.number)"), (lang(.ledgerCategory), "\(lang(item.category))"),
            (lang(.ledgerProblem), data(item.problem)), (lang(.ledgerTask), data(item.task)),
            (
                lang(.ledgerResponsible),
                "\(data(item.responsibleName))\(lang.bracketed(lang(item.responsibleKind)))"
            ),
            (
                lang(.ledgerPerson),
                item.person == nil
                    ? "<span class=\"muted\">\(lang(.ledgerPersonMissing))</span>"
                    : data([item.person, item.phone].compactMap { $0 }.joined(separator: " "))
            ),
            (lang(.ledgerDeadline), "\(lang.day(item.deadline))"), (lang(.status), "\(lang(item.status))"),
            (lang(.ledgerRoute), "\(route)"),
        ]
        if let figure {
            facts.append((lang(.ledgerFigure), Components.inChinese(figure.text, on: lang)))
        }
        if !item.flags.isEmpty {
            facts.append(
                (lang(.ledgerFlags), "\(item.flags.map { lang($0) }.joined(separator: lang.listSeparator))"))
        }
        let names = try await AccountNames.labels(
            Set((item.entries ?? []).map(\.actor)), lang: lang, on: req.db)
        let history = (item.entries ?? []).map { e -> [HTML] in
            let file: HTML =
                e.filename.map {
                    "<a href=\"\(path)/entries/\(e.id.uuidString)/file\" translate=\"no\">\($0)</a>"
                } ?? ""
            return [
                "\(lang.day(e.onDay))", "\(lang(e.kind))", data(e.text), data(e.leader ?? ""), file,
                data(names[e.actor] ?? e.actor),
            ]
        }
        let forms = try await forms(
            req, item: item, actor: actor, failed: failed, values: values, errors: errors)
        let linked: HTML =
            switch item.category {
            case .arrears where item.linkSchool != nil:
                "<a href=\"\(SitePath.arrears.path)?school=\(item.linkSchool ?? "")&amp;organization=\(item.linkOrganization ?? "")\">\(lang(.ledgerSeeFigures))</a>"
            default: ""
            }
        let body: HTML = """
            <h1>\(lang(.ledgerItem)) \(item.number)</h1>
            \(Components.facts(facts))
            <p class="toolbar">\(linked) <a class="btn secondary" href="\(path)/form">\(lang(.ledgerClosureForm))</a></p>
            \(errors.isEmpty || failed != nil ? "" : Components.alert(html: Components.messages(errors, on: lang)))
            <section class="panel"><h2>\(lang(.ledgerHistory))</h2>
            \(Components.table(
                headers: [lang(.ledgerEntryDay), lang(.ledgerEntryKind), lang(.ledgerEntryContent), lang(.ledgerLeader), lang(.ledgerFile), lang(.ledgerEntryActor)],
                rows: history, empty: lang(.noRecords)))
            </section>
            \(forms)
            """
        let response = try await Layout.page(
            req: req, title: "\(lang(.ledgerItem)) \(item.number)",
            crumbs: [.init(title: lang(.navLedger), path: .ledger), .init(title: item.number)], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    /// The forms the reader may use on this item now.
    static func forms(
        _ req: Request, item: RectificationService.Item, actor: Actor, failed: String?, values: FieldValues,
        errors: [FieldError]
    ) async throws -> HTML {
        let lang = req.lang
        let csrf = CSRF.token(for: req)
        let path = SitePath.ledgerItem(item.id).path
        let responsible = actor.role == item.responsibleKind.role && actor.unit == item.responsibleUnit
        var out: [HTML] = []
        func form(
            _ action: String, _ title: String, _ fields: [Components.FormField], submit: String,
            defaults: FieldValues = [:]
        ) {
            let mine = failed == action
            out.append(
                """
                <section class="panel"><h2>\(title)</h2>
                \(Components.form(action: "\(path)/\(action)", csrf: csrf, fields: fields, values: mine ? values : defaults,
                                  errors: mine ? errors : [], submit: submit, cancel: nil, lang: lang, multipart: true,
                                  idPrefix: action))
                </section>
                """)
        }
        let text = { (step: RectificationStep, required: Bool) in
            Components.FormField(
                name: "text", label: lang(.ledgerStepText(step)), kind: .textarea, required: required)
        }
        if responsible && item.status != .closed {
            form(
                "progress", lang(.ledgerAddProgress),
                [
                    .init(
                        name: "kind", label: lang(.ledgerEntryKind),
                        kind: .select(
                            [RectificationEntryKind.progress, .leaderReview].map { ($0.rawValue, lang($0)) }),
                        required: true),
                    .init(
                        name: "onDay", label: lang(.ledgerEntryDay), kind: .date,
                        hint: lang(.ledgerEntryDayHint)),
                    .init(name: "text", label: lang(.ledgerEntryText), kind: .textarea, required: true),
                    .init(name: "leader", label: lang(.ledgerLeader), hint: lang(.ledgerLeaderHint)),
                    .init(name: "file", label: lang(.ledgerFile), kind: .file),
                ], submit: lang(.save), defaults: ["kind": RectificationEntryKind.progress.rawValue])
        }
        if responsible && item.status == .open {
            form(
                "apply", lang(.ledgerApply),
                [
                    text(.apply, true),
                    .init(
                        name: "file", label: lang(.ledgerEvidence), kind: .file, required: true,
                        hint: lang(.ledgerEvidenceHint)),
                ], submit: lang(.ledgerApply))
        }
        let waitingFor = RectificationFlow.waitingFor(
            item.status, route: ClosureRoute(cityFirst: item.cityConfirms, desk: item.closedBy))
        if let waitingFor, waitingFor == actor.role, Access.may(.review, .ledgerItems, actor) {
            let step = RectificationFlow.decidingStep(for: waitingFor)
            form(step.rawValue, lang(step), [text(step, false)], submit: lang(step))
            form(
                "return", lang(RectificationStep.return), [text(.return, true)],
                submit: lang(RectificationStep.return))
        }
        if item.status == .closed && (actor.role == .provinceAdmin || actor.role == item.closedBy.role) {
            form(
                "reopen", lang(RectificationStep.reopen), [text(.reopen, true)],
                submit: lang(RectificationStep.reopen))
        }
        if responsible && item.status != .closed {
            form(
                "person", lang(.ledgerChangePerson),
                [
                    .init(name: "person", label: lang(.ledgerPerson), required: true),
                    .init(name: "phone", label: lang(.ledgerPhone), required: true),
                ], submit: lang(.save))
        }
        return HTML.join(out)
    }

    static func act(_ req: Request) async throws -> Response {
        let action = try req.parameters.require("action")
        guard actions.contains(action) else { throw AppError.notFound }
        let step = RectificationStep(rawValue: action)
        let actor =
            switch step {
            case .apply?, nil: try req.actor(may: .update, .ledgerItems)
            case _?: try req.actor(may: .review, .ledgerItems)
            }
        struct Form: Content {
            var kind: String?
            var onDay: String?
            var text: String?
            var leader: String?
            var person: String?
            var phone: String?
            var file: File?
        }
        let form = try req.content.decode(Form.self)
        let values: FieldValues = [
            "kind": form.kind ?? "", "onDay": form.onDay ?? "", "text": form.text ?? "",
            "leader": form.leader ?? "",
            "person": form.person ?? "", "phone": form.phone ?? "",
        ]
        let id = try FeesAPI.id(req)
        do {
            switch action {
            case "progress":
                guard let kind = RectificationEntryKind(rawValue: form.kind ?? "progress") else {
                    throw AppError.invalid([
                        FieldError(code: "invalid", .ledgerEntryKindInvalid, field: "kind")
                    ])
                }
                try await RectificationSteps.progress(
                    id, .init(kind: kind, text: form.text, leader: form.leader, onDay: form.onDay),
                    file: form.file,
                    actor: actor, now: req.now, on: req.db)
            case "person":
                try await RectificationSteps.person(
                    id, .init(person: form.person, phone: form.phone), actor: actor, now: req.now, on: req.db)
            default:
                guard let step else { throw AppError.notFound }
                _ = try await RectificationSteps.step(
                    id, step, text: form.text, file: form.file, actor: actor, now: req.now, on: req.db)
            }
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(
                req, failed: e.status == .conflict ? nil : action, values: values, errors: errors,
                status: e.status)
        }
        return req.redirect(local: SitePath.ledgerItem(id).path)
    }
}
