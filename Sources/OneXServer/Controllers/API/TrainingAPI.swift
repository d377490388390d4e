import OneXDomain
import Vapor

/// Teacher training through the API (AH41-6): courses, enrolments, outcomes, and the schools'
/// qualified teachers.
enum TrainingAPI {
    static func register(on authed: any RoutesBuilder) {
        let courses = authed.grouped("training-courses")
        courses.get { req in
            _ = try req.actor(reading: .trainingCourses)
            let page = try await TrainingService.page(
                organization: req.queryText("organization"), text: req.queryText("q"),
                paging: try Paging(req),
                on: req.db)
            return try JSONBody.response(ListBody(items: page.items, total: page.total))
        }
        courses.post { req in
            let actor = try req.actor(may: .create, .trainingCourses)
            let id = try await TrainingService.create(
                try JSONBody.decode(TrainingService.Draft.self, from: req), actor: actor, now: req.now,
                on: req.db)
            return try JSONBody.response(
                try await TrainingService.find(id, actor: actor, on: req.db), status: .created)
        }
        courses.get("qualifications") { req in
            let actor = try req.actor(reading: .trainingParticipants)
            struct Line: Encodable {
                var school: String
                var schoolName: String
                var teachers: Int
                var trainers: Int
                var examiners: Int
                var qualified: Int
                var share: Double?
            }
            let lines = try await TrainingService.qualifications(actor: actor, on: req.db).map {
                Line(
                    school: $0.tally.school, schoolName: $0.name, teachers: $0.tally.teachers,
                    trainers: $0.tally.trainers, examiners: $0.tally.examiners, qualified: $0.tally.qualified,
                    share: $0.tally.share)
            }
            return try JSONBody.response(ListBody(items: lines, total: lines.count))
        }
        courses.get(":id") { req in
            let actor = try req.actor(reading: .trainingCourses)
            return try JSONBody.response(
                try await TrainingService.find(try FeesAPI.id(req), actor: actor, on: req.db))
        }
        courses.post(":id", "participants") { req in
            let actor = try req.actor(may: .create, .trainingParticipants)
            let id = try FeesAPI.id(req)
            _ = try await TrainingService.enrol(
                id, try JSONBody.decode(TrainingService.Enrolment.self, from: req), actor: actor,
                now: req.now,
                hasher: req.application.onex.idHasher, on: req.db)
            return try JSONBody.response(
                try await TrainingService.find(id, actor: actor, on: req.db), status: .created)
        }
        courses.put(":id", "participants", ":participant") { req in
            let actor = try req.actor(may: .update, .trainingParticipants)
            let id = try FeesAPI.id(req)
            guard let participant = UUID(uuidString: try req.parameters.require("participant")) else {
                throw AppError.notFound
            }
            try await TrainingService.record(
                id, participant: participant,
                try JSONBody.decode(TrainingService.OutcomeBody.self, from: req),
                actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(try await TrainingService.find(id, actor: actor, on: req.db))
        }
    }
}
