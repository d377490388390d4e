import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import VaporTesting

/// SplitMix64: a seeded generator, so a failure can be replayed with the same data.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Indicators through the API against an independent computation (HN-9, EXAM-1, indicators.md)")
struct IndicatorAPITests {
    static let admin = Actor(username: "admin", role: .provinceAdmin, unit: nil)

    /// What the test computes itself from the raw rows: plan changes, sessions and candidates.
    struct Expected {
        var planned = 0, registered = 0, attended = 0, passed = 0, completed = 0, new = 0, adjusted = 0, exited = 0
        func rate(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
    }

    @Test("HN-9, AH41-4: hundreds of random plans with changes, exits, sessions and imported candidates; every scope, two cut-off days",
          arguments: TestDB.all)
    func randomised(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            var rng = SeededRandom(state: 20_261_123)
            let now = clock.now()
            let schools = try await School.query(on: app.db).with(\.$region).all()
            let certificates = try await Certificate.query(on: app.db).with(\.$organization).all()
            var seen = Set<String>()
            var plans: [(plan: PlanRow, school: School, certificate: Certificate)] = []
            while plans.count < 260 {
                let school = schools.randomElement(using: &rng)!
                let certificate = certificates.randomElement(using: &rng)!
                let level = certificate.toDomain().levels.randomElement(using: &rng)!
                let year = Bool.random(using: &rng) ? 2025 : 2026
                guard seen.insert("\(school.code)/\(certificate.code)/\(level)/\(year)").inserted else { continue }
                var plan = try await PlanService.applyChange(
                    school: school.id!, certificate: certificate.id!, level: level, year: year, kind: .new,
                    count: Int.random(in: 5...60, using: &rng), application: nil, reviewer: "test", countsInIndicators: true, now: now, on: app.db)
                if Double.random(in: 0..<1, using: &rng) < 0.3 {
                    plan = try await PlanService.applyChange(
                        school: school.id!, certificate: certificate.id!, level: level, year: year, kind: .increase,
                        count: Int.random(in: 1...20, using: &rng), application: nil, reviewer: "test",
                        countsInIndicators: Bool.random(using: &rng), now: now, on: app.db)
                }
                if Double.random(in: 0..<1, using: &rng) < 0.2 {
                    plan = try await PlanService.applyChange(
                        school: school.id!, certificate: certificate.id!, level: level, year: year, kind: .decrease,
                        count: Int.random(in: 1...5, using: &rng), application: nil, reviewer: "test",
                        countsInIndicators: Bool.random(using: &rng), now: now, on: app.db)
                }
                plans.append((plan, school, certificate))
            }
            // Sessions entered by hand, some after the first cut-off day, some over the plan.
            for (plan, school, certificate) in plans where Double.random(in: 0..<1, using: &rng) < 0.7 {
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let registered = Int.random(in: 0...40, using: &rng)
                    let attended = Int.random(in: 0...registered, using: &rng)
                    let month = Int.random(in: 1...12, using: &rng)
                    let date = LocalDate(year: plan.year + (Int.random(in: 0..<4, using: &rng) == 0 ? 1 : 0), month: month, day: 10)
                    var session = ExamSession(school: school.code, certificate: certificate.code, level: Level(rawValue: plan.level)!,
                                              year: plan.year, date: date, registered: registered, attended: attended,
                                              passed: Int.random(in: 0...attended, using: &rng))
                    // Figures beyond the plan are part of what the indicators must clamp: the province confirms them.
                    session.confirmOverPlan = true
                    _ = try await ExamService.record(session, actor: Self.admin, now: now, on: app.db)
                }
            }
            // Forced exits.
            for (plan, _, _) in plans where Double.random(in: 0..<1, using: &rng) < 0.08 {
                try await PlanService.exit(plan, actor: "test", now: now, on: app.db)
            }
            // Per-candidate results for some plans of 2026.
            let header = "examNumber,name,idNumber,school,certificate,level,date,attended,passed\n"
            var lines: [String] = []
            var n = 0
            for (plan, school, certificate) in plans where plan.year == 2026 && Double.random(in: 0..<1, using: &rng) < 0.3 {
                for _ in 0..<Int.random(in: 1...12, using: &rng) {
                    n += 1
                    let attended = Int.random(in: 0..<5, using: &rng) > 0
                    let passed = attended && Bool.random(using: &rng)
                    let id = IDNumber.complete("41010520000101" + String(format: "%03d", n % 1000))
                    lines.append("E\(n),张三\(n),\(id),\(school.code),\(certificate.code),\(plan.level),2026-\(String(format: "%02d", Int.random(in: 1...12, using: &rng)))-20,\(attended ? 1 : 0),\(passed ? "是" : "否")\n")
                }
            }
            // Two overlapping files: the first adds to the plans' totals and sessions row by row;
            // the second repeats part of the first and one of its own rows, so it counts again.
            let first = Array(lines.prefix(lines.count * 3 / 5)), second = Array(lines.suffix(lines.count * 3 / 5))
            let overlap = first.count + second.count - lines.count
            func importing(_ rows: [String]) async throws -> CandidateImport.Summary {
                try await CandidateImport.run(ExamService.rows(of: Data((header + rows.joined()).utf8)), organization: nil, actor: "test", confirmOverPlan: true,
                                              now: now, hasher: app.onex.idHasher, on: app.db)
            }
            let one = try await importing(first)
            #expect(one.candidates == first.count && one.rows == first.count)
            let two = try await importing(second + second.prefix(1))
            #expect(two.candidates == lines.count - first.count && two.unchanged == overlap + 1)

            // The independent computation, from raw rows only.
            let sql = app.db as! any SQLDatabase
            let changes = try await PlanChangeRow.query(on: app.db).all()
            let exams = try await ExamRow.query(on: app.db).all()
            let candidates = try await sql.raw("SELECT plan_id, exam_date, attended, passed FROM exam_candidates").all().map {
                (plan: try $0.decode(column: "plan_id", as: UUID.self), date: try $0.decode(column: "exam_date", as: String.self),
                 attended: try $0.decode(column: "attended", as: Int.self), passed: try $0.decode(column: "passed", as: Int.self))
            }
            // The sessions kept for the sessions list are exactly the candidates' plan-and-day groups.
            let kept = try await sql.raw("""
                SELECT plan_id, exam_date, registered, attended, passed, plan_year FROM candidate_sessions ORDER BY plan_id, exam_date
                """).all().map { r in
                    "\(try r.decode(column: "plan_id", as: UUID.self)) \(try r.decode(column: "exam_date", as: String.self)) " +
                    "\(try r.decode(column: "registered", as: Int.self))/\(try r.decode(column: "attended", as: Int.self))/" +
                    "\(try r.decode(column: "passed", as: Int.self)) \(try r.decode(column: "plan_year", as: Int.self))"
                }
            let years = Dictionary(uniqueKeysWithValues: plans.map { ($0.plan.id!, $0.plan.year) })
            let grouped = Dictionary(grouping: candidates) { "\($0.plan) \($0.date)" }.map { key, rows in
                "\(key) \(rows.count)/\(rows.reduce(0) { $0 + $1.attended })/\(rows.reduce(0) { $0 + $1.passed }) \(years[rows[0].plan] ?? 0)"
            }
            #expect(kept.sorted() == grouped.sorted())
            // AH41-4: the exam days kept for the unfiled-exam list are exactly the certificates'
            // days of every session, entered or imported.
            let certificateOf = Dictionary(uniqueKeysWithValues: plans.map { ($0.plan.id!, $0.certificate.id!) })
            func day(_ plan: UUID, _ date: String) -> String { "\(certificateOf[plan]!) \(years[plan]!) \(date)" }
            let expectedDays = Set(candidates.map { day($0.plan, $0.date) } + exams.map { day($0.$plan.id, $0.date) })
            let keptDays = try await sql.raw("SELECT certificate_id, plan_year, exam_date FROM exam_days").all().map {
                "\(try $0.decode(column: "certificate_id", as: UUID.self)) \(try $0.decode(column: "plan_year", as: Int.self)) "
                    + (try $0.decode(column: "exam_date", as: String.self))
            }
            #expect(keptDays.count == expectedDays.count && Set(keptDays) == expectedDays && !exams.isEmpty)
            let statuses = Dictionary(uniqueKeysWithValues: try await PlanRow.query(on: app.db).all().map { ($0.id!, $0.status) })
            func expected(_ include: (PlanRow, School, Certificate) -> Bool, year: Int, asOf: String) -> Expected {
                var e = Expected()
                for (plan, school, certificate) in plans where plan.year == year && include(plan, school, certificate) {
                    let mine = changes.filter { $0.$plan.id == plan.id }
                    let new = mine.filter { $0.kind == "new" }.reduce(0) { $0 + $1.count }
                    let planned = mine.filter { ["new", "increase", "decrease"].contains($0.kind) }.reduce(0) { $0 + $1.count }
                    let adjusted = mine.filter { ($0.kind == "increase" || $0.kind == "decrease") && $0.countsInIndicators }
                        .reduce(0) { $0 + abs($1.count) }
                    let sessions = exams.filter { $0.$plan.id == plan.id && $0.date <= asOf }
                    let rows = candidates.filter { $0.plan == plan.id && $0.date <= asOf }
                    let attended = sessions.reduce(0) { $0 + $1.attended } + rows.reduce(0) { $0 + $1.attended }
                    e.planned += planned
                    e.new += new
                    e.adjusted += adjusted
                    e.registered += sessions.reduce(0) { $0 + $1.registered } + rows.count
                    e.attended += attended
                    e.passed += sessions.reduce(0) { $0 + $1.passed } + rows.reduce(0) { $0 + $1.passed }
                    e.completed += min(attended, planned)
                    e.exited += statuses[plan.id!] == "exited" ? planned : 0
                }
                return e
            }

            let client = Client(app)
            try await client.login("admin", adminPassword)
            let probe = plans[0]
            let scopes: [(query: String, include: (PlanRow, School, Certificate) -> Bool)] = [
                ("", { _, _, _ in true }),
                ("&region=\(probe.school.region.code)", { _, s, _ in s.region.code == probe.school.region.code }),
                ("&school=\(probe.school.code)", { _, s, _ in s.code == probe.school.code }),
                ("&certificate=\(probe.certificate.code)", { _, _, c in c.code == probe.certificate.code }),
                ("&organization=\(probe.certificate.organization.code)", { _, _, c in c.organization.code == probe.certificate.organization.code }),
            ]
            var compared = 0
            for year in [2025, 2026] {
                for asOf in ["2026-06-30", "2027-12-31"] {
                    for scope in scopes {
                        let r = try await client.send(.GET, "/api/v1/indicators?year=\(year)&asOf=\(asOf)\(scope.query)")
                        #expect(r.status == .ok)
                        let e = expected(scope.include, year: year, asOf: asOf)
                        let j = r.json
                        #expect(j["planned"] as? Int == e.planned, "planned \(year) \(asOf) \(scope.query)")
                        #expect(j["registered"] as? Int == e.registered, "registered \(year) \(asOf) \(scope.query)")
                        #expect(j["attended"] as? Int == e.attended, "attended \(year) \(asOf) \(scope.query)")
                        #expect(j["passed"] as? Int == e.passed, "passed \(year) \(asOf) \(scope.query)")
                        func same(_ key: String, _ value: Double?) {
                            let got = j[key] as? Double
                            #expect((got == nil && value == nil) || (got != nil && value != nil && abs(got! - value!) < 1e-12),
                                    "\(key) \(year) \(asOf) \(scope.query): \(String(describing: got)) vs \(String(describing: value))")
                        }
                        same("completionRate", e.rate(e.completed, e.planned))
                        same("adjustmentRate", e.rate(e.adjusted, e.new))
                        same("exitRate", e.rate(e.exited, e.planned))
                        same("participationRate", e.rate(e.attended, e.registered))
                        same("passRate", e.rate(e.passed, e.attended))
                        compared += 1
                    }
                }
            }
            #expect(compared == 20)
            // The dashboards' groupings (read from the sums kept per school) against the same
            // computation from raw rows, group by group.
            let groupings: [(IndicatorService.Grouping, (School) -> String)] = [
                (.region, { $0.region.code }), (.schoolKind, { $0.kind }), (.school, { $0.code }),
            ]
            for (grouping, key) in groupings {
                for asOf in ["2026-06-30", "2027-12-31"] {
                    let rows = try await IndicatorService.rows(.province, year: 2026, asOf: LocalDate(asOf)!, by: grouping, on: app.db)
                    let keys = Set(plans.filter { $0.plan.year == 2026 }.map { key($0.school) })
                    #expect(Set(rows.map(\.key)) == keys && rows.count == keys.count, "\(grouping) \(asOf)")
                    for row in rows {
                        let e = expected({ _, s, _ in key(s) == row.key }, year: 2026, asOf: asOf)
                        let t = row.totals
                        let got: [Int] = [t.planned, t.new, t.adjusted, t.exited, t.registered, t.attended, t.passed, t.completed]
                        let want: [Int] = [e.planned, e.new, e.adjusted, e.exited, e.registered, e.attended, e.passed, e.completed]
                        #expect(got == want, "\(grouping) \(row.key) \(asOf)")
                    }
                }
            }
            // AH41-10, HN-9: the dashboards ask for several groupings at once, folded from one
            // pass per school; each is what it is alone, students covered included (declared by
            // some schools, one of them without a plan that year).
            let planned2026 = Set(plans.filter { $0.plan.year == 2026 }.map(\.school.code))
            let declaring = schools.filter { planned2026.contains($0.code) }.prefix(5)
                + schools.filter { !planned2026.contains($0.code) }.prefix(1)
            #expect(declaring.count == 6)
            for (n, school) in declaring.enumerated() {
                try await StudentCoverage.declare(school: school.id!, year: 2026, count: 40 + n, on: sql)
            }
            let asked: [IndicatorService.Grouping] = [.none, .region, .schoolKind, .school, .certificate]
            for asOf in ["2026-06-30", "2027-12-31"] {
                let day = LocalDate(asOf)!
                let together = try await IndicatorService.rows(.province, year: 2026, asOf: day, by: asked, on: app.db)
                for (grouping, rows) in zip(asked, together) {
                    let alone = try await IndicatorService.rows(.province, year: 2026, asOf: day, by: grouping, on: app.db)
                    #expect(rows.map(\.key) == alone.map(\.key) && rows.map(\.label) == alone.map(\.label), "\(grouping) \(asOf)")
                    #expect(rows.map(\.totals) == alone.map(\.totals), "\(grouping) \(asOf)")
                }
                #expect(together[0][0].totals.studentsDeclared == (0..<6).reduce(0) { $0 + 40 + $1 })
            }
            // A plan taken away leaves the kept sums equal to the plans' own, as every write did.
            let examined = Set(exams.map { $0.$plan.id } + candidates.map(\.plan))
            let unexamined = plans.first { !examined.contains($0.plan.id!) }!
            try await sql.raw("DELETE FROM plans WHERE id = \(bind: unexamined.plan.id!)").run()
            let columns = "plans, exited_plans, new_sum, adjusted, planned, exited, registered, attended, passed, completed"
            func table(_ query: SQLQueryString) async throws -> [String] {
                try await sql.raw(query).all().map { r in
                    try (["school_id", "year"] + columns.components(separatedBy: ", ")).map { c in
                        c == "school_id" ? try r.decode(column: c, as: UUID.self).uuidString : String(try r.decode(column: c, as: Int.self))
                    }.joined(separator: " ")
                }.sorted()
            }
            let keptSums = try await table("SELECT school_id, year, \(unsafeRaw: columns) FROM school_indicators")
            let sums = [
                "CASE WHEN status = 'exited' THEN 1 ELSE 0 END", "new_count", "adjustment_count", "count",
                "CASE WHEN status = 'exited' THEN count ELSE 0 END", "exam_registered", "exam_attended", "exam_passed",
                "CASE WHEN exam_attended < count THEN exam_attended ELSE count END",
            ]
            let summed = zip(sums, columns.components(separatedBy: ", ").dropFirst()).map { "CAST(SUM(\($0)) AS BIGINT) AS \($1)" }
                .joined(separator: ", ")
            let fromPlans = try await table(
                "SELECT school_id, year, COUNT(*) AS plans, \(unsafeRaw: summed) FROM plans GROUP BY school_id, year")
            #expect(keptSums == fromPlans && keptSums.count > 1)
            // The test data is not degenerate: exits, adjustments and later sessions all occur.
            let all = expected({ _, _, _ in true }, year: 2026, asOf: "2027-12-31")
            #expect(all.exited > 0 && all.adjusted > 0 && all.attended > expected({ _, _, _ in true }, year: 2026, asOf: "2026-06-30").attended)
        }
    }
}
