import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Teacher training (师资培训, AH41-6): an organisation announces a course of its certificate with
/// its trainers, refused when industry trainers are under the policy's share or the fee above
/// its cap (`TrainingRules`); schools enrol their teachers; the organisation records what each
/// gained. Courses are public; teachers are seen by their school, its city, the course's
/// organisation and the province (`Access.scope(of: .trainingParticipants)`).
enum TrainingService {
    struct TrainerDraft: Codable, Sendable {
        var name: String?
        var employer: String?
        var fromIndustry: Bool?
    }

    struct Draft: Codable, Sendable {
        var certificate: String?
        var level: Level?
        var title: String?
        var startsOn: String?
        var endsOn: String?
        var place: String?
        /// Fen per head.
        var feePerHead: Int?
        var seats: Int?
        var trainers: [TrainerDraft]?
    }

    struct Course: Codable, Sendable {
        var id: UUID
        var number: String
        var certificate: String
        var certificateName: String
        var organization: String
        var organizationName: String
        var level: Level
        var title: String
        var startsOn: String
        var endsOn: String
        var place: String
        var feePerHead: Int
        var seats: Int
        var trainers: [Trainer]
        var industryTrainers: Int
        var enrolled: Int
        /// The teachers the reader may see (one course only).
        var participants: [Participant]?
    }

    struct Participant: Codable, Sendable {
        var id: UUID
        var school: String
        var schoolName: String
        var name: String
        /// Masked (138****5678).
        var phone: String?
        var outcome: TrainingOutcome
        var certificateNumber: String?
    }

    struct Enrolment: Codable, Sendable {
        var name: String?
        var idNumber: String?
        var phone: String?
    }

    struct OutcomeBody: Codable, Sendable {
        var outcome: TrainingOutcome?
        var certificateNumber: String?
    }

    // MARK: Courses

    static func create(_ draft: Draft, actor: Actor, now: Date, on db: any Database) async throws -> UUID {
        guard Access.may(.create, .trainingCourses, actor) else { throw AppError.forbidden }
        var problems: [FieldError] = []
        func text(_ value: String?, _ field: String, _ label: UIText, limit: Int) throws -> String? {
            let t = try FreeText.read(value, field: field, label: label, limit: limit)
            if t == nil { problems.append(.required(field, label)) }
            return t
        }
        let title = try text(draft.title, "title", .trainingTitle, limit: 200)
        let place = try text(draft.place, "place", .trainingPlace, limit: 300)
        var certificate: Certificate?
        switch try await OwnCertificate.read(draft.certificate, actor: actor, on: db) {
        case .success(let c): certificate = c
        case .failure(let problem): problems.append(problem)
        }
        if draft.level == nil { problems.append(.required("level", .trainingLevel)) }
        let starts = LocalDate(draft.startsOn ?? "")
        let ends = LocalDate(draft.endsOn ?? "")
        if starts == nil || ends == nil || ends! < starts! {
            problems.append(FieldError(code: "invalid", .trainingDates, field: "startsOn"))
        } else if starts! < LocalDate(now) {
            problems.append(FieldError(code: "invalid", .trainingStartsPast, field: "startsOn"))
        }
        let fee = draft.feePerHead ?? -1
        if !Limits.fen.contains(fee) {
            problems.append(FieldError(code: "invalid", .trainingFeeInvalid, field: "feePerHead"))
        }
        let seats = draft.seats ?? 0
        if !(1...10_000).contains(seats) {
            problems.append(FieldError(code: "invalid", .trainingSeatsInvalid, field: "seats"))
        }
        var trainers: [Trainer] = []
        for (i, t) in (draft.trainers ?? []).enumerated() {
            let name = try FreeText.read(
                t.name, field: "trainers[\(i)].name", label: .trainingTrainerName, limit: 50)
            let employer = try FreeText.read(
                t.employer, field: "trainers[\(i)].employer", label: .trainingTrainerEmployer, limit: 200)
            if name == nil && employer == nil { continue }
            guard let name, let employer else {
                problems.append(
                    FieldError(code: "required", .trainingTrainerIncomplete(i + 1), field: "trainers"))
                continue
            }
            trainers.append(Trainer(name: name, employer: employer, fromIndustry: t.fromIndustry ?? false))
        }
        if trainers.count > 50 {
            problems.append(FieldError(code: "invalid", .trainingTooManyTrainers, field: "trainers"))
        }
        let rules = try await PolicyVersion.current(on: db)?.policy().trainingRules ?? .seed
        if let starts, let ends, ends >= starts, fee >= 0 {
            for refusal in TrainingRules.refusals(
                trainers: trainers, feePerHead: fee, days: ends.days(since: starts) + 1, rules: rules)
            {
                switch refusal {
                case .noTrainers:
                    problems.append(FieldError(code: "required", .trainingNoTrainers, field: "trainers"))
                case .industryShareBelow(let industry, let all, let percent):
                    problems.append(
                        FieldError(
                            code: "industry_share_below", .trainingIndustryShareBelow(industry, all, percent),
                            field: "trainers"))
                case .feeAboveCap(let fee, let cap, let days):
                    problems.append(
                        FieldError(
                            code: "fee_above_cap",
                            .trainingFeeAboveCap(fee, cap, days, rules.maxFeePerHeadPerDay),
                            field: "feePerHead"))
                }
            }
        }
        guard problems.isEmpty, let title, let place, let certificate, let level = draft.level, let starts,
            let ends
        else { throw AppError.invalid(problems) }
        let checkedTrainers = trainers
        let row = TrainingCourseRow()
        row.id = UUID()
        row.$certificate.id = try certificate.requireID()
        row.level = level.rawValue
        row.title = title
        row.startsOn = starts.description
        row.endsOn = ends.description
        row.place = place
        row.feePerHead = fee
        row.seats = seats
        row.createdBy = actor.username
        row.createdAt = now
        try await db.writeTransaction { tx in
            try await AuditWriter(tx).append(
                actor: actor.username, action: "create", entity: TrainingCourseRow.schema,
                key: try row.requireID().uuidString, before: nil as String?,
                after: "\(certificate.code) \(level.rawValue) \(starts) \(fee)", at: now)
            row.number = try await YearlyNumber.next("PX", table: "training_courses", now: now, on: tx)
            try await row.create(on: tx)
            for (i, t) in checkedTrainers.enumerated() {
                let r = TrainingTrainerRow()
                r.$course.id = try row.requireID()
                r.position = i + 1
                r.name = t.name
                r.employer = t.employer
                r.fromIndustry = t.fromIndustry
                try await r.create(on: tx)
            }
        }
        return try row.requireID()
    }

    static let columns: SQLQueryString = """
        SELECT k.id, k.number, k.level, k.title, k.starts_on, k.ends_on, k.place, k.fee_per_head, k.seats,
          c.code AS certificate, c.name AS certificate_name, o.code AS organization, o.name AS organization_name,
          (SELECT COUNT(*) FROM training_participants t WHERE t.course_id = k.id) AS enrolled
        FROM training_courses k JOIN certificates c ON c.id = k.certificate_id
        JOIN organizations o ON o.id = c.organization_id
        """

    /// Courses, newest first; `organization` narrows to one organisation's, `text` searches the
    /// number, title and certificate.
    static func list(
        organization: String? = nil, text: String? = nil, id: UUID? = nil, limit: Int? = nil,
        on db: any Database
    ) async throws -> [Course] {
        try await page(
            organization: organization, text: text, id: id,
            paging: limit.map { Paging(limit: $0, offset: 0) },
            on: db
        ).items
    }

    /// One page of the courses and how many there are; all without a page.
    static func page(
        organization: String? = nil, text: String? = nil, id: UUID? = nil, paging: Paging?,
        on db: any Database
    ) async throws -> (items: [Course], total: Int) {
        var condition: SQLQueryString = "1 = 1"
        if let id { condition += " AND k.id = \(bind: id)" }
        if let organization { condition += " AND o.code = \(bind: organization)" }
        if let text {
            condition += SQLLike.inAny(text, of: ["k.number", "k.title", "c.code", "c.name"])
        }
        let (rows, total) = try await SQLPage.read(
            columns, where: condition, order: "k.starts_on DESC, k.number DESC", paging: paging, on: db.sql()
        ) { $0 }
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        var trainers: [UUID: [Trainer]] = [:]
        if !ids.isEmpty {
            for chunk in stride(from: 0, to: ids.count, by: 500).map({
                Array(ids[$0..<min($0 + 500, ids.count)])
            }) {
                let list = try await TrainingTrainerRow.query(on: db).filter(\.$course.$id ~~ chunk)
                    .sort(\.$position).all()
                for t in list {
                    trainers[t.$course.id, default: []].append(
                        Trainer(name: t.name, employer: t.employer, fromIndustry: t.fromIndustry))
                }
            }
        }
        let courses = try rows.map { r in
            let id = try r.decode(column: "id", as: UUID.self)
            let t = trainers[id] ?? []
            return Course(
                id: id, number: try r.decode(column: "number", as: String.self),
                certificate: try r.decode(column: "certificate", as: String.self),
                certificateName: try r.decode(column: "certificate_name", as: String.self),
                organization: try r.decode(column: "organization", as: String.self),
                organizationName: try r.decode(column: "organization_name", as: String.self),
                level: try .stored(
                    try r.decode(column: "level", as: String.self), table: TrainingCourseRow.schema,
                    column: "level",
                    id: id),
                title: try r.decode(column: "title", as: String.self),
                startsOn: try r.decode(column: "starts_on", as: String.self),
                endsOn: try r.decode(column: "ends_on", as: String.self),
                place: try r.decode(column: "place", as: String.self),
                feePerHead: try r.decode(column: "fee_per_head", as: Int.self),
                seats: try r.decode(column: "seats", as: Int.self), trainers: t,
                industryTrainers: t.filter(\.fromIndustry).count,
                enrolled: try r.decode(column: "enrolled", as: Int.self))
        }
        return (courses, total)
    }

    /// One course with the teachers the actor may see (none without an account).
    static func find(_ id: UUID, actor: Actor?, on db: any Database) async throws -> Course {
        guard var course = try await list(id: id, on: db).first else { throw AppError.notFound }
        if let actor, let scope = ScopeCondition.joined(Access.scope(of: .trainingParticipants, for: actor)) {
            course.participants = try await participants(course: id, scope: scope, on: db)
        }
        return course
    }

    static func participants(course: UUID, scope: SQLQueryString, on db: any Database) async throws
        -> [Participant]
    {
        try await db.sql().raw(
            """
            SELECT t.id, t.name, t.phone, t.outcome, t.certificate_number, s.code AS school, s.name AS school_name
            FROM training_participants t JOIN schools s ON s.id = t.school_id JOIN regions r ON r.id = s.region_id
            JOIN training_courses k ON k.id = t.course_id JOIN certificates c ON c.id = k.certificate_id
            JOIN organizations o ON o.id = c.organization_id
            WHERE t.course_id = \(bind: course) AND \(scope) ORDER BY s.code, t.added_at
            """
        ).all().map { r in
            let id = try r.decode(column: "id", as: UUID.self)
            return Participant(
                id: id, school: try r.decode(column: "school", as: String.self),
                schoolName: try r.decode(column: "school_name", as: String.self),
                name: try r.decode(column: "name", as: String.self),
                phone: try r.decode(column: "phone", as: String?.self).map(PhoneMask.mask),
                outcome: try .stored(
                    try r.decode(column: "outcome", as: String.self), table: TrainingParticipantRow.schema,
                    column: "outcome", id: id),
                certificateNumber: try r.decode(column: "certificate_number", as: String?.self))
        }
    }

    // MARK: Teachers

    /// A school enrols one of its teachers; the same teacher twice in a course is refused.
    static func enrol(
        _ course: UUID, _ input: Enrolment, actor: Actor, now: Date, hasher: IDHasher, on db: any Database
    ) async throws -> UUID {
        guard Access.may(.create, .trainingParticipants, actor), let code = actor.unit,
            let school = try await School.query(on: db).filter(\.$code == code).first()
        else { throw AppError.forbidden }
        guard let row = try await TrainingCourseRow.find(course, on: db) else { throw AppError.notFound }
        var problems: [FieldError] = []
        let name = try FreeText.read(input.name, field: "name", label: .trainingTeacherName, limit: 50)
        if name == nil { problems.append(.required("name", .trainingTeacherName)) }
        let phone = try FreeText.read(input.phone, field: "phone", label: .ledgerPhone, limit: 30)
        if let phone, !RectificationService.isPhone(phone) {
            problems.append(FieldError(code: "invalid", .ledgerPhoneInvalid, field: "phone"))
        }
        var idHash: String?
        if let raw = try FreeText.read(
            input.idNumber, field: "idNumber", label: .trainingTeacherID, limit: 18)
        {
            if let id = IDNumber(raw) {
                idHash = hasher.hash(id)
            } else {
                problems.append(FieldError(code: "invalid", .trainingTeacherIDInvalid, field: "idNumber"))
            }
        }
        guard problems.isEmpty, let name else { throw AppError.invalid(problems) }
        let p = TrainingParticipantRow()
        p.id = UUID()
        p.$course.id = course
        p.$school.id = try school.requireID()
        p.name = name
        p.teacherKey = idHash ?? "name:\(name)"
        p.phone = phone
        p.outcome = TrainingOutcome.enrolled.rawValue
        p.addedBy = actor.username
        p.addedAt = now
        p.updatedAt = now
        try await db.writeTransaction { tx in
            let taken = try await TrainingParticipantRow.query(on: tx).filter(\.$course.$id == course).count()
            guard taken < row.seats else {
                throw AppError.conflict("该培训已报满（\(row.seats)人）", code: "course_full")
            }
            let same = try await TrainingParticipantRow.query(on: tx).filter(\.$course.$id == course)
                .filter(\.$school.$id == school.requireID()).filter(\.$teacherKey == p.teacherKey).count()
            guard same == 0 else {
                throw AppError.conflict("\(name)已报名该培训", code: "already_enrolled")
            }
            try await p.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "enrol", entity: TrainingParticipantRow.schema,
                key: try p.requireID().uuidString, before: nil as String?, after: "\(row.number) \(code)",
                at: now)
        }
        return try p.requireID()
    }

    /// The organisation of the course records what a teacher gained.
    static func record(
        _ course: UUID, participant: UUID, _ input: OutcomeBody, actor: Actor, now: Date, on db: any Database
    ) async throws {
        guard Access.may(.update, .trainingParticipants, actor),
            let scope = ScopeCondition.joined(Access.scope(of: .trainingParticipants, for: actor))
        else { throw AppError.forbidden }
        guard
            try await participants(course: course, scope: scope, on: db).contains(where: {
                $0.id == participant
            }),
            let row = try await TrainingParticipantRow.find(participant, on: db)
        else { throw AppError.notFound }
        guard let outcome = input.outcome else {
            throw AppError.invalid([.required("outcome", .trainingOutcome)])
        }
        let number = try FreeText.read(
            input.certificateNumber, field: "certificateNumber", label: .trainingCertificateNumber, limit: 50)
        if outcome.needsCertificateNumber && number == nil {
            throw AppError.invalid([
                FieldError(code: "required", .trainingCertificateNumberNeeded, field: "certificateNumber")
            ])
        }
        let before = row.outcome
        row.outcome = outcome.rawValue
        row.certificateNumber = outcome.needsCertificateNumber ? number : nil
        row.updatedAt = now
        try await db.writeTransaction { tx in
            try await row.update(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "outcome", entity: TrainingParticipantRow.schema,
                key: participant.uuidString, before: before, after: "\(outcome.rawValue) \(number ?? "")",
                at: now)
        }
    }

    /// Per school in the actor's scope: teachers trained, trainers, examiners, qualified share;
    /// ranked (`TeacherQualificationTally.ranked`), with the schools' names.
    static func qualifications(actor: Actor, on db: any Database) async throws
        -> [(tally: TeacherQualificationTally, name: String)]
    {
        guard let scope = ScopeCondition.joined(Access.scope(of: .trainingParticipants, for: actor)) else {
            throw AppError.forbidden
        }
        let rows = try await db.sql().raw(
            """
            SELECT s.code AS school, s.name AS school_name, t.teacher_key, t.outcome
            FROM training_participants t JOIN schools s ON s.id = t.school_id JOIN regions r ON r.id = s.region_id
            JOIN training_courses k ON k.id = t.course_id JOIN certificates c ON c.id = k.certificate_id
            JOIN organizations o ON o.id = c.organization_id
            WHERE \(scope)
            """
        ).all()
        var names: [String: String] = [:]
        var outcomes: [(school: String, teacher: String, outcome: TrainingOutcome)] = []
        for r in rows {
            let school = try r.decode(column: "school", as: String.self)
            names[school] = try r.decode(column: "school_name", as: String.self)
            outcomes.append(
                (
                    school, try r.decode(column: "teacher_key", as: String.self),
                    try .stored(
                        try r.decode(column: "outcome", as: String.self),
                        table: TrainingParticipantRow.schema,
                        column: "outcome", id: nil)
                ))
        }
        return TeacherQualificationTally.ranked(TeacherQualificationTally.tallies(outcomes)).map {
            ($0, names[$0.school] ?? $0.school)
        }
    }
}
