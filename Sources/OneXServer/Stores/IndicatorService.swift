import Fluent
import OneXDomain
import SQLKit
import Vapor

/// The indicators of indicators.md for a scope and year, as one aggregate query over the plans'
/// running totals (see `PlanTotals`). Exams after `asOf` are subtracted by a per-plan subquery
/// that only runs for plans examined after that day.
enum IndicatorService {
    enum Scope: Equatable {
        case province, school(String), region(String), certificate(String), organization(String)

        var name: String {
            switch self {
            case .province: "province"
            case .school(let c): "school:\(c)"
            case .region(let c): "region:\(c)"
            case .certificate(let c): "certificate:\(c)"
            case .organization(let c): "organization:\(c)"
            }
        }

        /// The scope named by `?school=|region=|certificate=|organization=`, else the province.
        init(query: URLQueryContainer) {
            func value(_ key: String) -> String? { (try? query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 } }
            if let s = value("school") {
                self = .school(s)
            } else if let r = value("region") {
                self = .region(r)
            } else if let c = value("certificate") {
                self = .certificate(c)
            } else if let o = value("organization") {
                self = .organization(o)
            } else {
                self = .province
            }
        }
    }

    enum Grouping: String, CaseIterable {
        case none, region, schoolKind, school, certificate
    }

    struct Row: Sendable {
        var key: String
        var label: String
        var totals: IndicatorTotals
        var set: IndicatorSet { IndicatorSet(totals) }
    }

    /// The scope asked for, if the actor may see it; another unit's scope is 404. With no scope
    /// asked, a unit sees its own.
    static func authorise(_ scope: Scope, actor: Actor, on db: any Database) async throws -> Scope {
        let unit = actor.unit ?? ""
        switch (actor.role, scope) {
        case (.provinceAdmin, _), (.provinceReviewer, _), (.auditor, _): return scope
        case (.school, .school(let c)) where c == unit: return scope
        case (.cityReviewer, .region(let c)) where c == unit: return scope
        case (.cityReviewer, .school(let c)):
            if try await SchoolStore.find(c, scope: .region(unit), on: db) != nil { return scope }
            throw AppError.notFound
        case (.organization, .organization(let c)) where c == unit: return scope
        case (.organization, .certificate(let c)):
            if try await CertificateStore.find(c, scope: .organization(unit), on: db) != nil { return scope }
            throw AppError.notFound
        case (.school, .province): return .school(unit)
        case (.cityReviewer, .province): return .region(unit)
        case (.organization, .province): return .organization(unit)
        default: throw AppError.notFound
        }
    }

    static func totals(_ scope: Scope, year: Int, asOf: LocalDate, on db: any Database) async throws -> IndicatorTotals {
        try await rows(scope, year: year, asOf: asOf, by: .none, on: db).first?.totals ?? IndicatorTotals()
    }

    static func rows(_ scope: Scope, year: Int, asOf: LocalDate, by grouping: Grouping,
                     on db: any Database) async throws -> [Row] {
        let sql = db as! any SQLDatabase
        let day = asOf.description
        func upTo(_ column: String, _ candidateSum: String) -> SQLQueryString {
            """
            CASE WHEN p.last_exam_on IS NULL OR p.last_exam_on <= \(bind: day) THEN p.exam_\(unsafeRaw: column) ELSE
              COALESCE((SELECT SUM(e.\(unsafeRaw: column)) FROM exams e WHERE e.plan_id = p.id AND e.date <= \(bind: day)), 0)
              + COALESCE((SELECT \(unsafeRaw: candidateSum) FROM exam_candidates k WHERE k.plan_id = p.id AND k.exam_date <= \(bind: day)), 0)
            END
            """
        }
        let (key, label) = groupColumns(grouping)
        let query: SQLQueryString = """
            SELECT q.k AS k, q.l AS l, COUNT(*) AS plans,
              CAST(COALESCE(SUM(CASE WHEN q.status = 'exited' THEN 1 ELSE 0 END), 0) AS BIGINT) AS exited_plans,
              CAST(COALESCE(SUM(q.new_count), 0) AS BIGINT) AS new_sum,
              CAST(COALESCE(SUM(q.adjustment_count), 0) AS BIGINT) AS adjusted,
              CAST(COALESCE(SUM(q.count), 0) AS BIGINT) AS planned,
              CAST(COALESCE(SUM(CASE WHEN q.status = 'exited' THEN q.count ELSE 0 END), 0) AS BIGINT) AS exited,
              CAST(COALESCE(SUM(q.reg), 0) AS BIGINT) AS registered,
              CAST(COALESCE(SUM(q.att), 0) AS BIGINT) AS attended,
              CAST(COALESCE(SUM(q.pas), 0) AS BIGINT) AS passed,
              CAST(COALESCE(SUM(CASE WHEN q.att < q.count THEN q.att ELSE q.count END), 0) AS BIGINT) AS completed
            FROM (SELECT \(unsafeRaw: key) AS k, \(unsafeRaw: label) AS l, p.status, p.count, p.new_count, p.adjustment_count,
                    \(upTo("registered", "COUNT(*)")) AS reg, \(upTo("attended", "SUM(k.attended)")) AS att,
                    \(upTo("passed", "SUM(k.passed)")) AS pas
                  FROM plans p \(joins(scope, grouping)) WHERE p.year = \(bind: year) \(filter(scope))) q
            GROUP BY q.k, q.l ORDER BY q.k
            """
        var out: [Row] = []
        for r in try await sql.raw(query).all() {
            var t = IndicatorTotals()
            t.plans = try r.decode(column: "plans", as: Int.self)
            t.exitedPlans = try r.decode(column: "exited_plans", as: Int.self)
            t.new = try r.decode(column: "new_sum", as: Int.self)
            t.adjusted = try r.decode(column: "adjusted", as: Int.self)
            t.planned = try r.decode(column: "planned", as: Int.self)
            t.exited = try r.decode(column: "exited", as: Int.self)
            t.registered = try r.decode(column: "registered", as: Int.self)
            t.attended = try r.decode(column: "attended", as: Int.self)
            t.passed = try r.decode(column: "passed", as: Int.self)
            t.completed = try r.decode(column: "completed", as: Int.self)
            out.append(Row(key: try r.decode(column: "k", as: String.self), label: try r.decode(column: "l", as: String.self), totals: t))
        }
        if grouping == .none && out.isEmpty { out = [Row(key: "", label: "", totals: IndicatorTotals())] }
        try await addCoverage(to: &out, scope, year: year, by: grouping, on: sql)
        return out
    }

    /// AH41-10: distinct students examined over the pilot students declared, for scopes made
    /// of schools (a certificate or an organisation has no declared students).
    private static func addCoverage(to rows: inout [Row], _ scope: Scope, year: Int, by grouping: Grouping,
                                    on sql: any SQLDatabase) async throws {
        switch scope {
        case .certificate, .organization: return
        case .province, .school, .region: break
        }
        if grouping == .certificate { return }
        let (key, _) = groupColumns(grouping)
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: key) AS k, CAST(SUM(sc.examined) AS BIGINT) AS examined, CAST(SUM(sc.declared) AS BIGINT) AS declared
            FROM student_coverage sc JOIN schools s ON s.id = sc.school_id JOIN regions r ON r.id = s.region_id
            WHERE sc.year = \(bind: year) AND sc.declared IS NOT NULL \(filter(scope)) \(unsafeRaw: grouping == .none ? "" : "GROUP BY " + key)
            """
        var found: [String: (Int, Int)] = [:]
        for r in try await sql.raw(query).all() {
            // Without GROUP BY an empty set still gives one row, of NULL sums.
            guard let examined = try r.decode(column: "examined", as: Int?.self),
                let declared = try r.decode(column: "declared", as: Int?.self)
            else { continue }
            found[try r.decode(column: "k", as: String.self)] = (examined, declared)
        }
        for i in rows.indices {
            if let (examined, declared) = found[rows[i].key] {
                rows[i].totals.studentsExamined = examined
                rows[i].totals.studentsDeclared = declared
            }
        }
    }

    private static func groupColumns(_ grouping: Grouping) -> (key: String, label: String) {
        switch grouping {
        case .none: ("''", "''")
        case .region: ("r.code", "r.name")
        case .schoolKind: ("s.kind", "s.kind")
        case .school: ("s.code", "s.name")
        case .certificate: ("c.code", "c.name")
        }
    }

    /// Only the joins the scope and grouping need: the province's figures read `plans` alone.
    private static func joins(_ scope: Scope, _ grouping: Grouping) -> SQLQueryString {
        var needsSchool = [.region, .schoolKind, .school].contains(grouping)
        var needsRegion = grouping == .region
        var needsCertificate = grouping == .certificate
        var needsOrganization = false
        switch scope {
        case .province: break
        case .school: needsSchool = true
        case .region:
            needsSchool = true
            needsRegion = true
        case .certificate: needsCertificate = true
        case .organization:
            needsCertificate = true
            needsOrganization = true
        }
        var j: SQLQueryString = ""
        if needsSchool { j += " JOIN schools s ON s.id = p.school_id" }
        if needsRegion { j += " JOIN regions r ON r.id = s.region_id" }
        if needsCertificate { j += " JOIN certificates c ON c.id = p.certificate_id" }
        if needsOrganization { j += " JOIN organizations o ON o.id = c.organization_id" }
        return j
    }

    private static func filter(_ scope: Scope) -> SQLQueryString {
        switch scope {
        case .province: ""
        case .school(let c): "AND s.code = \(bind: c)"
        case .region(let c): "AND r.code = \(bind: c)"
        case .certificate(let c): "AND c.code = \(bind: c)"
        case .organization(let c): "AND o.code = \(bind: c)"
        }
    }
}
