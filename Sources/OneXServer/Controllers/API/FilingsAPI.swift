import OneXDomain
import Vapor

/// Organisations' filings of provincial activities through the API (AH41-4).
enum FilingsAPI {
    struct StepBody: Decodable {
        var reason: String?
    }

    static func register(on authed: any RoutesBuilder) {
        let filings = authed.grouped("filings")
        filings.get { req in
            let actor = try req.actor(reading: .filings)
            let page = try await FilingService.list(
                actor: actor, filter: try filter(req, month: try month(req)), paging: try Paging(req),
                on: req.db)
            return try JSONBody.response(ListBody(items: page.items, total: page.total))
        }
        filings.post { req in
            let actor = try req.actor(may: .create, .filings)
            let id = try await FilingService.create(
                try JSONBody.decode(FilingService.Draft.self, from: req), actor: actor, now: req.now,
                on: req.db)
            return try JSONBody.response(
                try await FilingService.find(id, actor: actor, on: req.db), status: .created)
        }
        filings.get("unfiled-exams") { req in
            let actor = try req.actor(reading: .filings)
            let page = try await FilingService.unfiledExams(
                year: try SitesAPI.year(req), actor: actor, paging: try Paging(req), on: req.db)
            return try JSONBody.response(ListBody(items: page.items, total: page.total))
        }
        filings.get(":id") { req in
            let actor = try req.actor(reading: .filings)
            return try JSONBody.response(
                try await FilingService.find(try FeesAPI.id(req), actor: actor, on: req.db))
        }
        filings.post(":id", ":step") { req in
            guard let step = FilingStep(rawValue: try req.parameters.require("step")) else {
                throw AppError.notFound
            }
            let actor = try req.actor(may: step == .resubmit ? .update : .review, .filings)
            let hasBody = req.body.data != nil
            let reason = hasBody ? try JSONBody.decode(StepBody.self, from: req).reason : nil
            let draft = hasBody ? try JSONBody.decode(FilingService.Draft.self, from: req) : nil
            let id = try FeesAPI.id(req)
            _ = try await FilingService.step(
                id, step, reason: reason, draft: draft, actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(try await FilingService.find(id, actor: actor, on: req.db))
        }
    }

    /// `?month=YYYY-MM`, or nil.
    /// `?status=&q=` with the month given.
    static func filter(_ req: Request, month: String?) throws -> FilingService.Filter {
        let status = try req.queryText("status").map {
            guard let s = FilingStatus(rawValue: $0) else { throw AppError.badRequest("status 取值无效") }
            return s
        }
        return .init(month: month, status: status, text: req.queryText("q"))
    }

    static func month(_ req: Request) throws -> String? {
        guard let m = req.queryText("month") else { return nil }
        guard LocalDate(m + "-01") != nil else { throw AppError.badRequest("month 应为 YYYY-MM") }
        return m
    }
}
