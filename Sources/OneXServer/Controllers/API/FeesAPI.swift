import Fluent
import OneXDomain
import Vapor

/// Fee standards through the API (api.md, "Fees and payments"): published standards are read
/// without an account; each step of the chain by the role that takes it.
enum FeesAPI {
    static func register(on authed: any RoutesBuilder, public api: any RoutesBuilder) {
        api.get("fee-standards") { req in
            let certificate = try? req.query.get(String.self, at: "certificate")
            var status: FeeStandardStatus?
            if let text = try? req.query.get(String.self, at: "status"), !text.isEmpty {
                guard let s = FeeStandardStatus(rawValue: text) else {
                    throw AppError.badRequest(
                        "状态“\(text)”无效，应为 \(FeeStandardStatus.allCases.map(\.rawValue).joined(separator: "、"))"
                    )
                }
                status = s
            }
            let items = try await FeeStandardService.list(
                actor: req.currentUser?.actor, certificate: certificate.flatMap { $0.isEmpty ? nil : $0 },
                status: status, on: req.db)
            return try JSONBody.response(ListBody(items: items, total: items.count))
        }
        api.get("fee-standards", ":id") { req in
            let (row, _) = try await FeeStandardService.find(
                try id(req), actor: req.currentUser?.actor, on: req.db)
            return try JSONBody.response(try FeeStandardService.body(row))
        }
        authed.get("fee-coverage") { req in
            try JSONBody.response(
                try await FeeCoverageService.coverage(
                    actor: try req.actor(), today: LocalDate(req.now), on: req.db))
        }
        authed.post("fee-standards") { req in
            let actor = try req.actor(may: .create, .feeStandards)
            let input = try JSONBody.decode(FeeStandardService.Proposal.self, from: req)
            let id = try await FeeStandardService.propose(input, actor: actor, now: req.now, on: req.db)
            return try await created(id, req)
        }
        authed.post("fee-standards", ":id", "review") { req in
            let actor = try req.actor(may: .review, .feeStandards)
            // Another's record is 404 before its body is read.
            _ = try await FeeStandardService.find(try id(req), actor: actor, on: req.db)
            let input = try JSONBody.decode(FeeReview.self, from: req)
            try await FeeStandardService.review(try id(req), input, actor: actor, now: req.now, on: req.db)
            return try await current(req)
        }
        authed.post("fee-standards", ":id", "decision") { req in
            let actor = try req.actor(may: .verify, .feeStandards)
            _ = try await FeeStandardService.find(try id(req), actor: actor, on: req.db)
            let input = try JSONBody.decode(FeeStandardService.Decision.self, from: req)
            try await FeeStandardService.decide(try id(req), input, actor: actor, now: req.now, on: req.db)
            return try await current(req)
        }
        authed.post("fee-standards", ":id", "publish") { req in
            let actor = try req.actor(may: .publish, .feeStandards)
            _ = try await FeeStandardService.find(try id(req), actor: actor, on: req.db)
            let input =
                req.body.data == nil
                ? FeeStandardService.Publication()
                : try JSONBody.decode(FeeStandardService.Publication.self, from: req)
            try await FeeStandardService.publish(try id(req), input, actor: actor, now: req.now, on: req.db)
            return try await current(req)
        }
    }

    /// Payments and arrears (AH38-2, GD-1).
    static func registerPayments(on authed: any RoutesBuilder) {
        authed.get("payments") { req in
            let actor = try req.actor(reading: .payments)
            let items = try await PaymentService.list(
                actor: actor, school: req.queryText("school"), organization: req.queryText("organization"),
                on: req.db)
            return try JSONBody.response(ListBody(items: items, total: items.count))
        }
        authed.post("payments") { req in
            let actor = try req.actor(may: .create, .payments)
            let input = try JSONBody.decode(PaymentService.Input.self, from: req)
            return try JSONBody.response(
                try await PaymentService.record(input, actor: actor, now: req.now, on: req.db),
                status: .created)
        }
        authed.post("payments", ":id", "confirm") { req in
            let actor = try req.actor(may: .review, .payments)
            return try JSONBody.response(
                try await PaymentService.answer(
                    try id(req), dispute: nil, actor: actor, now: req.now, on: req.db))
        }
        authed.post("payments", ":id", "dispute") { req in
            let actor = try req.actor(may: .review, .payments)
            _ = try await PaymentService.find(try id(req), actor: actor, on: req.db)
            let input = try JSONBody.decode(PaymentService.Answer.self, from: req)
            return try JSONBody.response(
                try await PaymentService.answer(
                    try id(req), dispute: input.reason ?? "", actor: actor, now: req.now, on: req.db))
        }
        authed.post("payments", ":id", "correction") { req in
            let actor = try req.actor(may: .create, .payments)
            _ = try await PaymentService.find(try id(req), actor: actor, on: req.db)
            let input =
                req.body.data == nil
                ? PaymentService.Answer() : try JSONBody.decode(PaymentService.Answer.self, from: req)
            return try JSONBody.response(
                try await PaymentService.correct(
                    try id(req), note: input.reason, actor: actor, now: req.now, on: req.db), status: .created
            )
        }
        authed.get("fee-budget") { req in
            let actor = try req.actor(reading: .payments)
            try FeeBudgetService.authorise(actor)
            guard let school = req.queryText("school") ?? (actor.role == .school ? actor.unit : nil) else {
                throw AppError.badRequest("请用 school 参数指定院校代码")
            }
            let today = LocalDate(req.now)
            return try JSONBody.response(
                try await FeeBudgetService.budget(
                    school: school, year: try req.queryYear() ?? today.year, actor: actor, today: today,
                    on: req.db))
        }
        authed.get("arrears") { req in
            let actor = try req.actor(reading: .payments)
            let page = try await ArrearsService.page(
                actor: actor, school: req.queryText("school"), organization: req.queryText("organization"),
                region: req.queryText("region"), paging: try Paging(req), today: LocalDate(req.now), on: req.db)
            return try JSONBody.response(ListBody(items: page.items, total: page.total))
        }
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = UUID(uuidString: try req.parameters.require("id")) else { throw AppError.notFound }
        return id
    }

    static func current(_ req: Request) async throws -> Response {
        let (row, _) = try await FeeStandardService.find(
            try id(req), actor: req.currentUser?.actor, on: req.db)
        return try JSONBody.response(try FeeStandardService.body(row))
    }

    static func created(_ id: UUID, _ req: Request) async throws -> Response {
        let (row, _) = try await FeeStandardService.find(id, actor: req.currentUser?.actor, on: req.db)
        return try JSONBody.response(try FeeStandardService.body(row), status: .created)
    }
}
