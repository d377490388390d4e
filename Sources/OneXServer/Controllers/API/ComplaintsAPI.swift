import OneXDomain
import Vapor

/// Complaints through the API (AH41-2). Filing takes JSON or multipart with an evidence `file`.
enum ComplaintsAPI {
    struct FilingBody: Content {
        var organization: String?
        var certificate: String?
        var what: String?
        var occurredOn: String?
        var file: File?
    }

    struct StepBody: Content {
        var text: String?
        var day: String?
    }

    static func register(on authed: any RoutesBuilder) {
        let complaints = authed.grouped("complaints")
        complaints.get { req in
            let actor = try req.actor(reading: .complaints)
            let page = try await ComplaintService.list(
                actor: actor, filter: try filter(req), paging: try Paging(req), on: req.db)
            return try JSONBody.response(ListBody(items: page.items, total: page.total))
        }
        complaints.on(.POST, body: .collect(maxSize: "20mb")) { req in
            let actor = try req.actor(may: .create, .complaints)
            let body = try req.content.decode(FilingBody.self)
            let id = try await ComplaintService.file(
                .init(
                    organization: body.organization, certificate: body.certificate, what: body.what,
                    occurredOn: body.occurredOn),
                evidence: body.file, actor: actor, unitName: req.currentUser?.unitName ?? actor.unit ?? "",
                now: req.now, on: req.db)
            return try JSONBody.response(
                try await ComplaintService.find(id, actor: actor, on: req.db), status: .created)
        }
        complaints.get(":id") { req in
            let actor = try req.actor(reading: .complaints)
            return try JSONBody.response(
                try await ComplaintService.find(try FeesAPI.id(req), actor: actor, on: req.db))
        }
        complaints.get(":id", "evidence") { req in try await evidence(req) }
        complaints.post(":id", ":step") { req in
            guard let step = ComplaintStep(rawValue: try req.parameters.require("step")) else {
                throw AppError.notFound
            }
            let actor = try req.actor(may: step.byOrganization ? .update : .review, .complaints)
            let body = req.body.data == nil ? StepBody() : try JSONBody.decode(StepBody.self, from: req)
            let id = try FeesAPI.id(req)
            _ = try await ComplaintService.step(
                id, step, text: body.text, day: body.day, actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(try await ComplaintService.find(id, actor: actor, on: req.db))
        }
    }

    /// The evidence file, for whoever may read the complaint.
    static func evidence(_ req: Request) async throws -> Response {
        let actor = try req.actor(reading: .complaints)
        let row = try await ComplaintService.visibleRow(try FeesAPI.id(req), actor: actor, on: req.db)
        guard let data = row.data else { throw AppError.notFound }
        return Response(
            status: .ok,
            headers: SafeHeaders.download(
                contentType: row.contentType ?? "application/octet-stream", filename: row.filename ?? "file"),
            body: .init(data: data))
    }

    /// `?status=&q=` as a filter; an unknown status is a 400.
    static func filter(_ req: Request) throws -> ComplaintService.Filter {
        let status = try req.queryText("status").map {
            guard let s = ComplaintStatus(rawValue: $0) else { throw AppError.badRequest("status 取值无效") }
            return s
        }
        return .init(status: status, text: req.queryText("q"))
    }
}
