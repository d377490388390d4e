import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Exams (EXAM-1), candidate result import, pilot-student declarations (AH41-10), indicators
/// (HN-9) and monitoring (AH22-8).
enum ExamsAPI {
    struct IndicatorsBody: Encodable {
        var scope: String
        var year: Int
        var asOf: String
        var indicators: IndicatorSet

        enum Key: String, CodingKey { case scope, year, asOf }

        func encode(to encoder: any Encoder) throws {
            try indicators.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(scope, forKey: .scope)
            try c.encode(year, forKey: .year)
            try c.encode(asOf, forKey: .asOf)
        }
    }

    struct Declaration: Codable {
        var year: Int
        var count: Int
    }

    static func register(on api: any RoutesBuilder) {
        api.post("exams") { req in
            let actor = try req.actor(may: .create, .examSessions)
            let input = try JSONBody.decode(ExamSession.self, from: req)
            let id = try await ExamService.record(input, actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(WithID(id: id, record: input), status: .created)
        }

        api.get("exams") { req in
            let items = try await ExamService.sessions(actor: try req.actor(), school: try? req.query.get(String.self, at: "school"),
                                                       year: try req.queryYear(), limit: try Paging(req).limit,
                                                       on: req.db)
            return try JSONBody.response(ListBody(items: items, total: items.count))
        }

        api.on(.POST, "exams", "import", body: .collect(maxSize: "64mb")) { req in
            let actor = try req.actor(may: .importFile, .candidateResults)
            let data = try uploadedFile(req)
            let confirm = actor.role == .provinceAdmin && (try? req.query.get(Bool.self, at: "confirmOverPlan")) == true
            let summary = try await CandidateImport.run(
                try ExamService.rows(of: data), organization: actor.role == .organization ? actor.unit : nil,
                actor: actor.username, confirmOverPlan: confirm, now: req.now, hasher: req.application.onex.idHasher, on: req.db, logger: req.logger)
            return try JSONBody.response(summary)
        }

        api.put("pilot-students") { req in
            let actor = try req.actor(in: .school)
            let input = try JSONBody.decode(Declaration.self, from: req)
            try await declare(input, actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(input)
        }

        api.get("indicators") { req in
            let actor = try req.actor()
            let today = LocalDate(req.now)
            let year = (try req.queryYear()) ?? today.year
            var asOf = today
            if let text = try? req.query.get(String.self, at: "asOf") {
                guard let day = LocalDate(text) else {
                    throw AppError.invalid([FieldError(code: "invalid", message: "asOf 应为 YYYY-MM-DD 日期", field: "asOf")])
                }
                asOf = day
            }
            let scope = try await IndicatorService.authorise(IndicatorService.Scope(query: req.query), actor: actor, on: req.db)
            let totals = try await IndicatorService.totals(scope, year: year, asOf: asOf, on: req.db)
            return try JSONBody.response(IndicatorsBody(scope: scope.name, year: year, asOf: asOf.description,
                                                        indicators: IndicatorSet(totals)))
        }

        api.post("monitoring", "bulletins", ":day") { req in
            let actor = try req.actor(may: .publish, .bulletins)
            struct Body: Decodable { var documentNumber: String? }
            let body = req.body.data.map { _ in try? JSONBody.decode(Body.self, from: req) } ?? nil
            try await MonitoringService.publish(takenOn: try req.parameters.require("day"), documentNumber: body?.documentNumber,
                                                actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(["published": try req.parameters.require("day")])
        }

        // AH41-12: a published bulletin on the public pages, or off them (`{"public": false}`).
        api.post("monitoring", "bulletins", ":day", "public") { req in
            let actor = try req.actor(may: .publish, .bulletins)
            struct Body: Codable { var `public`: Bool }
            let body = try JSONBody.decode(Body.self, from: req)
            let day = try req.parameters.require("day")
            try await MonitoringService.setPublic(day, shown: body.public, actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(body)
        }
    }

    /// AH41-10: a school's pilot students for a year, the denominator of student coverage.
    static func declare(_ input: Declaration, actor: Actor, now: Date, on db: any Database) async throws {
        guard input.count >= 0, input.count <= 1_000_000 else {
            throw AppError.invalid([FieldError(code: "invalid", message: "试点学生人数应为 0 到 1000000 之间的整数", field: "count")])
        }
        guard (2019...2100).contains(input.year) else {
            throw AppError.invalid([FieldError(code: "invalid", message: "年度无效", field: "year")])
        }
        guard let school = try await CodeResolver(db).id(.schools, actor.unit ?? "") else { throw AppError.notFound }
        try await db.writeTransaction { tx in
            try await StudentCoverage.declare(school: school, year: input.year, count: input.count, on: tx.sql())
            try await AuditWriter(tx).append(actor: actor.username, action: "declare", entity: "student_coverage",
                                             key: "\(actor.unit ?? "")/\(input.year)", before: nil, after: "\(input.count)", at: now)
        }
    }

    /// The file of a multipart upload (`file` field), or the raw request body.
    static func uploadedFile(_ req: Request) throws -> Data {
        if req.headers.contentType?.type == "multipart" {
            struct Upload: Content { var file: File }
            let upload = try req.content.decode(Upload.self)
            return Data(buffer: upload.file.data)
        }
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw AppError.invalid([FieldError(code: "empty", message: "请上传 CSV 或 XLSX 文件")], detail: "没有收到文件")
        }
        return Data(buffer: body)
    }
}
