import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Schools' admission and exit of certificates (AH41-2): a school records its decision with
/// the experts' justification or the reason (`CertificateDecisionRules`); lists per school and
/// per certificate in `Access.scope(of: .certificateDecisions)`.
enum CertificateDecisionService {
    struct Draft: Codable, Sendable {
        var certificate: String?
        var kind: CertificateDecisionKind?
        var decidedOn: String?
        var justification: String?
        var experts: String?
    }

    struct Decision: Codable, Sendable {
        var id: UUID
        var school: String
        var schoolName: String
        var certificate: String
        var certificateName: String
        var organization: String
        var kind: CertificateDecisionKind
        var decidedOn: String
        var justification: String
        var experts: String?
    }

    static func record(_ draft: Draft, actor: Actor, now: Date, on db: any Database) async throws -> UUID {
        guard Access.may(.create, .certificateDecisions, actor), let code = actor.unit,
            let school = try await School.query(on: db).filter(\.$code == code).first()
        else { throw AppError.forbidden }
        var problems: [FieldError] = []
        let kind = draft.kind
        if kind == nil { problems.append(.required("kind", .decisionKind)) }
        let justification = try FreeText.read(
            draft.justification, field: "justification", label: .decisionJustification(kind ?? .admit),
            limit: 4000)
        if justification == nil {
            problems.append(.required("justification", .decisionJustification(kind ?? .admit)))
        }
        let experts = try FreeText.read(draft.experts, field: "experts", label: .decisionExperts, limit: 500)
        if kind == .admit && experts == nil { problems.append(.required("experts", .decisionExperts)) }
        let day = LocalDate(draft.decidedOn ?? "")
        if day == nil || day! > LocalDate(now) {
            problems.append(FieldError(code: "invalid", .decisionDay, field: "decidedOn"))
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
        guard problems.isEmpty, let kind, let justification, let day, let certificate else {
            throw AppError.invalid(problems)
        }
        let schoolID = try school.requireID()
        let certificateID = try certificate.requireID()
        let last = try await CertificateDecisionRow.query(on: db).filter(\.$school.$id == schoolID)
            .filter(\.$certificate.$id == certificateID).sort(\.$recordedAt, .descending).first()
        let piloted =
            try await PlanRow.query(on: db).filter(\.$school.$id == schoolID).filter(
                \.$certificate.$id == certificateID
            )
            .count() > 0
        if let why = CertificateDecisionRules.refusal(
            kind,
            last: try last.map {
                try .stored($0.kind, table: CertificateDecisionRow.schema, column: "kind", id: $0.id)
            },
            piloted: piloted)
        {
            throw AppError.conflict(why.chinese, code: "invalid_state")
        }
        let row = CertificateDecisionRow()
        row.id = UUID()
        row.$school.id = schoolID
        row.$certificate.id = certificateID
        row.kind = kind.rawValue
        row.decidedOn = day.description
        row.justification = justification
        row.experts = kind == .admit ? experts : nil
        row.recordedBy = actor.username
        row.recordedAt = now
        try await db.writeTransaction { tx in
            try await row.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: kind.rawValue, entity: CertificateDecisionRow.schema,
                key: try row.requireID().uuidString, before: nil as String?,
                after: "\(code) \(certificate.code) \(day)",
                at: now)
        }
        return try row.requireID()
    }

    struct Filter: Sendable {
        var certificate: String?
        /// Part of the school's or the certificate's code or name.
        var text: String?
        var id: UUID?
    }

    /// The decisions in the actor's scope, newest first; one page, or all without one.
    static func list(actor: Actor, filter: Filter, paging: Paging?, on db: any Database) async throws
        -> (items: [Decision], total: Int)
    {
        guard let scope = ScopeCondition.joined(Access.scope(of: .certificateDecisions, for: actor)) else {
            throw AppError.forbidden
        }
        var condition: SQLQueryString = scope
        if let c = filter.certificate { condition += " AND c.code = \(bind: c)" }
        if let id = filter.id { condition += " AND d.id = \(bind: id)" }
        if let t = filter.text {
            condition += SQLLike.inAny(t, of: ["s.code", "s.name", "c.code", "c.name"])
        }
        return try await SQLPage.read(
            """
            SELECT d.id, d.kind, d.decided_on, d.recorded_at, d.justification, d.experts, s.code AS school,
              s.name AS school_name, c.code AS certificate, c.name AS certificate_name, o.code AS organization
            FROM certificate_decisions d JOIN schools s ON s.id = d.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = d.certificate_id JOIN organizations o ON o.id = c.organization_id
            """, where: condition, order: "d.decided_on DESC, d.recorded_at DESC", paging: paging,
            on: db.sql()
        ) { r in
            let id = try r.decode(column: "id", as: UUID.self)
            return Decision(
                id: id, school: try r.decode(column: "school", as: String.self),
                schoolName: try r.decode(column: "school_name", as: String.self),
                certificate: try r.decode(column: "certificate", as: String.self),
                certificateName: try r.decode(column: "certificate_name", as: String.self),
                organization: try r.decode(column: "organization", as: String.self),
                kind: try .stored(
                    try r.decode(column: "kind", as: String.self), table: CertificateDecisionRow.schema,
                    column: "kind",
                    id: id), decidedOn: try r.decode(column: "decided_on", as: String.self),
                justification: try r.decode(column: "justification", as: String.self),
                experts: try r.decode(column: "experts", as: String?.self))
        }
    }
}
