import Fluent
import OneXDomain
import Vapor

/// Fee standards in the browser (MOE12-1, MOE12-2): the list each role may see, the
/// organisation's proposal form, one standard with the step its reader takes next (the lead
/// school's expert review, the province's verification, the office's publication), and the
/// public list of published standards.
enum FeeStandardPages {
    static func register(on web: any RoutesBuilder, public public_: any RoutesBuilder) {
        web.get("fees", "standards") { req in try await list(req) }
        web.get("fees", "standards", "new") { req in try await proposalForm(req, values: [:], errors: []) }
        web.post("fees", "standards", "new") { req in try await propose(req) }
        web.get("fees", "standards", ":id") { req in
            try await detail(req, values: [:], errors: [], status: .ok)
        }
        web.post("fees", "standards", ":id", ":step") { req in try await step(req) }
        public_.get("public", "fee-standards") { req in try await publicList(req) }
        web.get("fees", "coverage") { req in try await coverage(req) }
    }

    static func table(_ items: [FeeStandardService.Body], lang: Lang, links: Bool) -> HTML {
        let rows = items.map { b -> [HTML] in
            let name: HTML =
                links
                ? "<a href=\"\(SitePath.feeStandard(b.id).path)\">\(b.certificateName)</a> <span class=\"muted\">\(b.certificate)</span>"
                : "\(b.certificateName) <span class=\"muted\">\(b.certificate)</span>"
            return [
                name, "\(b.organizationName)", "\(lang(b.level))",
                "\(Fen.displayText(b.fee))\(b.isRaise ? " " + lang(.feeRaise) : "")",
                "\(lang.day(b.effectiveFrom))",
                "\(lang(b.status))", "\(b.documentNumber ?? "")",
            ]
        }
        return Components.table(
            headers: [
                lang(.fieldCertificate), lang(.nounOrganization), lang(.level), lang(.feeAmount),
                lang(.effectiveFrom),
                lang(.status), lang(.documentNumber),
            ],
            rows: rows, numeric: [3], empty: lang(.noRecords))
    }

    static func list(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(reading: .feeStandards)
        let certificate = (try? req.query.get(String.self, at: "certificate")).flatMap {
            $0.isEmpty ? nil : $0
        }
        let items = try await FeeStandardService.list(
            actor: actor, certificate: certificate, status: nil, on: req.db)
        let propose: HTML =
            Access.may(.create, .feeStandards, actor)
            ? "<p><a class=\"btn\" href=\"\(SitePath.feeStandards.path)/new\">\(lang(.feeStandardNew))</a></p>"
            : ""
        let body: HTML = """
            <h1>\(lang(.navFeeStandards))</h1>
            <p class="muted">\(lang(.feeStandardsIntro))</p>
            \(propose)
            \(table(items, lang: lang, links: true))
            <p><a href="\(SitePath.publicFeeStandards.path)">\(lang(.publicFeeStandards))</a>\(
                Access.scope(of: .feeStandards, for: actor) == .all
                ? " · <a href=\"/fees/coverage\">\(lang(.feeCoverage))</a>" as HTML : "")</p>
            """
        return Layout.page(
            req: req, title: lang(.navFeeStandards), crumbs: [.init(title: lang(.navFeeStandards))],
            body: body)
    }

    /// AH38-1: how many piloted certificates have a standard in force, and which do not.
    static func coverage(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let c = try await FeeCoverageService.coverage(
            actor: try req.actor(), today: LocalDate(req.now), on: req.db)
        let rows = c.missing.map { m -> [HTML] in
            [
                "\(m.certificateName) <span class=\"muted\">\(m.certificate)</span>", "\(m.organizationName)",
                "\(m.levels.map { lang($0) }.joined(separator: lang.listSeparator))",
                "\(lang.day(m.pilotedSince))", HTML(raw: String(m.daysWithout)),
            ]
        }
        let body: HTML = """
            <h1>\(lang(.feeCoverage))</h1>
            <p class="muted">\(lang(.feeCoverageIntro))</p>
            \(Components.facts([(lang(.feeCoveragePiloted), String(c.piloted)), (lang(.feeCoverageCovered), String(c.covered)),
                                (lang(.feeCoverage), IndicatorSet.percent(c.rate))]))
            <p><a class="btn secondary" href="/fees/coverage/form">\(lang(.feeFormStandards))</a>
            <a class="btn secondary" href="/fees/coverage/form?format=xlsx">\(lang(.exportXLSX))</a></p>
            <h2>\(lang(.feeCoverageMissing))</h2>
            \(Components.table(headers: [lang(.fieldCertificate), lang(.nounOrganization), lang(.feeCoverageLevels), lang(.feeCoverageSince),
                                         lang(.feeCoverageDays)], rows: rows, numeric: [4], empty: lang(.noRecords)))
            """
        return Layout.page(
            req: req, title: lang(.feeCoverage),
            crumbs: [
                .init(title: lang(.navFeeStandards), path: .feeStandards),
                .init(title: lang(.feeCoverage)),
            ], body: body)
    }

    static func publicList(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let items = try await FeeStandardService.list(
            actor: nil, certificate: nil, status: .published, on: req.db)
        let body: HTML = """
            <h1>\(lang(.publicFeeStandards))</h1>
            <p class="muted">\(lang(.publicFeeStandardsIntro))</p>
            \(table(items, lang: lang, links: false))
            """
        return Layout.page(
            req: req, title: lang(.publicFeeStandards), crumbs: [.init(title: lang(.publicFeeStandards))],
            body: body)
    }

    // MARK: Proposal

    static func proposalForm(
        _ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus = .ok
    )
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(may: .create, .feeStandards)
        let certificates = try await CertificateStore.page(
            scope: Access.scope(of: .certificates, for: actor), search: nil, limit: 1000, offset: 0,
            on: req.db
        ).items
        let fields: [Components.FormField] = [
            .init(
                name: "certificate", label: lang(.fieldCertificate),
                kind: .select(
                    certificates.map { c in
                        (
                            c.code,
                            c.name + lang.bracketed(c.code) + " · "
                                + c.levels.map { l in
                                    lang(l)
                                        + (c.costCaps[l].map { lang.colon + Fen.displayText($0) } ?? "")
                                }.joined(separator: lang.listSeparator)
                        )
                    }),
                required: true, hint: lang(.feeCapHint)),
            .init(
                name: "level", label: lang(.level),
                kind: .select(Level.allCases.map { ($0.rawValue, lang($0)) }),
                required: true),
            .init(name: "amount", label: lang(.feeAmountPerCandidate), kind: .yuan, required: true),
            .init(name: "effectiveFrom", label: lang(.effectiveFrom), kind: .date, required: true),
            .init(name: "breakdown", label: lang(.feeBreakdown), kind: .textarea),
            .init(
                name: "raiseRequest", label: lang(.feeRaiseRequest), kind: .textarea,
                hint: lang(.feeRaiseRequestHint)),
        ]
        let body: HTML = """
            <h1>\(lang(.feeStandardNew))</h1>
            \(Components.form(action: SitePath.feeStandards.path + "/new", csrf: CSRF.token(for: req), fields: fields, values: values,
                              errors: errors, submit: lang(.feeStandardSubmit), cancel: SitePath.feeStandards.path, lang: lang))
            """
        let page = Layout.page(
            req: req, title: lang(.feeStandardNew),
            crumbs: [
                .init(title: lang(.navFeeStandards), path: .feeStandards),
                .init(title: lang(.feeStandardNew)),
            ], body: body)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    static func propose(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .feeStandards)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        var errors: [FieldError] = []
        let amount = Fen.parseYuan(values["amount"] ?? "")
        if amount == nil {
            errors.append(
                .invalid(
                    "amount", .feeAmountPerCandidate, value: values["amount"] ?? "", expected: .valuesYuan))
        }
        let level = Level(rawValue: values["level"] ?? "")
        if level == nil { errors.append(.required("level", .level)) }
        if (values["certificate"] ?? "").isEmpty {
            errors.append(.required("certificate", .fieldCertificate))
        }
        guard errors.isEmpty, let amount, let level else {
            return try await proposalForm(req, values: values, errors: errors, status: .unprocessableEntity)
        }
        do {
            let id = try await FeeStandardService.propose(
                .init(
                    certificate: values["certificate"] ?? "", level: level, amount: amount,
                    effectiveFrom: values["effectiveFrom"] ?? "",
                    breakdown: values["breakdown"], raiseRequest: values["raiseRequest"]),
                actor: actor, now: req.now, on: req.db)
            return req.redirect(local: SitePath.feeStandard(id).path)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .notFound {
            let shown = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await proposalForm(req, values: values, errors: shown, status: .unprocessableEntity)
        }
    }

    // MARK: One standard and its next step

    static func detail(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .feeStandards)
        guard let id = UUID(uuidString: try req.parameters.require("id")) else { throw AppError.notFound }
        let (row, _) = try await FeeStandardService.find(id, actor: actor, on: req.db)
        let b = try FeeStandardService.body(row)
        let names = try await AccountNames.labels(
            Set([row.proposedBy, row.reviewedBy, row.decidedBy, row.publishedBy].compactMap { $0 }),
            lang: lang, on: req.db)
        var facts: [(String, String)] = [
            (lang(.fieldCertificate), "\(b.certificateName)\(lang.bracketed(b.certificate))"),
            (lang(.nounOrganization), b.organizationName),
            (lang(.level), lang(b.level)),
            (lang(.feeProposedAmount), Fen.displayText(b.amount)),
            (lang(.effectiveFrom), lang.day(b.effectiveFrom)), (lang(.status), lang(b.status)),
            (lang(.feeProposedBy), names[row.proposedBy] ?? row.proposedBy),
        ]
        if let v = b.verifiedAmount { facts.append((lang(.feeVerifiedAmount), Fen.displayText(v))) }
        if b.isRaise { facts.append((lang(.feeRaise), b.raiseRequest ?? "")) }
        if let t = b.breakdown { facts.append((lang(.feeBreakdown), t)) }
        if let c = b.decisionComment { facts.append((lang(.feeDecisionComment), c)) }
        if let n = b.documentNumber { facts.append((lang(.documentNumber), n)) }
        if let p = b.publishedOn { facts.append((lang(.publishedOn), lang.day(p))) }
        var reviewHTML: HTML = ""
        if let r = b.review {
            // Experts by name for the province and the lead school that heard them; the pool is
            // personal data, so others read them by their place in the list.
            let named = actor.role.seesWholeProvince || actor.role == .school
            let experts =
                named
                ? Dictionary(
                    uniqueKeysWithValues: try await Expert.query(on: req.db).filter(
                        \.$code ~~ r.opinions.map(\.expert)
                    ).all()
                        .map { ($0.code, "\($0.name)（\($0.field)）") })
                : [:]
            let rows = r.opinions.enumerated().map { n, o -> [HTML] in
                ["\(experts[o.expert] ?? lang(.feeExpertNumber(n + 1)))", "\(o.opinion)"]
            }
            reviewHTML = """
                <section class="panel"><h2>\(lang(.feeExpertReview))</h2>
                \(Components.facts([(lang(.feeMeetingOn), lang(r.meetingOn)),
                                    (lang(.feeConclusion), r.conclusion),
                                    (lang(.feeReviewedBy), row.reviewedBy.map { names[$0] ?? $0 } ?? "")]))
                \(Components.table(headers: [lang(.feeExpert), lang(.feeOpinion)], rows: rows, empty: ""))
                </section>
                """
        }
        // An upload's refusal is said above the files; the step's own errors stay on its form.
        let uploadErrors = errors.filter {
            ["file", "purpose"].contains($0.field ?? "") || $0.code == "invalid_state"
        }
        let next = try await nextStep(
            req, row: row, body: b, actor: actor, values: values,
            errors: errors.filter { e in !uploadErrors.contains { $0.code == e.code && $0.field == e.field } }
        )
        let files = FeeFileRoutes.section(
            .standard, id: id, files: try await FeeFileService.list(.standard(row), on: req.db),
            canUpload: actor.role == .organization && actor.unit == b.organization
                && (b.status == .proposed || b.status == .reviewed), req: req)
        let title = "\(b.certificateName) · \(lang(b.level))"
        let html: HTML = """
            <h1>\(title)</h1>
            \(uploadErrors.isEmpty ? "" : Components.alert(html: Components.messages(uploadErrors, on: lang)))
            \(Components.facts(facts))
            \(files)
            \(reviewHTML)
            \(next)
            """
        let page = Layout.page(
            req: req, title: title,
            crumbs: [.init(title: lang(.navFeeStandards), path: .feeStandards), .init(title: title)],
            body: html)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    /// The form of the step the reader takes next, if any.
    static func nextStep(
        _ req: Request, row: FeeStandardRow, body b: FeeStandardService.Body, actor: Actor,
        values: FieldValues,
        errors: [FieldError]
    ) async throws -> HTML {
        let lang = req.lang
        let csrf = CSRF.token(for: req)
        let lead = try await FeeStandardService.leadSchool(of: row.$certificate.id, on: req.db)
        let action = { (step: String) in SitePath.feeStandardAction(b.id, step).path }
        switch b.status {
        case .proposed where actor.role == .school && lead == actor.unit:
            let experts = try await Expert.query(on: req.db).sort(\.$code).all().map {
                ($0.code, "\($0.name)（\($0.field)）")
            }
            var fields: [Components.FormField] = [
                .init(name: "meetingOn", label: lang(.feeMeetingOn), kind: .date, required: true)
            ]
            for n in 1...3 {
                fields.append(
                    .init(
                        name: "expert\(n)", label: lang(.feeExpertNumber(n)), kind: .select(experts),
                        required: n == 1))
                fields.append(
                    .init(name: "opinion\(n)", label: lang(.feeOpinion), kind: .textarea, required: n == 1))
            }
            fields.append(
                .init(name: "conclusion", label: lang(.feeConclusion), kind: .textarea, required: true))
            return """
                <section class="panel"><h2>\(lang(.feeRecordReview))</h2>
                \(Components.form(action: action("review"), csrf: csrf, fields: fields, values: values, errors: errors,
                                  submit: lang(.feeRecordReview), cancel: nil, lang: lang))
                </section>
                """
        case .proposed where lead == nil && Access.may(.verify, .feeStandards, actor),
            .reviewed where Access.may(.verify, .feeStandards, actor):
            let fields: [Components.FormField] = [
                .init(
                    name: "decision", label: lang(.feeDecision),
                    kind: .select([("verify", lang(.feeVerify)), ("reject", lang(.feeReject))]),
                    required: true),
                .init(
                    name: "amount", label: lang(.feeVerifiedAmount), kind: .yuan, hint: lang(.feeVerifyHint)),
                .init(name: "comment", label: lang(.feeDecisionComment), kind: .textarea),
            ]
            return """
                <section class="panel"><h2>\(lang(.feeVerifyTitle))</h2>
                \(Components.form(action: action("decision"), csrf: csrf, fields: fields, values: values, errors: errors,
                                  submit: lang(.feeDecisionSubmit), cancel: nil, lang: lang))
                </section>
                """
        case .verified where Access.may(.publish, .feeStandards, actor):
            let fields: [Components.FormField] = [
                .init(
                    name: "documentNumber", label: lang(.documentNumber), kind: .text,
                    hint: lang(.documentNumberExample)),
                .init(name: "publishedOn", label: lang(.publishedOn), kind: .date),
            ]
            return """
                <section class="panel"><h2>\(lang(.feePublishTitle))</h2>
                \(Components.form(action: action("publish"), csrf: csrf, fields: fields, values: values, errors: errors,
                                  submit: lang(.feePublish), cancel: nil, lang: lang))
                </section>
                """
        default:
            return ""
        }
    }

    static func step(_ req: Request) async throws -> Response {
        let actor = try req.actor(reading: .feeStandards)
        guard let id = UUID(uuidString: try req.parameters.require("id")) else { throw AppError.notFound }
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        do {
            switch try req.parameters.require("step") {
            case "review":
                guard Access.may(.review, .feeStandards, actor) else { throw AppError.forbidden }
                guard let meeting = LocalDate(values["meetingOn"] ?? "") else {
                    throw AppError.invalid([.required("meetingOn", .feeMeetingOn)])
                }
                let opinions = (1...3).compactMap { n -> ExpertOpinion? in
                    guard let e = values["expert\(n)"], !e.isEmpty else { return nil }
                    return ExpertOpinion(expert: e, opinion: values["opinion\(n)"] ?? "")
                }
                try await FeeStandardService.review(
                    id,
                    FeeReview(meetingOn: meeting, opinions: opinions, conclusion: values["conclusion"] ?? ""),
                    actor: actor,
                    now: req.now, on: req.db)
            case "decision":
                guard Access.may(.verify, .feeStandards, actor) else { throw AppError.forbidden }
                var amount: Int?
                if let text = values["amount"], !text.isEmpty {
                    guard let fen = Fen.parseYuan(text) else {
                        throw AppError.invalid([
                            .invalid("amount", .feeVerifiedAmount, value: text, expected: .valuesYuan)
                        ])
                    }
                    amount = fen
                }
                try await FeeStandardService.decide(
                    id, .init(decision: values["decision"] ?? "", amount: amount, comment: values["comment"]),
                    actor: actor, now: req.now,
                    on: req.db)
            case "publish":
                guard Access.may(.publish, .feeStandards, actor) else { throw AppError.forbidden }
                try await FeeStandardService.publish(
                    id, .init(documentNumber: values["documentNumber"], publishedOn: values["publishedOn"]),
                    actor: actor, now: req.now,
                    on: req.db)
            default:
                throw AppError.notFound
            }
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            // The reader keeps what was typed and sees why.
            let shown = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await detail(req, values: values, errors: shown, status: e.status)
        }
        return req.redirect(local: SitePath.feeStandard(id).path)
    }
}
