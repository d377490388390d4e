import OneXDomain
import Vapor

/// One exam site: what the school applied for, where it stands and who decides next, and the
/// forms of the steps the reader may take. A refused step comes back with what was typed.
enum SitePage {
    static func register(on web: any RoutesBuilder) {
        web.get("sites", ":id") { req in
            try await page(req, failed: nil, values: [:], errors: [], status: .ok)
        }
        web.post("sites", ":id", ":step") { req in try await act(req) }
    }

    static func page(
        _ req: Request, failed: ExamSiteStep?, values: FieldValues, errors: [FieldError],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .sites)
        let site = try await ExamSiteService.find(try FeesAPI.id(req), actor: actor, on: req.db)
        let data = Components.userText
        var facts: [(String, HTML)] = [
            (lang(.siteNumber), "\(site.number)"), (lang(.status), "\(lang(site.status))"),
            (lang(.fieldCertificate), "\(data(site.certificateName))\(lang.bracketed(site.certificate))"),
            (lang(.siteOrganization), data(site.organizationName)),
            (lang(.siteSchool), "\(data(site.schoolName))\(lang.bracketed(site.regionName))"),
            (lang(.sitePlace), data(site.place)), (lang(.siteAddress), data(site.address)),
            (lang(.siteCapacity), "\(lang(.persons(site.capacity)))"),
            (lang(.siteEquipment), data(site.equipment)),
            (lang(.siteContact), data("\(site.contact) \(site.phone)")),
            (lang(.siteAppliedOn), "\(lang.day(site.appliedOn))"),
            (lang(.siteRoute), "\(lang(site.leadSchool == nil ? .siteRouteNoAlliance : .siteRouteAlliance))"),
        ]
        if let approved = site.approvedOn { facts.append((lang(.siteApprovedOn), "\(lang.day(approved))")) }
        let held = try await ExamSiteService.sessionTotals(site.id, on: req.db)
        if held.sessions > 0 {
            facts.append((lang(.siteSessions), "\(lang(.siteSessionTotals(held.sessions, held.attended)))"))
        }
        if let waiting = site.waitingFor {
            facts.append((lang(.siteWaitingFor), "\(lang(waiting))"))
        }
        if let reason = site.reason, site.status == .returned || site.status == .suspended {
            facts.append((lang(.siteReason), data(reason)))
        }
        let csrf = CSRF.token(for: req)
        let path = SitePath.examSite(site.id).path
        let forms = (site.steps ?? []).map { step -> HTML in
            let mine = failed == step
            let fields: [Components.FormField] =
                step == .resubmit
                ? SitePages.fields(lang, certificates: nil)
                : step.needsReason
                    ? [.init(name: "reason", label: lang(.siteReason), kind: .textarea, required: true)] : []
            let defaults: FieldValues =
                step == .resubmit
                ? [
                    "place": site.place, "address": site.address, "capacity": "\(site.capacity)",
                    "equipment": site.equipment, "contact": site.contact, "phone": site.phone,
                ] : [:]
            return """
                <section class="panel"><h2>\(lang(step))</h2>
                \(Components.form(action: "\(path)/\(step.rawValue)", csrf: csrf, fields: fields,
                                  values: mine ? values : defaults, errors: mine ? errors : [], submit: lang(step),
                                  cancel: nil, lang: lang, idPrefix: step.rawValue))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.siteTitle)) \(site.number)</h1>
            \(errors.isEmpty || failed != nil ? "" : Components.alert(html: Components.messages(errors, on: lang)))
            \(Components.facts(facts))
            \(HTML.join(forms))
            """
        let response = try await Layout.page(
            req: req, title: "\(lang(.siteTitle)) \(site.number)",
            crumbs: [.init(title: lang(.navSites), path: .examSites), .init(title: site.number)], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func act(_ req: Request) async throws -> Response {
        guard let step = ExamSiteStep(rawValue: try req.parameters.require("step")) else {
            throw AppError.notFound
        }
        let actor = try req.actor(may: .review, .sites)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        let id = try FeesAPI.id(req)
        do {
            _ = try await ExamSiteService.step(
                id, step, reason: values["reason"],
                draft: step == .resubmit ? SitePages.draft(values, certificate: nil) : nil, actor: actor,
                now: req.now, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(
                req, failed: e.status == .conflict ? nil : step, values: values, errors: errors,
                status: e.status)
        }
        return req.redirect(local: SitePath.examSite(id).path)
    }
}
