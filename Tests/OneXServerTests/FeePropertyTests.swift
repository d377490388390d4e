import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// A deterministic generator, so a failing seed can be run again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// AH38-2 and MOE12-2, randomised: exams (entered and imported), standards with revisions
/// (some lowered, rejected or left pending) and payments (confirmed, disputed, corrected) are
/// generated from a seed; payables, paid, confirmed, arrears, the settlement rate, the ageing
/// total and what is overdue are computed here from what was generated, with none of OneX's
/// code, and compared with `GET /api/v1/arrears`.
@Suite("Payables and arrears against an independent recomputation (AH38-2, randomised)")
struct FeePropertyTests {
    static let certificates = [
        (code: "1-004", organization: "ORG-ZWL", lead: "G005"),
        (code: "1-003", organization: "ORG-ZFZZ", lead: "G001"),
        (code: "1-002", organization: "ORG-GXBJK", lead: "G006"),
    ]
    static let schools = ["G001", "G002", "Z001", "Z005"]

    struct Published {
        var from: LocalDate
        var fee: Int
    }

    /// The `n`th day after 1 January 2026 (noon, so no day boundary is near).
    static func dayOf(_ n: Int) -> LocalDate {
        LocalDate(
            LocalDate(year: 2026, month: 1, day: 1).startOfDay.addingTimeInterval(Double(n) * 86_400 + 43_200)
        )
    }

    struct Key: Hashable {
        var school: String
        var organization: String
    }

    @Test(
        "AH38-2: payable, paid, confirmed, outstanding, settlement rate, ageing and overdue equal a recomputation from the generated rows",
        arguments: TestDB.all, [11, 29, 2026] as [UInt64])
    func recomputed(db: TestDB, seed: UInt64) async throws {
        var rng = SplitMix64(state: seed)
        let today = LocalDate(year: 2026, month: 12, day: 1)
        try await withApp(db, demo: true) { app, _ in
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-12-01T10:00:00+08:00")!)
            let now = app.onex.clock.now()
            let resolver = CodeResolver(app.db)
            for school in Self.schools {
                for c in Self.certificates {
                    _ = try await PlanService.applyChange(
                        school: try #require(try await resolver.id(.schools, school)),
                        certificate: try #require(try await resolver.id(.certificates, c.code)),
                        level: .junior,
                        year: 2026, kind: .new, count: 5000, application: nil, reviewer: "test",
                        countsInIndicators: true, now: now, on: app.db)
                }
            }
            func day(_ from: Int, _ to: Int) -> LocalDate {
                Self.dayOf(Int.random(in: from...to, using: &rng))
            }

            // Standards: revisions on rising days; each published (maybe lowered), rejected, or the
            // last one left pending.
            var published: [String: [Published]] = [:]
            let reviewer = Actor(username: "reviewer", role: .provinceReviewer, unit: nil)
            let admin = Actor(username: "admin", role: .provinceAdmin, unit: nil)
            for c in Self.certificates {
                let org = Actor(
                    username: c.organization.lowercased(), role: .organization, unit: c.organization)
                let lead = Actor(username: "lead", role: .school, unit: c.lead)
                var start = 0
                for n in 0..<Int.random(in: 0...4, using: &rng) {
                    start += Int.random(in: 1...70, using: &rng)
                    let from = Self.dayOf(start)
                    let amount = Int.random(in: 100...300, using: &rng) * 100
                    let id = try await FeeStandardService.propose(
                        .init(
                            certificate: c.code, level: .junior, amount: amount,
                            effectiveFrom: from.description,
                            breakdown: nil, raiseRequest: "成本上涨"), actor: org, now: now, on: app.db)
                    let outcome = Int.random(in: 0..<10, using: &rng)
                    if outcome == 9 && n > 0 { break }  // left pending: no later revision can follow
                    let row = try #require(try await FeeStandardRow.find(id, on: app.db))
                    _ = try await FeeFileService.store(
                        .standard(row), purpose: "raiseRequest", file: DemoYear.pdf("request", name: "r.pdf"),
                        actor: org,
                        now: now, on: app.db)
                    try await FeeStandardService.review(
                        id,
                        FeeReview(
                            meetingOn: today, opinions: [ExpertOpinion(expert: "E001", opinion: "同意")],
                            conclusion: "同意"), actor: lead, now: now, on: app.db)
                    if outcome < 2 {
                        try await FeeStandardService.decide(
                            id, .init(decision: "reject", amount: nil, comment: "退回"), actor: reviewer,
                            now: now,
                            on: app.db)
                        continue
                    }
                    let lowered = outcome < 5 ? amount - Int.random(in: 0...50, using: &rng) * 100 : amount
                    try await FeeStandardService.decide(
                        id, .init(decision: "verify", amount: lowered, comment: nil), actor: reviewer,
                        now: now,
                        on: app.db)
                    try await FeeStandardService.publish(id, .init(), actor: admin, now: now, on: app.db)
                    published[c.code, default: []].append(Published(from: from, fee: lowered))
                }
            }
            func fee(_ certificate: String, on d: LocalDate) -> Int? {
                (published[certificate] ?? []).filter { $0.from <= d }.max { $0.from < $1.from }?.fee
            }

            // Exams entered by the organisations, and one imported results file.
            var payable: [Key: Int] = [:]
            var unpriced: [Key: Int] = [:]
            var payableByDeadline: [Key: Int] = [:]
            var payableDays: [Key: [(day: LocalDate, amount: Int)]] = [:]
            let deadline = LocalDate(year: 2026, month: 6, day: 30)
            func owe(
                _ school: String, _ c: (code: String, organization: String, lead: String), _ d: LocalDate,
                _ n: Int
            ) {
                let key = Key(school: school, organization: c.organization)
                payable[key, default: 0] += 0
                if let f = fee(c.code, on: d) {
                    payable[key, default: 0] += n * f
                    payableDays[key, default: []].append((d, n * f))
                    if d <= deadline { payableByDeadline[key, default: 0] += n * f }
                } else {
                    unpriced[key, default: 0] += n
                }
            }
            // Random days, and for every published version its first day and the day before it:
            // the standard in force switches exactly there.
            var days: [(LocalDate, (code: String, organization: String, lead: String)?)] = []
            for _ in 0..<Int.random(in: 5...25, using: &rng) { days.append((day(0, 333), nil)) }
            for c in Self.certificates {
                for v in published[c.code] ?? [] {
                    days.append((v.from, c))
                    days.append((LocalDate(v.from.startOfDay.addingTimeInterval(-43_200)), c))
                }
            }
            for (d, chosen) in days {
                let school = Self.schools.randomElement(using: &rng)!
                let c = chosen ?? Self.certificates.randomElement(using: &rng)!
                let registered = Int.random(in: 1...60, using: &rng)
                let attended = Int.random(in: 1...registered, using: &rng)
                _ = try await ExamService.record(
                    ExamSession(
                        school: school, certificate: c.code, level: .junior, year: 2026, date: d,
                        registered: registered,
                        attended: attended, passed: 0),
                    actor: Actor(username: "org", role: .organization, unit: c.organization), now: now,
                    on: app.db)
                owe(school, c, d, attended)
            }
            var csv = ExamTests.header
            for n in 1...Int.random(in: 1...40, using: &rng) {
                let d = day(0, 333)
                let attended = Bool.random(using: &rng)
                csv += ExamTests.row(
                    n, school: "G002", date: d.description, attended: attended ? "1" : "0", passed: "0")
                if attended {
                    owe("G002", Self.certificates[0], d, 1)
                } else {
                    owe("G002", Self.certificates[0], d, 0)
                }
            }
            let org = Client(app)
            try await org.login("org")
            let imported = try await org.send(
                .POST, "/api/v1/exams/import", body: Data(csv.utf8), contentType: "text/csv")
            #expect(imported.status == .ok, "\(imported.body)")

            // Payments: confirmed, disputed, left waiting; some waiting ones corrected.
            var paid: [Key: Int] = [:]
            var confirmed: [Key: Int] = [:]
            for _ in 0..<Int.random(in: 0...15, using: &rng) {
                let school = Self.schools.randomElement(using: &rng)!
                let c = Self.certificates.randomElement(using: &rng)!
                let key = Key(school: school, organization: c.organization)
                let amount = Int.random(in: 1...3000, using: &rng) * 100
                let schoolActor = Actor(username: "school", role: .school, unit: school)
                let orgActor = Actor(username: "org", role: .organization, unit: c.organization)
                let body = try await PaymentService.record(
                    .init(
                        organization: c.organization, amount: amount, paidOn: day(0, 333).description,
                        fundingSource: FundingSource.allCases.randomElement(using: &rng)!, voucher: nil,
                        note: nil),
                    actor: schoolActor, now: now, on: app.db)
                paid[key, default: 0] += 0
                confirmed[key, default: 0] += 0
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<5:
                    _ = try await PaymentService.answer(
                        body.id, dispute: nil, actor: orgActor, now: now, on: app.db)
                    paid[key, default: 0] += amount
                    confirmed[key, default: 0] += amount
                case 5..<7:
                    _ = try await PaymentService.answer(
                        body.id, dispute: "未到账", actor: orgActor, now: now, on: app.db)
                case 7:
                    // Reversed before the organisation answered: the two entries cancel out.
                    _ = try await PaymentService.correct(
                        body.id, note: "重复", actor: schoolActor, now: now, on: app.db)
                default:
                    paid[key, default: 0] += amount
                }
            }

            // The policy's settlement deadline: what is left of exams up to 30 June is overdue.
            var policy = try #require(try await PolicyVersion.current(on: app.db)?.policy())
            policy.rules.settlementDeadline = deadline.description
            _ = try await PolicyService.publish(policy, author: "admin", at: now, on: app.db)

            let province = Client(app)
            try await province.login("reviewer")
            // Read on the day the rows were written, then months later as the kept figures age
            // (each day past the last day they held for), then on the first day again.
            for day in [
                today, LocalDate(year: 2027, month: 2, day: 28), LocalDate(year: 2027, month: 9, day: 1),
                today,
            ] {
                app.onex.manualClock?.set(day.startOfDay.addingTimeInterval(36_000))
                let items = try #require(
                    try await province.send(.GET, "/api/v1/arrears?limit=1000").json["items"]
                        as? [[String: Any]])
                var seen = Set<Key>()
                for item in items {
                    let key = Key(
                        school: try #require(item["school"] as? String),
                        organization: try #require(item["organization"] as? String))
                    seen.insert(key)
                    let p = payable[key] ?? 0
                    let c = confirmed[key] ?? 0
                    let label = "seed \(seed), \(day), \(key.school) → \(key.organization)"
                    #expect(item["payable"] as? Int == p, "\(label): payable")
                    #expect(item["unpricedAttended"] as? Int == (unpriced[key] ?? 0), "\(label): unpriced")
                    #expect(item["paid"] as? Int == (paid[key] ?? 0), "\(label): paid")
                    #expect(item["confirmed"] as? Int == c, "\(label): confirmed")
                    #expect(item["outstanding"] as? Int == p - c, "\(label): outstanding")
                    let rate = item["settlementRate"] as? Double
                    if p > 0 {
                        #expect(
                            abs((rate ?? -1) - Double(min(c, p)) / Double(p)) < 1e-12,
                            "\(label): settlement rate"
                        )
                    } else {
                        #expect(rate == nil, "\(label): no rate without a payable")
                    }
                    #expect(
                        (item["ageing"] as? [Int])?.reduce(0, +) == max(0, p - c), "\(label): ageing adds up")
                    // The buckets as the domain's reference definition ages the same days.
                    let reference = ArrearsAgeing.age(
                        payables: payableDays[key] ?? [], confirmed: c, today: day, deadline: deadline)
                    #expect(item["ageing"] as? [Int] == reference.buckets, "\(label): ageing buckets")
                    #expect(
                        item["overdue"] as? Int == reference.overdue, "\(label): overdue as the reference")
                    #expect(
                        item["overdue"] as? Int == max(0, (payableByDeadline[key] ?? 0) - c),
                        "\(label): overdue")
                }
                let expected = Set(payable.keys).union(paid.keys)
                #expect(seen == expected, "seed \(seed), \(day): the pairs listed")
                // The list pages by ?limit=&offset=, the largest debts first, with the whole count.
                let keys = items.map { "\($0["school"] ?? "")→\($0["organization"] ?? "")" }
                let owed = items.compactMap { $0["outstanding"] as? Int }
                #expect(owed == owed.sorted(by: >), "seed \(seed), \(day): largest debts first")
                let paged = try await province.send(.GET, "/api/v1/arrears?limit=3&offset=2").json
                #expect(paged["total"] as? Int == items.count, "seed \(seed), \(day): total")
                #expect(
                    (paged["items"] as? [[String: Any]])?.map {
                        "\($0["school"] ?? "")→\($0["organization"] ?? "")"
                    }
                        == Array(keys.dropFirst(2).prefix(3)),
                    "seed \(seed), \(day): a page is a slice of the list")
                // The dashboards' totals, summed by the database, as the same pairs summed here.
                let pairs = try await ArrearsService.items(
                    actor: reviewer, school: nil, organization: nil, today: day, on: app.db)
                let groupings: [ArrearsService.Grouping] = [.region, .school, .organization]
                let sums = try await ArrearsService.summed(
                    actor: reviewer, school: nil, organization: nil, region: nil, by: groupings, today: day,
                    on: app.db)
                #expect(sums.total == ArrearsService.total(pairs), "seed \(seed), \(day): the total")
                for (n, grouping) in groupings.enumerated() {
                    #expect(
                        sums.groups[n] == ArrearsService.totals(pairs, by: grouping),
                        "seed \(seed), \(day): totals by \(grouping)")
                }
            }
        }
    }
}
