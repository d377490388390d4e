import Fluent
import OneXDomain
import Vapor

/// The policy in force: its windows in a table, the whole document, its versions; the province
/// office publishes a new version by editing the document.
enum PolicyPage {
    static func register(on web: any RoutesBuilder) {
        web.get("policy") { req in try await render(req, draft: nil, errors: []) }
        web.post("policy") { req in
            let actor = try req.actor(in: .provinceAdmin)
            struct Form: Content { var document: String }
            let text = try req.content.decode(Form.self).document
            let policy: Policy
            do {
                policy = try JSONDecoder().decode(Policy.self, from: Data(text.utf8))
            } catch let e as DecodingError {
                return try await render(req, draft: text, errors: [FieldError(code: "invalid_policy",
                    message: "JSON 无法解析：\(OneXErrorMiddleware.describe(e))", field: "document")], status: .unprocessableEntity)
            }
            do {
                _ = try await PolicyService.publish(policy, author: actor.username, at: req.now, on: req.db)
            } catch let e as AppError where e.status == .unprocessableEntity {
                return try await render(req, draft: text, errors: e.errors.map { var x = $0; x.field = "document"; return x },
                                        status: .unprocessableEntity)
            }
            return req.redirect(local: SitePath.policy.path)
        }
    }

    static func render(_ req: Request, draft: String?, errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = req.lang
        // Every role reads the policy in force; the document and its versions are the province's.
        let actor = try req.actor()
        let province = actor.role.seesWholeProvince
        guard let current = try await PolicyVersion.current(on: req.db) else { throw AppError.notFound }
        let policy = try current.policy()
        let windows = (policy.recurringWindows + policy.extraWindows).map { w -> [HTML] in
            ["\(w.name)", "\(w.school.joined(separator: " — "))", "\(w.city.joined(separator: " — "))",
             "\(w.province.joined(separator: " — "))"]
        }
        let r = policy.rules
        func yn(_ b: Bool) -> String { b ? lang(.yes) : lang(.no) }
        func pct(_ d: Double?) -> String { d.map { "\(Int(($0 * 100).rounded()))%" } ?? lang(.policyNoLimit) }
        let ruleRows: [[HTML]] = [
            ["increaseAnyTime", "\(lang(.ruleIncreaseAnyTime))", "\(yn(r.increaseAnyTime))"],
            ["decreaseLimit", "\(lang(.ruleDecreaseLimit))", "\(pct(r.decreaseLimit))"],
            ["decreaseReasons", "\(lang(.ruleDecreaseReasons))",
             "\(r.decreaseReasons.map { DecreaseReason(rawValue: $0).map { lang.pick($0.chinese, $0.english) } ?? $0 }.joined(separator: lang.listSeparator))"],
            ["minCandidates", "\(lang(.ruleMinCandidates))", "\(yn(r.minCandidates))"],
            ["lowCompletionCap", "\(lang(.ruleLowCompletionCap))",
             "\(r.lowCompletionCap.map { lang(.policyCompletionBelow) + pct($0.threshold) } ?? lang(.no))"],
            ["newCertificateJustification", "\(lang(.ruleNewCertificateJustification))", "\(yn(r.newCertificateJustification))"],
            ["increaseNeedsAdjustmentForm", "\(lang(.ruleIncreaseNeedsAdjustmentForm))", "\(yn(r.increaseNeedsAdjustmentForm))"],
            ["requireNationalPlatformRegistration", "\(lang(.ruleNationalPlatformRegistration))",
             "\(yn(r.requireNationalPlatformRegistration))"],
            ["stampedScanAtSubmission", "\(lang(.ruleStampedScanAtSubmission))", "\(yn(r.stampedScanAtSubmission ?? false))"],
            ["forcedExit", "\(lang(.ruleForcedExit))",
             "\(r.forcedExit.map { "\($0.from) — \($0.to)\(lang.comma)≥ \($0.minAgeDays) \(lang(.policyDays))" } ?? lang(.no))"],
        ]
        let versions = try await PolicyVersion.query(on: req.db).sort(\.$version, .descending).limit(20).all()
        let pretty: String = {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: e.encode(policy), as: UTF8.self)) ?? current.document
        }()
        // The key is the document's field name, for whoever edits the JSON: code, not text.
        let shownRules = province ? ruleRows.map { [HTML(raw: "<code>\($0[0].raw)</code>")] + $0.dropFirst() } : ruleRows.map { Array($0.dropFirst()) }
        let editor: HTML = actor.role == .provinceAdmin
            ? Components.form(action: SitePath.policy.path, csrf: CSRF.token(for: req),
                              fields: [.init(name: "document", label: lang(.policyDocument), kind: .textarea, required: true)],
                              values: ["document": draft ?? pretty], errors: errors, submit: lang(.save), cancel: nil, lang: lang)
            : "<pre class=\"json\">\(pretty)</pre>"
        var body: HTML = """
            <h1>\(lang(.navPolicy))\(lang.colon)\(policy.province)</h1>
            <p class="muted">\(lang(.policyIntro)) \(lang(.policyVersion)) \(current.version)\(province ? " · " + current.author : "") · \(Shanghai.minuteText(current.createdAt))</p>
            <h2>\(lang(.windows))</h2>
            \(Components.table(headers: ["", lang(.phaseSchool), lang(.phaseCity), lang(.phaseProvince)], rows: windows, empty: lang(.noRecords)))
            <h2>\(lang(.policyRules))</h2>
            \(Components.table(headers: (province ? [lang(.policyRuleKey)] : []) + [lang(.policyRule), lang(.policyInForce)],
                               rows: shownRules, empty: ""))
            """
        if province {
            body = """
                \(body)
                <h2>\(lang(.policyDocument))</h2>
                \(editor)
                <h2>\(lang(.history))</h2>
                \(Components.table(headers: [lang(.policyVersion), lang(.policyAuthor), lang(.auditTime)],
                                   rows: versions.map { [HTML(raw: String($0.version)), "\($0.author)", "\(Shanghai.minuteText($0.createdAt))"] },
                                   numeric: [0], empty: lang(.noRecords)))
                """
        }
        let page = Layout.page(req: req, title: lang(.navPolicy), crumbs: [.init(title: lang(.navPolicy))], body: body)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }
}
