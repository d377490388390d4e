import Fluent
import Foundation
import OneXDomain
import Vapor

/// A year of the pilot in motion on top of the demo province, played through the same services
/// the pages use, at the days the Henan windows set: spring applications approved, returned,
/// corrected, rejected and still waiting; an autumn increase and a draft; exam sessions and an
/// imported result file; a monitoring snapshot with its published 通报; the notices all this
/// sends. Only for `onex serve` with the demo (`ONEX_DEMO_ACTIVITY=0` leaves it out), never in
/// the test suite, whose cases start from the bare province. A step the rules refuse is logged
/// and skipped: the demo must never keep OneX from starting.
struct DemoYear {
    let app: Application
    let year: Int
    var db: any Database { app.db }

    /// The latest year whose spring round is over by `today`.
    static func year(for today: LocalDate) -> Int {
        today >= LocalDate(year: today.year, month: 3, day: 29) ? today.year : today.year - 1
    }

    static func load(into app: Application) async throws {
        guard let policy = try await PolicyVersion.current(on: app.db)?.policy(), policy.province == "河南省"
        else { return }
        let today = LocalDate(app.onex.clock.now())
        let demo = DemoYear(app: app, year: year(for: today))
        try await demo.spring()
        try await demo.exams()
        try await demo.fees()
        try await demo.payments()
        await demo.sites(until: today)
        await demo.training(until: today)
        await demo.complaints(until: today)
        await demo.filings(until: today)
        await demo.ledger(until: today)
        await demo.reports(until: today)
        if today >= LocalDate(year: demo.year, month: 9, day: 29) { try await demo.autumn() }
        try await demo.monitoring(until: today)
    }

    func at(_ month: Int, _ day: Int, hour: Double = 10) -> Date {
        LocalDate(year: year, month: month, day: day).startOfDay.addingTimeInterval(hour * 3600)
    }

    static func actor(_ username: String, _ role: Role, _ unit: String?) -> Actor {
        Actor(username: username, role: role, unit: unit)
    }

    static let zhengzhou = actor("zhengzhou", .cityReviewer, "4101")
    static let luoyang = actor("luoyang", .cityReviewer, "4103")
    static let reviewer = actor("reviewer", .provinceReviewer, nil)

    /// Runs a step; a refusal is logged, not thrown.
    @discardableResult
    func step<T>(_ what: String, _ body: () async throws -> T) async -> T? {
        do { return try await body() } catch {
            app.logger.warning("demo year \(year): \(what) skipped: \(String(describing: error).prefix(300))")
            return nil
        }
    }

    @discardableResult
    func apply(
        _ username: String, _ school: String, _ lines: [ApplicationLine], on day: Date, submit: Bool = true
    ) async -> ApplicationRow? {
        let actor = Self.actor(username, .school, school)
        return await step("\(school) applies") {
            let row = try await ApplicationService.saveDraft(
                .init(year: year, lines: lines), existing: nil, actor: actor, now: day, on: db)
            let fresh = try await ApplicationService.find(try row.requireID(), actor: actor, on: db)
            return submit ? try await ApplicationService.submit(fresh, actor: actor, now: day, on: db) : fresh
        }
    }

    func decide(
        _ row: ApplicationRow?, _ actor: Actor, _ decision: ApplicationService.Decision,
        _ comment: String? = nil,
        on day: Date
    ) async {
        guard let id = row?.id else { return }
        await step("\(actor.username) decides \(decision.rawValue)") {
            let fresh = try await ApplicationService.find(id, actor: actor, on: db)
            _ = try await ApplicationService.review(
                fresh, input: .init(decision: decision, comment: comment), actor: actor, now: day, on: db)
        }
    }

    func line(_ certificate: String, _ count: Int, kind: LineKind = .new, reason: String? = nil)
        -> ApplicationLine
    {
        ApplicationLine(certificate: certificate, level: .junior, kind: kind, count: count, reason: reason)
    }

    func spring() async throws {
        let filed = at(3, 15)
        let z001 = await apply("secondary", "Z001", [line("1-004", 45)], on: filed)
        let z002 = await apply("school-z002", "Z002", [line("1-002", 30)], on: filed)
        let z005 = await apply("school-z005", "Z005", [line("1-005", 25)], on: filed)
        let z003 = await apply("school-z003", "Z003", [line("1-004", 20)], on: at(3, 19))
        let g001 = await apply("highervoc", "G001", [line("1-003", 40)], on: filed)
        let g002 = await apply("school-g002", "G002", [line("1-004", 40), line("1-005", 60)], on: filed)
        let b001 = await apply("undergrad", "B001", [line("1-006", 30)], on: filed)
        let s001 = await apply("provsecondary", "S001", [line("1-004", 30)], on: filed)

        // City review: one approved, one returned and corrected within the phase, one returned
        // and never sent back; Z003's still waits in the bureau's queue.
        await decide(z001, Self.zhengzhou, .approve, "同意", on: at(3, 22))
        await decide(z002, Self.zhengzhou, .return, "请补充该证书的师资与实训条件说明，并核实申报人数", on: at(3, 22))
        if let z002, let id = z002.id {
            let school = Self.actor("school-z002", .school, "Z002")
            await step("Z002 corrects") {
                let row = try await ApplicationService.find(id, actor: school, on: db)
                _ = try await ApplicationService.saveDraft(
                    .init(year: year, lines: [line("1-002", 28)]), existing: row, actor: school,
                    now: at(3, 23), on: db)
                let fresh = try await ApplicationService.find(id, actor: school, on: db)
                return try await ApplicationService.submit(fresh, actor: school, now: at(3, 23), on: db)
            }
            await decide(z002, Self.zhengzhou, .approve, "已补充，同意", on: at(3, 24))
        }
        await decide(z005, Self.luoyang, .return, "申报人数与在校生规模不符，请核实后重新提交", on: at(3, 23))
        _ = z003

        // Province review.
        for row in [z001, z002, g001, g002, b001] {
            await decide(row, Self.reviewer, .approve, on: at(3, 26))
        }
        await decide(s001, Self.reviewer, .reject, "该校尚未完成全国平台院校信息更新，本批次不予通过", on: at(3, 26))
    }

    func exams() async throws {
        // Sessions entered by the certificates' organisations, a day after each exam.
        let sessions: [(org: String, school: String, certificate: String, month: Int, day: Int, counts: (Int, Int, Int))] = [
            ("ORG-ZWL", "G002", "1-004", 5, 20, (40, 37, 31)), ("ORG-ZFZZ", "G001", "1-003", 6, 10, (22, 21, 18)),
        ]
        for s in sessions {
            await step("\(s.org) records a session") {
                try await ExamService.record(
                    ExamSession(school: s.school, certificate: s.certificate, level: .junior, year: year,
                                date: LocalDate(year: year, month: s.month, day: s.day), registered: s.counts.0, attended: s.counts.1,
                                passed: s.counts.2),
                    actor: Self.actor(s.org.lowercased(), .organization, s.org), now: at(s.month, s.day + 1), on: db)
            }
        }
        // The national platform's export for Z001: 45 candidates on one day, a few absent or failed.
        var rows = [CandidateResult.columns.map(\.key)]
        for n in 1...45 {
            let id = IDNumber.complete(
                "410105" + String(format: "%08d", 20_080_101 + n % 28) + String(format: "%03d", n))
            rows.append([
                "DEMO\(year)\(String(format: "%04d", n))", "考生\(n)", id, "Z001", "1-004", "junior",
                "\(year)-06-18",
                n % 15 == 0 ? "0" : "1", n % 15 == 0 || n % 7 == 0 ? "0" : "1",
            ])
        }
        await step("the Z001 results are imported") {
            try await CandidateImport.run(
                CandidateImport.Rows(rows), organization: nil, actor: "admin", now: at(6, 20),
                hasher: app.onex.idHasher, on: app.importDatabase)
        }
    }

    func autumn() async throws {
        let increase = await apply(
            "highervoc", "G001", [line("1-003", 10, kind: .increase, reason: "新建老年照护实训室，报名学生增加")],
            on: at(9, 15))
        await decide(increase, Self.reviewer, .approve, "同意调增", on: at(9, 26))
        await apply("undergrad", "B001", [line("1-001", 30)], on: at(9, 18), submit: false)
    }

    func monitoring(until today: LocalDate) async throws {
        let day = LocalDate(year: year, month: 7, day: 1)
        guard today >= day else { return }
        await step("the July snapshot and its bulletin") {
            _ = try await MonitoringService.snapshot(now: at(7, 1, hour: 2), on: db)
            try await MonitoringService.publish(
                takenOn: day.description, documentNumber: "豫教职成〔\(year)〕18号",
                actor: Self.actor("province", .provinceAdmin, nil),
                now: at(7, 2), on: db)
            try await MonitoringService.setPublic(
                day.description, shown: true, actor: Self.actor("province", .provinceAdmin, nil), now: at(7, 3),
                on: db)
        }
    }
}
