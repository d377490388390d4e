import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Teachers' X-certificate training hours (AH41-7): a school records hours per teacher, term and
/// certificate; the payable class hours are the policy's multiple (`TeacherWorkload`); each
/// teacher's year counts toward 双师型 recognition. Scoped by `Access.scope(of: .workloads)`.
enum WorkloadService {
    struct Draft: Codable, Sendable {
        var teacher: String?
        var idNumber: String?
        var year: Int?
        var half: TermHalf?
        var certificate: String?
        var hours: Int?
    }

    struct Summary: Codable, Sendable {
        var school: String
        var schoolName: String
        var teacher: String
        var hours: Int
        var payableHours: Double
        var terms: Int
        var certificates: [String]
        var trainingYears: Int
    }

    /// Records a term's hours; the same teacher, term and certificate again replaces the hours.
    static func record(_ draft: Draft, actor: Actor, now: Date, hasher: IDHasher, on db: any Database)
        async throws
    {
        guard Access.may(.create, .workloads, actor), let code = actor.unit,
            let school = try await School.query(on: db).filter(\.$code == code).first()
        else { throw AppError.forbidden }
        var problems: [FieldError] = []
        let teacher = try FreeText.read(
            draft.teacher, field: "teacher", label: .trainingTeacherName, limit: 50)
        if teacher == nil { problems.append(.required("teacher", .trainingTeacherName)) }
        var key: String?
        if let raw = try FreeText.read(
            draft.idNumber, field: "idNumber", label: .trainingTeacherID, limit: 18)
        {
            if let id = IDNumber(raw) {
                key = hasher.hash(id)
            } else {
                problems.append(FieldError(code: "invalid", .trainingTeacherIDInvalid, field: "idNumber"))
            }
        }
        let year = draft.year ?? 0
        if !(LocalDate(now).year - 5...LocalDate(now).year).contains(year) {
            problems.append(
                FieldError(code: "invalid", .workloadYearInvalid(LocalDate(now).year), field: "year"))
        }
        if draft.half == nil { problems.append(.required("half", .workloadTerm)) }
        let hours = draft.hours ?? 0
        if !(1...2000).contains(hours) {
            problems.append(FieldError(code: "invalid", .workloadHoursInvalid, field: "hours"))
        }
        var certificate: Certificate?
        if let c = draft.certificate?.trimmingCharacters(in: .whitespaces), !c.isEmpty {
            certificate = try await Certificate.query(on: db).filter(\.$code == c).first()
            if certificate == nil {
                problems.append(
                    FieldError(code: "unknown_reference", .siteUnknownCertificate(c), field: "certificate"))
            }
        } else {
            problems.append(.required("certificate", .trainingCertificate))
        }
        guard problems.isEmpty, let teacher, let half = draft.half, let certificate else {
            throw AppError.invalid(problems)
        }
        let teacherKey = key ?? "name:\(teacher)"
        let schoolID = try school.requireID()
        let certificateID = try certificate.requireID()
        try await db.writeTransaction { tx in
            let existing = try await TeacherWorkloadRow.query(on: tx).filter(\.$school.$id == schoolID)
                .filter(\.$teacherKey == teacherKey).filter(\.$year == year).filter(\.$half == half.rawValue)
                .filter(\.$certificate.$id == certificateID).first()
            let row = existing ?? TeacherWorkloadRow()
            let before = existing.map { "\($0.hours)" }
            row.$school.id = schoolID
            row.teacherName = teacher
            row.teacherKey = teacherKey
            row.year = year
            row.half = half.rawValue
            row.$certificate.id = certificateID
            row.hours = hours
            row.recordedBy = actor.username
            row.recordedAt = now
            try await row.save(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: existing == nil ? "create" : "update",
                entity: TeacherWorkloadRow.schema,
                key: try row.requireID().uuidString, before: before,
                after: "\(teacher) \(year) \(half.rawValue) \(certificate.code) \(hours)", at: now)
        }
    }

    /// Each teacher's year in the actor's scope, by school and teacher.
    static func summaries(year: Int, actor: Actor, on db: any Database) async throws -> [Summary] {
        guard let scope = ScopeCondition.joined(Access.scope(of: .workloads, for: actor)) else {
            throw AppError.forbidden
        }
        let rows = try await db.sql().raw(
            """
            SELECT s.code AS school, s.name AS school_name, w.teacher_key, w.teacher_name, w.year, w.half,
              c.code AS certificate, w.hours
            FROM teacher_workloads w JOIN schools s ON s.id = w.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = w.certificate_id
            WHERE w.year <= \(bind: year) AND \(scope)
            """
        ).all()
        let multiplier =
            try await PolicyVersion.current(on: db)?.policy().trainingRules.workloadMultiplier
            ?? Policy.Training.seed.workloadMultiplier
        var names: [String: (school: String, schoolName: String, teacher: String)] = [:]
        var entries: [TeacherWorkload.Entry] = []
        for r in rows {
            let school = try r.decode(column: "school", as: String.self)
            let key = school + "\u{1}" + (try r.decode(column: "teacher_key", as: String.self))
            let rowYear = try r.decode(column: "year", as: Int.self)
            // The name the school gave most recently for the year shown.
            if names[key] == nil || rowYear == year {
                names[key] = (
                    school, try r.decode(column: "school_name", as: String.self),
                    try r.decode(column: "teacher_name", as: String.self)
                )
            }
            entries.append(
                .init(
                    teacher: key, year: rowYear,
                    half: try .stored(
                        try r.decode(column: "half", as: String.self), table: TeacherWorkloadRow.schema,
                        column: "half",
                        id: nil), certificate: try r.decode(column: "certificate", as: String.self),
                    hours: try r.decode(column: "hours", as: Int.self)))
        }
        return TeacherWorkload.summaries(entries, year: year, multiplier: multiplier).compactMap { s in
            guard let n = names[s.teacher] else { return nil }
            return Summary(
                school: n.school, schoolName: n.schoolName, teacher: n.teacher, hours: s.hours,
                payableHours: s.payableHours, terms: s.terms, certificates: s.certificates,
                trainingYears: s.trainingYears)
        }
        .sorted { ($0.school, $0.teacher) < ($1.school, $1.teacher) }
    }
}
