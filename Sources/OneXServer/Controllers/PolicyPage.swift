import Fluent
import OneXDomain
import Vapor

/// The policy in force: its windows in a table, the whole document, its versions; the province
/// office publishes a new version by editing the document.
enum PolicyPage {
    /// `web` needs a signed-in user; `public_` does not.
    static func register(on web: any RoutesBuilder, public public_: any RoutesBuilder) {
        web.get("policy") { req in try await render(req, draft: nil, errors: []) }
        public_.get("public", "policy") { req in try await publicPage(req) }
        web.post("policy") { req in
            let actor = try req.actor(in: .provinceAdmin)
            struct Form: Content { var document: String }
            let text = try req.content.decode(Form.self).document
            let policy: Policy
            do {
                policy = try JSONDecoder().decode(Policy.self, from: Data(text.utf8))
            } catch let e as DecodingError {
                return try await render(
                    req, draft: text,
                    errors: [
                        FieldError(
                            code: "invalid_policy",
                            message: "JSON 无法解析：\(OneXErrorMiddleware.describe(e))", field: "document")
                    ], status: .unprocessableEntity)
            }
            do {
                _ = try await PolicyService.publish(policy, author: actor.username, at: req.now, on: req.db)
            } catch let e as AppError where e.status == .unprocessableEntity {
                return try await render(
                    req, draft: text,
                    errors: e.errors.map {
                        var x = $0
                        x.field = "document"
                        return x
                    },
                    status: .unprocessableEntity)
            }
            return req.redirect(local: SitePath.policy.path)
        }
    }

    /// The policy in force in words for anyone, signed in or not: windows, rules, thresholds.
    static func publicPage(_ req: Request) async throws -> HTML {
        let lang = req.lang
        guard let current = try await PolicyVersion.current(on: req.db) else { throw AppError.notFound }
        let policy = try current.policy()
        let body: HTML = """
            <h1>\(lang(.navPolicy))\(lang.colon)\(policy.province)</h1>
            <p class="muted">\(lang(.policyIntro)) \(lang(.policyVersion)) \(current.version) · \(Shanghai.minuteText(current.createdAt))</p>
            \(PolicyWords.render(policy, lang: lang, withKeys: false))
            """
        return Layout.page(
            req: req, title: lang(.navPolicy), crumbs: [.init(title: lang(.navPolicy))], body: body)
    }

    static func render(_ req: Request, draft: String?, errors: [FieldError], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let lang = req.lang
        // Every role reads the policy in force; the document and its versions are the province's.
        let actor = try req.actor()
        let province = actor.role.seesWholeProvince
        guard let current = try await PolicyVersion.current(on: req.db) else { throw AppError.notFound }
        let policy = try current.policy()
        let versions = try await PolicyVersion.query(on: req.db).sort(\.$version, .descending).limit(20).all()
        let pretty: String = {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: e.encode(policy), as: UTF8.self)) ?? current.document
        }()
        let editor: HTML =
            actor.role == .provinceAdmin
            ? Components.form(
                action: SitePath.policy.path, csrf: CSRF.token(for: req),
                fields: [
                    .init(name: "document", label: lang(.policyDocument), kind: .document, required: true)
                ],
                values: ["document": draft ?? pretty], errors: errors, submit: lang(.save), cancel: nil,
                lang: lang)
            : "<pre class=\"json\">\(pretty)</pre>"
        var body: HTML = """
            <h1>\(lang(.navPolicy))\(lang.colon)\(policy.province)</h1>
            <p class="muted">\(lang(.policyIntro)) \(lang(.policyVersion)) \(current.version)\(province ? " · " + current.author : "") · \(Shanghai.minuteText(current.createdAt))</p>
            \(PolicyWords.render(policy, lang: lang, withKeys: province))
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
        let page = Layout.page(
            req: req, title: lang(.navPolicy), crumbs: [.init(title: lang(.navPolicy))], body: body)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }
}
