import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Biweekly progress reports (AH41-9): a school files one per due date (progress, experience,
/// typical cases, problems, suggestions); a report for a due date that has passed is kept and
/// marked late; a second one for the same due date is refused. Compliance per pilot school
/// (a school with a plan this year) comes from the domain's `ReportCompliance`.
enum BiweeklyReportService {
    struct Input: Codable, Sendable {
        /// The due date the report is for; absent: the first one on or after today.
        var dueDate: String?
        var progress: String?
        var experience: String?
        var cases: String?
        var problems: String?
        var suggestions: String?
        /// api.md's short form: the whole report as one text, kept as its progress.
        var text: String?
    }

    struct Body: Codable, Sendable {
        var id: UUID
        var school: String
        var schoolName: String
        var dueDate: String
        var filedOn: String
        var late: Bool
        var source: ReportSource
        var progress: String?
        var experience: String?
        var cases: String?
        var problems: String?
        var suggestions: String?
    }

    struct ComplianceItem: Codable, Sendable {
        var school: String
        var schoolName: String
        var region: String
        var regionName: String
        /// Due dates that have passed this year.
        var due: Int
        var submitted: Int
        var onTime: Int
        var late: Int
        var missed: [String]
        var consecutiveMisses: Int
        var flagged: Bool
        var rate: Double?
    }

    /// Compliance summed over a region's pilot schools, or the whole scope's (`region` nil).
    struct ComplianceTotal: Codable, Sendable {
        var region: String?
        var regionName: String?
        var schools: Int
        var due: Int
        var onTime: Int
        var late: Int
        var missed: Int
        var flagged: Int
        /// Reports filed by their due date / reports due (indicators.md, report compliance).
        var rate: Double?
    }

    /// One line per region, by code, and a last line for all of them.
    static func totals(_ items: [ComplianceItem]) -> [ComplianceTotal] {
        func total(_ list: [ComplianceItem], region: String?, name: String?) -> ComplianceTotal {
            let due = list.reduce(0) { $0 + $1.due }
            let onTime = list.reduce(0) { $0 + $1.onTime }
            return ComplianceTotal(
                region: region, regionName: name, schools: list.count, due: due, onTime: onTime,
                late: list.reduce(0) { $0 + $1.late }, missed: list.reduce(0) { $0 + $1.missed.count },
                flagged: list.filter(\.flagged).count, rate: due == 0 ? nil : Double(onTime) / Double(due))
        }
        let byRegion = Dictionary(grouping: items, by: \.region)
        return byRegion.keys.sorted().map {
            total(byRegion[$0]!, region: $0, name: byRegion[$0]![0].regionName)
        }
            + [total(items, region: nil, name: nil)]
    }

    /// The reporting rules of the policy in force.
    static func rules(on db: any Database) async throws -> Policy.Reporting {
        try await PolicyVersion.current(on: db)?.policy().reporting ?? .seed
    }

    static func file(_ input: Input, actor: Actor, now: Date, on db: any Database) async throws -> Body {
        guard actor.role == .school, let code = actor.unit,
            let school = try await School.query(on: db).filter(\.$code == code).first()
        else { throw AppError.forbidden }
        let schedule = try await rules(on: db).schedule
        let today = LocalDate(now)
        let next = schedule.dueDate(forFilingOn: today)
        let due: LocalDate
        if let text = input.dueDate, !text.isEmpty {
            guard let d = LocalDate(text), schedule.dueDates(from: d, through: d) == [d] else {
                throw AppError.invalid([
                    FieldError(
                        code: "invalid",
                        UIText(
                            zh:
                                "报送截止日应为每月\(schedule.dueDays.map { "\($0)日" }.joined(separator: "或"))，如 \(next.chinese)",
                            en:
                                "The due date must be day \(schedule.dueDays.map(String.init).joined(separator: " or ")) of a month, e.g. \(next)"
                        ),
                        field: "dueDate")
                ])
            }
            guard d <= next else {
                throw AppError.invalid([
                    FieldError(
                        code: "not_yet_due",
                        UIText(
                            zh: "只能报送本期（截止\(next.chinese)）或以前各期的双周报",
                            en: "Only the current period (due \(next)) or earlier ones can be reported"),
                        field: "dueDate")
                ])
            }
            due = d
        } else {
            due = next
        }
        func clean(_ value: String?, _ field: String, _ label: UIText) throws -> String? {
            try FreeText.read(value, field: field, label: label, limit: 4000)
        }
        let row = BiweeklyReportRow()
        row.progress = try clean(input.progress ?? input.text, "progress", .reportProgress)
        row.experience = try clean(input.experience, "experience", .reportExperience)
        row.cases = try clean(input.cases, "cases", .reportCases)
        row.problems = try clean(input.problems, "problems", .reportProblems)
        row.suggestions = try clean(input.suggestions, "suggestions", .reportSuggestions)
        guard row.progress != nil else {
            throw AppError.invalid([.required("progress", .reportProgress)])
        }
        guard
            try await BiweeklyReportRow.query(on: db).filter(\.$school.$id == school.requireID())
                .filter(\.$dueDate == due.description).count() == 0
        else {
            throw AppError.conflict("本校\(due.chinese)一期的双周报已报送，不能重复报送", code: "already_filed")
        }
        row.$school.id = try school.requireID()
        row.dueDate = due.description
        row.filedOn = today.description
        row.filedAt = now
        row.source = ReportSource.onex.rawValue
        row.filedBy = actor.username
        try await db.writeTransaction { tx in
            try await row.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "report", entity: "biweekly_reports",
                key: try row.requireID().uuidString,
                before: nil as String?, after: "\(school.code) \(due) \(today > due ? "late" : "on time")",
                at: now)
        }
        return try body(row, school: school)
    }

    static func body(_ row: BiweeklyReportRow, school: School) throws -> Body {
        Body(
            id: try row.requireID(), school: school.code, schoolName: school.name, dueDate: row.dueDate,
            filedOn: row.filedOn, late: row.filedOn > row.dueDate, source: try row.sourceValue,
            progress: row.progress,
            experience: row.experience, cases: row.cases, problems: row.problems, suggestions: row.suggestions
        )
    }

    /// The reports the actor may see, newest due date first.
    static func list(actor: Actor, school: String?, on db: any Database) async throws -> [Body] {
        guard let inScope = ScopeCondition.joined(Access.scope(of: .reports, for: actor)) else {
            throw AppError.forbidden
        }
        var filter: SQLQueryString = ""
        if let school { filter += " AND s.code = \(bind: school)" }
        let ids = try await db.sql().raw(
            """
            SELECT b.id FROM biweekly_reports b JOIN schools s ON s.id = b.school_id JOIN regions r ON r.id = s.region_id
            WHERE \(inScope) \(filter) ORDER BY b.due_date DESC, s.code LIMIT 2000
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        let rows = try await BiweeklyReportRow.query(on: db).filter(\.$id ~~ ids).with(\.$school).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID(), $0) })
        return try ids.compactMap { byID[$0] }.map { try body($0, school: $0.school) }
    }

    /// Every pilot school in scope (a plan this year) with its reports' compliance this year.
    static func compliance(actor: Actor, today: LocalDate, on db: any Database) async throws
        -> [ComplianceItem]
    {
        guard let inScope = ScopeCondition.joined(Access.scope(of: .reports, for: actor)) else {
            throw AppError.forbidden
        }
        let reporting = try await rules(on: db)
        let schedule = reporting.schedule
        let limit = reporting.maxConsecutiveMisses
        let sql = try db.sql()
        let schools = try await sql.raw(
            """
            SELECT s.id, s.code, s.name, r.code AS region, r.name AS region_name FROM schools s JOIN regions r ON r.id = s.region_id
            WHERE \(inScope) AND s.id IN (SELECT school_id FROM plans WHERE year = \(bind: today.year)) ORDER BY s.code
            """
        ).all()
        let since = LocalDate(year: today.year, month: 1, day: 1)
        let reports = try await sql.raw(
            """
            SELECT b.school_id, b.due_date, b.filed_on FROM biweekly_reports b JOIN schools s ON s.id = b.school_id
            JOIN regions r ON r.id = s.region_id WHERE \(inScope) AND b.due_date >= \(bind: since.description)
            """
        ).all()
        var filed: [UUID: [LocalDate: LocalDate]] = [:]
        for r in reports {
            let due = try r.decode(column: "due_date", as: String.self)
            let on = try r.decode(column: "filed_on", as: String.self)
            guard let d = LocalDate(due), let f = LocalDate(on) else {
                throw StoredValueError(table: "biweekly_reports", column: "due_date", id: nil, value: due)
            }
            filed[try r.decode(column: "school_id", as: UUID.self), default: [:]][d] = f
        }
        return try schools.map { s in
            let c = ReportCompliance.of(
                filed: filed[try s.decode(column: "id", as: UUID.self)] ?? [:], schedule: schedule,
                since: since,
                today: today, maxConsecutiveMisses: limit)
            return ComplianceItem(
                school: try s.decode(column: "code", as: String.self),
                schoolName: try s.decode(column: "name", as: String.self),
                region: try s.decode(column: "region", as: String.self),
                regionName: try s.decode(column: "region_name", as: String.self), due: c.due.count,
                submitted: c.onTime + c.late.count, onTime: c.onTime, late: c.late.count,
                missed: c.missed.map(\.description), consecutiveMisses: c.consecutiveMisses,
                flagged: c.flagged,
                rate: c.rate)
        }
    }

    struct CheckResult: Codable, Sendable {
        var schools: Int
        var flagged: [String]
        var noticesSent: Int
    }

    /// The daily check (AH41-9): every pilot school's compliance; a school whose misses in a
    /// row reached the policy's limit is told, and so is its city bureau — once per run of
    /// misses (the notice is keyed by the latest missed due date).
    static func check(now: Date, on db: any Database) async throws -> CheckResult {
        let province = Actor(username: "scheduler", role: .provinceAdmin, unit: nil)
        let items = try await compliance(actor: province, today: LocalDate(now), on: db)
        let flagged = items.filter(\.flagged)
        var sent = 0
        for c in flagged {
            let last = c.missed.last.flatMap(LocalDate.init)?.chinese ?? ""
            let key = "biweekly:\(c.school):\(c.missed.last ?? "")"
            let title = "双周报连续\(c.consecutiveMisses)期未报送：\(c.schoolName)"
            let body =
                "\(c.schoolName)已连续\(c.consecutiveMisses)期（最近一期截止\(last)）未报送试点工作双周报，列入通报名单；"
                + "请立即补报，并按期报送。连续未报送的院校将被通报，直至取消下一年度参与试点资格。"
            if try await NoticeService.send(
                audience: .school(c.school), key: key, title: title, body: body, link: SitePath.reports.path,
                now: now,
                on: db)
            {
                sent += 1
            }
            if try await NoticeService.send(
                audience: .region(c.region), key: key, title: title, body: body,
                link: SitePath.reports.path + "?flagged=1", now: now, on: db)
            {
                sent += 1
            }
        }
        return CheckResult(schools: items.count, flagged: flagged.map(\.school), noticesSent: sent)
    }

    struct ImportResult: Codable, Sendable {
        var added: Int
        /// Rows for a school and period already on record (filed in OneX or imported before):
        /// they do not count twice.
        var duplicates: Int
    }

    /// The national platform's records of submitted reports, all or nothing.
    static func importPlatform(_ table: [[String]], actor: Actor, now: Date, on db: any Database) async throws
        -> ImportResult
    {
        let schedule = try await rules(on: db).schedule
        let schools = try await School.query(on: db).all()
        let ids = Dictionary(uniqueKeysWithValues: try schools.map { ($0.code, try $0.requireID()) })
        let rows: [PlatformReport]
        switch PlatformReportImport.plan(table, schedule: schedule, knownSchools: Set(ids.keys)) {
        case .failure(let e): throw AppError.invalid(e.errors, detail: "文件未导入：共\(e.errors.count)处问题")
        case .success(let r): rows = r
        }
        return try await db.writeTransaction { tx in
            var existing = Set(
                try await BiweeklyReportRow.query(on: tx).all().map { "\($0.$school.id)|\($0.dueDate)" })
            var result = ImportResult(added: 0, duplicates: 0)
            for r in rows {
                guard let school = ids[r.school] else { continue }
                let key = "\(school)|\(r.dueDate)"
                if existing.contains(key) {
                    result.duplicates += 1
                    continue
                }
                existing.insert(key)
                let row = BiweeklyReportRow()
                row.$school.id = school
                row.dueDate = r.dueDate.description
                row.filedOn = r.submittedOn.description
                row.filedAt = r.submittedOn.startOfDay
                row.source = ReportSource.platform.rawValue
                row.filedBy = actor.username
                try await row.create(on: tx)
                result.added += 1
            }
            try await AuditWriter(tx).append(
                actor: actor.username, action: "import.reports", entity: "biweekly_reports", key: "platform",
                before: nil as String?, after: "added \(result.added), duplicates \(result.duplicates)",
                at: now)
            return result
        }
    }
}
