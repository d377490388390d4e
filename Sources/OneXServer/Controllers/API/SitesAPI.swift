import OneXDomain
import Vapor

/// Exam sites through the API (AH41-3): applications, the steps on them, and coverage.
enum SitesAPI {
    /// A step's reason (a return, a suspension); a resubmission's changed fields are a `Draft`
    /// in the same body.
    struct Reason: Decodable {
        var reason: String?
    }

    static func register(on authed: any RoutesBuilder) {
        let sites = authed.grouped("exam-sites")
        sites.get { req in
            let actor = try req.actor(reading: .sites)
            let page = try await ExamSiteService.list(
                actor: actor, filter: try filter(req), paging: try Paging(req), on: req.db)
            return try JSONBody.response(ListBody(items: page.items, total: page.total))
        }
        sites.post { req in
            let actor = try req.actor(may: .create, .sites)
            let id = try await ExamSiteService.apply(
                try JSONBody.decode(ExamSiteService.Draft.self, from: req), actor: actor, now: req.now,
                on: req.db)
            return try JSONBody.response(
                try await ExamSiteService.find(id, actor: actor, on: req.db), status: .created)
        }
        sites.get("coverage") { req in
            let actor = try req.actor(reading: .plans)
            return try JSONBody.response(
                try await SiteCoverageService.report(year: try year(req), actor: actor, on: req.db))
        }
        sites.get("coverage", "schools") { req in
            let actor = try req.actor(reading: .plans)
            let list = try await SiteCoverageService.schools(
                certificate: req.queryText("certificate"), region: req.queryText("region"),
                year: try year(req), actor: actor, on: req.db)
            return try JSONBody.response(ListBody(items: list, total: list.count))
        }
        sites.get(":id") { req in
            let actor = try req.actor(reading: .sites)
            return try JSONBody.response(
                try await ExamSiteService.find(try FeesAPI.id(req), actor: actor, on: req.db))
        }
        sites.post(":id", ":step") { req in
            let actor = try req.actor(may: .review, .sites)
            guard let step = ExamSiteStep(rawValue: try req.parameters.require("step")) else {
                throw AppError.notFound
            }
            let hasBody = req.body.data != nil
            let reason = hasBody ? try JSONBody.decode(Reason.self, from: req).reason : nil
            let draft = hasBody ? try JSONBody.decode(ExamSiteService.Draft.self, from: req) : nil
            let id = try FeesAPI.id(req)
            _ = try await ExamSiteService.step(
                id, step, reason: reason, draft: draft, actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(try await ExamSiteService.find(id, actor: actor, on: req.db))
        }
    }

    /// The year asked for, or this year in Shanghai.
    static func year(_ req: Request) throws -> Int {
        try req.queryYear() ?? LocalDate(req.now).year
    }

    static func filter(_ req: Request) throws -> ExamSiteService.Filter {
        var f = ExamSiteService.Filter()
        if let s = req.queryText("status") {
            guard let status = ExamSiteStatus(rawValue: s) else { throw AppError.badRequest("status 取值无效") }
            f.status = status
        }
        f.certificate = req.queryText("certificate")
        f.region = req.queryText("region")
        f.text = req.queryText("q")
        f.waitingForMe = req.queryText("waiting") == "1" || req.queryText("waiting") == "true"
        return f
    }
}
