import Fluent
import OneXDomain
import SQLKit
import Vapor

/// The indicators of indicators.md for a scope and year, as one aggregate query over the plans'
/// running totals (see `PlanTotals`), or, for scopes and groupings made of schools, over the
/// same sums kept per school and year (`school_indicators`, kept by triggers on the plans).
/// Exams after `asOf` are subtracted by a per-plan subquery that only runs for plans examined
/// after that day.
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
        let certificates = Access.scope(of: .certificates, for: actor)
        switch (Access.scope(of: .indicators, for: actor), scope) {
        case (.all, _): return scope
        case (.none, _): throw AppError.forbidden
        case (.school(let own), .province): return .school(own)
        case (.region(let own), .province): return .region(own)
        case (.organization(let own), .province): return .organization(own)
        case (.school(let own), .school(let c)) where c == own: return scope
        case (.region(let own), .region(let c)) where c == own: return scope
        case (.organization(let own), .organization(let c)) where c == own: return scope
        case (let own, .school(let c)):
            if try await SchoolStore.find(c, scope: own, on: db) != nil { return scope }
            throw AppError.notFound
        case (_, .certificate(let c)) where certificates != .all:
            // An organisation asks for one of its own certificates.
            if try await CertificateStore.find(c, scope: certificates, on: db) != nil { return scope }
            throw AppError.notFound
        default: throw AppError.notFound
        }
    }

    static func totals(_ scope: Scope, year: Int, asOf: LocalDate, on db: any Database) async throws -> IndicatorTotals {
        try await rows(scope, year: year, asOf: asOf, by: .none, on: db).first?.totals ?? IndicatorTotals()
    }

    static func rows(_ scope: Scope, year: Int, asOf: LocalDate, by grouping: Grouping,
                     on db: any Database) async throws -> [Row] {
        let sql = try db.sql()
        var out = try await planRows(scope, year: year, asOf: asOf, by: grouping, on: sql)
        if grouping == .none && out.isEmpty { out = [Row(key: "", label: "", totals: IndicatorTotals())] }
        apply(try await coverage(scope, year: year, asOf: asOf, by: grouping, on: sql), to: &out)
        return out
    }

    /// Several groupings of one scope, as `rows` gives each. The groupings made of schools (the
    /// total, cities, school kinds, schools) are sums over the scope's schools, so they are
    /// folded here from one pass per school instead of a pass over the plans each: the
    /// province's dashboard asks for four.
    static func rows(_ scope: Scope, year: Int, asOf: LocalDate, by groupings: [Grouping],
                     on db: any Database) async throws -> [[Row]] {
        guard groupings.filter({ madeOfSchools(scope, $0) }).count > 1 else {
            var out: [[Row]] = []
            for grouping in groupings { out.append(try await rows(scope, year: year, asOf: asOf, by: grouping, on: db)) }
            return out
        }
        let sql = try db.sql()
        let schools = try await planRows(scope, year: year, asOf: asOf, by: .school, on: sql)
        let students = try await coverage(scope, year: year, asOf: asOf, by: .school, on: sql)
        var units: [String: (region: String, regionName: String, kind: String)] = [:]
        for r in try await sql.raw("""
            SELECT s.code, s.kind, r.code AS region, r.name FROM schools s JOIN regions r ON r.id = s.region_id WHERE 1 = 1 \(filter(scope))
            """).all() {
            units[try r.decode(column: "code", as: String.self)] = (try r.decode(column: "region", as: String.self),
                                                                    try r.decode(column: "name", as: String.self),
                                                                    try r.decode(column: "kind", as: String.self))
        }
        var out: [[Row]] = []
        for grouping in groupings {
            guard madeOfSchools(scope, grouping) else {
                out.append(try await rows(scope, year: year, asOf: asOf, by: grouping, on: db))
                continue
            }
            func group(_ school: String) -> (key: String, label: String) {
                let unit = units[school]
                switch grouping {
                case .none, .certificate: return ("", "")
                case .region: return (unit?.region ?? "", unit?.regionName ?? "")
                case .schoolKind: return (unit?.kind ?? "", unit?.kind ?? "")
                case .school: return (school, "")
                }
            }
            var rows: [Row] = []
            var index: [String: Int] = [:]
            for school in schools {
                var (key, label) = group(school.key)
                if grouping == .school { label = school.label }
                if let i = index[key] {
                    rows[i].totals.add(school.totals)
                } else {
                    index[key] = rows.count
                    rows.append(Row(key: key, label: label, totals: school.totals))
                }
            }
            if grouping == .none && rows.isEmpty { rows = [Row(key: "", label: "", totals: IndicatorTotals())] }
            rows.sort { $0.key < $1.key }
            var covered: [String: (examined: Int, declared: Int)] = [:]
            for (school, figures) in students {
                let key = group(school).key
                let sum = covered[key] ?? (0, 0)
                covered[key] = (sum.examined + figures.examined, sum.declared + figures.declared)
            }
            apply(covered, to: &rows)
            out.append(rows)
        }
        return out
    }

    /// The plan figures of `scope` per `grouping`, exams after `asOf` taken away; no coverage.
    private static func planRows(_ scope: Scope, year: Int, asOf: LocalDate, by grouping: Grouping,
                                 on sql: any SQLDatabase) async throws -> [Row] {
        var out: [Row] = []
        var index: [String: Int] = [:]
        let source = madeOfSchools(scope, grouping) ? keptPerSchool : allPlans
        for r in try await sql.raw(aggregate(source, scope, year: year, by: grouping)).all() {
            index[try r.decode(column: "k", as: String.self)] = out.count
            out.append(Row(key: try r.decode(column: "k", as: String.self), label: try r.decode(column: "l", as: String.self),
                           totals: try totals(of: r)))
        }
        // Plans examined after `asOf` are few (none once the year's exams are in): their exam
        // figures are corrected here rather than slowing down the pass over every plan.
        // Whether there are any is one index lookup; the correction itself, grouped by school,
        // may be planned as a walk over every plan in school order, so it runs only when needed.
        let day = asOf.description
        let anyAfter = try await sql.raw(
            "SELECT 1 AS found FROM plans WHERE year = \(bind: year) AND last_exam_on > \(bind: day) LIMIT 1"
        ).first()
        let corrections = anyAfter == nil
            ? [] : try await sql.raw(aggregate(examinedAfter(day, year: year), scope, year: year, by: grouping)).all()
        for r in corrections {
            guard let i = index[try r.decode(column: "k", as: String.self)] else { continue }
            let delta = try totals(of: r)
            out[i].totals.registered += delta.registered
            out[i].totals.attended += delta.attended
            out[i].totals.passed += delta.passed
            out[i].totals.completed += delta.completed
        }
        return out
    }

    private static func apply(_ coverage: [String: (examined: Int, declared: Int)], to rows: inout [Row]) {
        for i in rows.indices {
            if let (examined, declared) = coverage[rows[i].key] {
                rows[i].totals.studentsExamined = examined
                rows[i].totals.studentsDeclared = declared
            }
        }
    }

    private static func totals(of r: any SQLRow) throws -> IndicatorTotals {
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
        return t
    }

    /// What one pass of the aggregate sums: the columns of `Totals` as expressions over rows `p`.
    private struct Source {
        var from: SQLQueryString
        var columns: String
    }

    private static let totalColumns = ["plans", "exited_plans", "new_sum", "adjusted", "planned", "exited", "registered",
                                       "attended", "passed", "completed"]

    /// Every plan with its running totals, read from the covering index `plans_indicators`.
    private static let allPlans = Source(from: "plans p", columns: """
        COUNT(*) AS plans, SUM(CASE WHEN p.status = 'exited' THEN 1 ELSE 0 END) AS exited_plans,
        SUM(p.new_count) AS new_sum, SUM(p.adjustment_count) AS adjusted, SUM(p.count) AS planned,
        SUM(CASE WHEN p.status = 'exited' THEN p.count ELSE 0 END) AS exited,
        SUM(p.exam_registered) AS registered, SUM(p.exam_attended) AS attended, SUM(p.exam_passed) AS passed,
        SUM(CASE WHEN p.exam_attended < p.count THEN p.exam_attended ELSE p.count END) AS completed
        """)

    /// The same sums as `allPlans`, kept per school and year: one row per school instead of one
    /// per plan (the province's twelve thousand schools against six hundred thousand plans).
    private static let keptPerSchool = Source(
        from: "school_indicators p",
        columns: totalColumns.map { "SUM(p.\($0)) AS \($0)" }.joined(separator: ", "))

    /// Whether the plans asked for are whole schools' plans, grouped by something of the
    /// school's: then the per-school sums hold all that is needed.
    private static func madeOfSchools(_ scope: Scope, _ grouping: Grouping) -> Bool {
        switch (scope, grouping) {
        case (.certificate, _), (.organization, _), (_, .certificate): false
        case (.province, _), (.school, _), (.region, _): true
        }
    }

    /// Plans examined after `day`: the difference between their figures as of `day` and their
    /// running totals (zero for everything but the exam figures).
    private static func examinedAfter(_ day: String, year: Int) -> Source {
        func upTo(_ column: String, _ candidateSum: String) -> SQLQueryString {
            """
            COALESCE((SELECT SUM(e.\(unsafeRaw: column)) FROM exams e WHERE e.plan_id = x.id AND e.date <= \(bind: day)), 0)
              + COALESCE((SELECT \(unsafeRaw: candidateSum) FROM exam_candidates k WHERE k.plan_id = x.id AND k.exam_date <= \(bind: day)), 0)
            """
        }
        return Source(from: """
            (SELECT x.school_id, x.certificate_id, x.year, x.count, x.exam_registered, x.exam_attended, x.exam_passed, x.last_exam_on,
               \(upTo("registered", "COUNT(*)")) AS reg, \(upTo("attended", "SUM(k.attended)")) AS att,
               \(upTo("passed", "SUM(k.passed)")) AS pas
             FROM plans x WHERE x.year = \(bind: year) AND x.last_exam_on > \(bind: day)) p
            """, columns: """
            0 AS plans, 0 AS exited_plans, 0 AS new_sum, 0 AS adjusted, 0 AS planned, 0 AS exited,
            SUM(p.reg - p.exam_registered) AS registered, SUM(p.att - p.exam_attended) AS attended,
            SUM(p.pas - p.exam_passed) AS passed,
            SUM(CASE WHEN p.att < p.count THEN p.att ELSE p.count END
              - CASE WHEN p.exam_attended < p.count THEN p.exam_attended ELSE p.count END) AS completed
            """)
    }

    /// AH41-10: distinct students examined and the pilot students declared per `grouping`, for
    /// scopes made of schools (a certificate or an organisation has no declared students).
    private static func coverage(_ scope: Scope, year: Int, asOf: LocalDate, by grouping: Grouping,
                                 on sql: any SQLDatabase) async throws -> [String: (examined: Int, declared: Int)] {
        switch scope {
        case .certificate, .organization: return [:]
        case .province, .school, .region: break
        }
        if grouping == .certificate { return [:] }
        let (key, _) = groupColumns(grouping)
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: key) AS k, CAST(SUM(sc.examined) AS BIGINT) AS examined, CAST(SUM(sc.declared) AS BIGINT) AS declared
            FROM student_coverage sc JOIN schools s ON s.id = sc.school_id JOIN regions r ON r.id = s.region_id
            WHERE sc.year = \(bind: year) AND sc.declared IS NOT NULL \(filter(scope)) \(unsafeRaw: grouping == .none ? "" : "GROUP BY " + key)
            """
        var found: [String: (examined: Int, declared: Int)] = [:]
        for r in try await sql.raw(query).all() {
            // Without GROUP BY an empty set still gives one row, of NULL sums.
            guard let examined = try r.decode(column: "examined", as: Int?.self),
                let declared = try r.decode(column: "declared", as: Int?.self)
            else { continue }
            found[try r.decode(column: "k", as: String.self)] = (examined, declared)
        }
        // `examined` counts the whole year. Schools with a plan examined after `asOf` (none
        // once the year's exams are in, few before) have their students counted again up to
        // that day, as every other exam figure is. Those schools are found once, as a set (on
        // SQLite a skip-scan of `plans_indicators`), not by a lookup per school: 0.7 s → 0 ms
        // for the province on the national data.
        let yearEnd = LocalDate(year: year, month: 12, day: 31)
        if asOf < yearEnd {
            let correction: SQLQueryString = """
                SELECT \(unsafeRaw: key) AS k, CAST(SUM(sc.examined - (SELECT COUNT(DISTINCT k.id_hash) FROM plans p2
                  JOIN exam_candidates k ON k.plan_id = p2.id WHERE p2.school_id = sc.school_id AND k.attended = 1
                  AND k.exam_date >= \(bind: "\(year)-01-01") AND k.exam_date <= \(bind: asOf.description))) AS BIGINT) AS later
                FROM student_coverage sc JOIN schools s ON s.id = sc.school_id JOIN regions r ON r.id = s.region_id
                WHERE sc.year = \(bind: year) AND sc.declared IS NOT NULL \(filter(scope))
                  AND sc.school_id IN (SELECT p.school_id FROM plans p WHERE p.last_exam_on > \(bind: asOf.description))
                \(unsafeRaw: grouping == .none ? "" : "GROUP BY " + key)
                """
            for r in try await sql.raw(correction).all() {
                guard let later = try r.decode(column: "later", as: Int?.self), let k = try? r.decode(column: "k", as: String.self),
                    let current = found[k]
                else { continue }
                found[k] = (current.0 - later, current.1)
            }
        }
        return found
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

    /// Sums `source` per school or certificate first, then joins the (few) units for the
    /// grouping's key: joining every plan to its school costs more than the sums themselves.
    private static func aggregate(_ source: Source, _ scope: Scope, year: Int, by grouping: Grouping) -> SQLQueryString {
        let (key, label) = groupColumns(grouping)
        let unit: String, joins: String
        switch grouping {
        case .none: (unit, joins) = ("''", "")
        case .school, .schoolKind: (unit, joins) = ("p.school_id", "JOIN schools s ON s.id = g.unit")
        case .region: (unit, joins) = ("p.school_id", "JOIN schools s ON s.id = g.unit JOIN regions r ON r.id = s.region_id")
        case .certificate: (unit, joins) = ("p.certificate_id", "JOIN certificates c ON c.id = g.unit")
        }
        let sums = totalColumns.map { "CAST(COALESCE(SUM(g.\($0)), 0) AS BIGINT) AS \($0)" }.joined(separator: ", ")
        return """
            SELECT \(unsafeRaw: key) AS k, \(unsafeRaw: label) AS l, \(unsafeRaw: sums)
            FROM (SELECT \(unsafeRaw: unit) AS unit, \(unsafeRaw: source.columns) FROM \(source.from)
                  WHERE p.year = \(bind: year) \(planFilter(scope)) \(unsafeRaw: grouping == .none ? "" : "GROUP BY \(unit)")) g
            \(unsafeRaw: joins) \(unsafeRaw: grouping == .none ? "" : "GROUP BY \(key), \(label) ORDER BY \(key)")
            """
    }

    /// The scope as a condition on the plans' own columns, so the plans are found by index.
    private static func planFilter(_ scope: Scope) -> SQLQueryString {
        let unit: RecordScope
        switch scope {
        case .province: return ""
        case .certificate(let c): return "AND p.certificate_id IN (SELECT id FROM certificates WHERE code = \(bind: c))"
        case .school(let c): unit = .school(c)
        case .region(let c): unit = .region(c)
        case .organization(let c): unit = .organization(c)
        }
        return ScopeCondition.onPlans(unit).map { "AND " + $0 } ?? "AND 1 = 0"
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
