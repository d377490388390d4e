import Fluent
import Foundation
import OneXDomain
import SQLKit

/// The rectification ledger (整改台账, AH38-3..6): items with their four lists, progress and
/// leaders' reviews, and closure (对账销号) along `ClosureRoute`. Reads go through the one access
/// policy (`Access.scope(of: .ledgerItems)`); every change is audited and notified; a state
/// change is a conditional update, so of two reviewers deciding at once exactly one wins.
enum RectificationService {
    struct Draft: Codable, Sendable {
        var category: RectificationCategory?
        var problem: String?
        var task: String?
        var responsibleKind: ResponsibleKind?
        var responsibleUnit: String?
        var person: String?
        var phone: String?
        var deadline: String?
    }

    struct Entry: Codable, Sendable {
        var id: UUID
        var kind: RectificationEntryKind
        var onDay: String
        var text: String
        var leader: String?
        var filename: String?
        var size: Int?
        var sha256: String?
        var actor: String
        var at: Date
    }

    /// An item as the API and the pages show it.
    struct Item: Codable, Sendable {
        var id: UUID
        var number: String
        var category: RectificationCategory
        var problem: String
        var task: String
        var responsibleKind: ResponsibleKind
        var responsibleUnit: String
        var responsibleName: String
        var person: String?
        var phone: String?
        var deadline: String
        var status: RectificationStatus
        var flags: [RectificationFlag]
        var lastProgressOn: String?
        var lastLeaderReviewOn: String?
        var createdOn: String
        /// Who confirms and who closes it.
        var cityConfirms: Bool
        var closedBy: ClosureDesk
        var linkCertificate: String?
        var linkSchool: String?
        var linkOrganization: String?
        /// The units that see the item besides the province: its school, region, organisation.
        var school: String?
        var region: String?
        var organization: String?
        var entries: [Entry]?
    }

    /// The unit an item is assigned to, resolved: its name, the school's kind, and the codes
    /// that scope it.
    struct Responsible {
        var kind: ResponsibleKind
        var code: String
        var name: String
        var schoolKind: SchoolKind?
        var school: String?
        var region: String?
        var organization: String?

        var route: ClosureRoute { ClosureRoute(responsible: kind, schoolKind: schoolKind) }

        var audience: NoticeAudience {
            switch kind {
            case .school, .leadSchool: .school(code)
            case .cityBureau: .region(code)
            case .organization: .organization(code)
            }
        }

        func isActing(_ actor: Actor) -> Bool { actor.role == kind.role && actor.unit == code }
    }

    // MARK: Creating

    static func create(_ draft: Draft, actor: Actor, now: Date, on db: any Database) async throws -> UUID {
        guard Access.may(.create, .ledgerItems, actor) else { throw AppError.forbidden }
        switch try await check(draft, actor: actor, now: now, on: db) {
        case .failure(let problems): throw AppError.invalid(problems.errors)
        case .success(let item): return try await insert([item], actor: actor, now: now, on: db)[0]
        }
    }

    /// A spreadsheet of items (`RectificationImport`), stored all or nothing; every problem
    /// is named with its line.
    static func importItems(_ table: [[String]], actor: Actor, now: Date, on db: any Database) async throws
        -> Int
    {
        guard Access.may(.create, .ledgerItems, actor) else { throw AppError.forbidden }
        let rows: [(line: Int, values: [String: String])]
        switch RectificationImport.rows(table) {
        case .failure(let e): throw AppError.invalid(e.errors, detail: "文件未导入：共\(e.errors.count)处问题")
        case .success(let r): rows = r
        }
        var items: [NewItem] = []
        var problems: [FieldError] = []
        for (line, v) in rows {
            let draft = Draft(
                category: RectificationImport.value(v["category"], as: RectificationCategory.self),
                problem: v["problem"], task: v["task"],
                responsibleKind: RectificationImport.value(v["responsibleKind"], as: ResponsibleKind.self),
                responsibleUnit: v["responsibleUnit"], person: v["person"], phone: v["phone"],
                deadline: v["deadline"].map { $0.replacingOccurrences(of: "/", with: "-") })
            switch try await check(draft, actor: actor, now: now, on: db) {
            case .success(let item): items.append(item)
            case .failure(let e):
                problems += e.errors.map {
                    FieldError(
                        code: $0.code, message: $0.message, field: $0.field, line: line, english: $0.english)
                }
            }
        }
        guard problems.isEmpty else {
            throw AppError.invalid(problems, detail: "文件未导入：共\(problems.count)处问题")
        }
        return try await insert(items, actor: actor, now: now, on: db).count
    }

    /// An item as the actor may enter it, or every problem with it.
    static func check(_ draft: Draft, actor: Actor, now: Date, on db: any Database) async throws
        -> Result<NewItem, ValidationErrors>
    {
        var problems: [FieldError] = []
        func text(_ value: String?, _ field: String, _ label: UIText, limit: Int) -> String? {
            do {
                let t = try FreeText.read(value, field: field, label: label, limit: limit)
                if t == nil { problems.append(.required(field, label)) }
                return t
            } catch let e as AppError {
                problems += e.errors
                return nil
            } catch { return nil }
        }
        let problem = text(draft.problem, "problem", .ledgerProblem, limit: 2000)
        let task = text(draft.task, "task", .ledgerTask, limit: 2000)
        let person = text(draft.person, "person", .ledgerPerson, limit: 50)
        let phone = text(draft.phone, "phone", .ledgerPhone, limit: 30)
        if let phone, !isPhone(phone) {
            problems.append(FieldError(code: "invalid", .ledgerPhoneInvalid, field: "phone"))
        }
        let deadline = LocalDate(draft.deadline ?? "")
        if deadline == nil {
            problems.append(
                FieldError.invalid(
                    "deadline", .ledgerDeadline, value: draft.deadline ?? "",
                    expected: UIText(zh: " YYYY-MM-DD", en: "YYYY-MM-DD")))
        } else if let deadline, deadline < LocalDate(now) {
            problems.append(FieldError(code: "invalid", .ledgerDeadlinePast, field: "deadline"))
        }
        if draft.category == nil {
            problems.append(.required("category", .ledgerCategory))
        }
        var responsible: Responsible?
        if let kind = draft.responsibleKind, let code = draft.responsibleUnit, !code.isEmpty {
            responsible = try await resolve(kind, code, on: db)
            if responsible == nil {
                problems.append(
                    FieldError(code: "unknown_reference", .ledgerUnknownUnit(code), field: "responsibleUnit"))
            }
        } else {
            problems.append(.required("responsibleUnit", .ledgerResponsible))
        }
        // A city bureau keeps the ledger of its own schools and itself.
        if actor.role == .cityReviewer, let r = responsible, r.region != actor.unit || r.kind == .organization
        {
            problems.append(FieldError(code: "invalid", .ledgerCityOwnOnly, field: "responsibleUnit"))
        }
        guard problems.isEmpty, let problem, let task, let deadline, let responsible,
            let category = draft.category
        else { return .failure(ValidationErrors(problems)) }
        return .success(
            NewItem(
                category: category, problem: problem, task: task, responsible: responsible, person: person,
                phone: phone, deadline: deadline))
    }

    /// A phone number as people write it: digits with spaces and “-+()”.
    static func isPhone(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isNumber || "-+ ()".contains($0)) }
    }

    /// An item to store: its four lists and, for a generated one, the figure it is about.
    struct NewItem {
        var category: RectificationCategory
        var problem: String
        var task: String
        var responsible: Responsible
        var person: String?
        var phone: String?
        var deadline: LocalDate
        var link: (certificate: String?, school: String?, organization: String?) = (nil, nil, nil)
    }

    /// Stores new items in one transaction with consecutive numbers, each audited, and tells
    /// each responsible unit once.
    @discardableResult
    static func insert(_ items: [NewItem], actor: Actor, now: Date, on db: any Database) async throws
        -> [UUID]
    {
        guard !items.isEmpty else { return [] }
        let rows = items.map { item in
            let row = RectificationItemRow()
            row.id = UUID()
            row.category = item.category.rawValue
            row.problem = item.problem
            row.task = item.task
            row.responsibleKind = item.responsible.kind.rawValue
            row.responsibleUnit = item.responsible.code
            row.person = item.person
            row.phone = item.phone
            row.deadline = item.deadline.description
            row.status = RectificationStatus.open.rawValue
            row.schoolCode = item.responsible.school
            row.regionCode = item.responsible.region
            row.organizationCode = item.responsible.organization
            row.linkCertificate = item.link.certificate
            row.linkSchool = item.link.school
            row.linkOrganization = item.link.organization
            row.createdBy = actor.username
            row.createdOn = LocalDate(now).description
            row.createdAt = now
            row.updatedAt = now
            return row
        }
        try await db.writeTransaction { tx in
            let audit = AuditWriter(tx)
            // The first audit entry serialises writers on PostgreSQL, so two creations at once
            // cannot take the same numbers.
            for (row, item) in zip(rows, items) {
                try await audit.append(
                    actor: actor.username, action: "create", entity: "rectification_items",
                    key: try row.requireID().uuidString, before: nil as String?,
                    after:
                        "\(item.category.rawValue) \(item.responsible.kind.rawValue):\(item.responsible.code)",
                    at: now)
            }
            struct Count: Decodable { var n: Int }
            let prefix = "ZG-\(LocalDate(now).year)-"
            let taken =
                try await tx.sql().raw(
                    "SELECT COUNT(*) AS n FROM rectification_items WHERE number LIKE \(bind: prefix + "%")"
                ).first(decoding: Count.self)?.n ?? 0
            for (n, row) in rows.enumerated() { row.number = prefix + String(format: "%04d", taken + n + 1) }
            for chunk in chunks(rows) { try await chunk.create(on: tx) }
            var byUnit: [NoticeAudience: [(RectificationItemRow, NewItem)]] = [:]
            for (row, item) in zip(rows, items) {
                byUnit[item.responsible.audience, default: []].append((row, item))
            }
            for (audience, list) in byUnit {
                let (row, item) = list[0]
                let id = try row.requireID()
                _ = try await NoticeService.send(
                    audience: audience, key: "ledger:\(id):created",
                    title: list.count == 1 ? "新的整改事项：\(row.number)" : "新的整改事项\(list.count)项",
                    body: list.count == 1
                        ? "\(item.problem.prefix(80))。整改时限：\(item.deadline.chinese)。请每月报送整改进展，完成后申请销号。"
                        : "\(list.map(\.0.number).prefix(10).joined(separator: "、"))等\(list.count)项，请每月报送整改进展，完成后申请销号。",
                    link: list.count == 1 ? SitePath.ledgerItem(id).path : SitePath.ledger.path, now: now,
                    on: tx)
            }
        }
        return try rows.map { try $0.requireID() }
    }

    /// The unit behind a kind and code, or nil when there is none.
    static func resolve(_ kind: ResponsibleKind, _ code: String, on db: any Database) async throws
        -> Responsible?
    {
        switch kind {
        case .school, .leadSchool:
            guard let s = try await School.query(on: db).filter(\.$code == code).with(\.$region).first()
            else {
                return nil
            }
            return Responsible(
                kind: kind, code: code, name: s.name, schoolKind: try s.kindValue, school: code,
                region: s.region.code)
        case .cityBureau:
            guard let r = try await Region.query(on: db).filter(\.$code == code).first() else { return nil }
            return Responsible(kind: kind, code: code, name: bureauName(r), region: code)
        case .organization:
            guard let o = try await Organization.query(on: db).filter(\.$code == code).first() else {
                return nil
            }
            return Responsible(kind: kind, code: code, name: o.name, organization: code)
        }
    }

    // MARK: Reading

    struct Filter: Sendable {
        var status: RectificationStatus?
        var category: RectificationCategory?
        var flaggedOnly = false
        var responsibleUnit: String?
        /// Part of the number, the problem, or the responsible unit's code or name.
        var text: String?
    }

    /// The items the actor may see, newest first, with their flags on `today`.
    static func list(actor: Actor, filter: Filter, today: LocalDate, limit: Int? = nil, on db: any Database)
        async throws -> [Item]
    {
        guard let inScope = ScopeCondition.onLedgerItems(Access.scope(of: .ledgerItems, for: actor)) else {
            throw AppError.forbidden
        }
        var condition: SQLQueryString = ""
        if let s = filter.status { condition += " AND i.status = \(bind: s.rawValue)" }
        if let c = filter.category { condition += " AND i.category = \(bind: c.rawValue)" }
        if let u = filter.responsibleUnit { condition += " AND i.responsible_unit = \(bind: u)" }
        if let t = filter.text {
            let like = SQLLike.contains(t)
            condition += """
                 AND (i.number LIKE \(bind: like) ESCAPE '\\' OR i.problem LIKE \(bind: like) ESCAPE '\\'
                   OR i.responsible_unit LIKE \(bind: like) ESCAPE '\\'
                   OR i.responsible_unit IN (SELECT code FROM schools WHERE name LIKE \(bind: like) ESCAPE '\\')
                   OR i.responsible_unit IN (SELECT code FROM regions WHERE name LIKE \(bind: like) ESCAPE '\\')
                   OR i.responsible_unit IN (SELECT code FROM organizations WHERE name LIKE \(bind: like) ESCAPE '\\'))
                """
        }
        let ids = try await db.sql().raw(
            "SELECT i.id FROM rectification_items i WHERE \(inScope)\(condition) ORDER BY i.number DESC\(unsafeRaw: filter.flaggedOnly ? "" : limit.map { " LIMIT \($0)" } ?? "")"
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        let items = try await items(ids, entries: false, today: today, on: db)
        guard filter.flaggedOnly else { return items }
        return Array(items.filter { !$0.flags.isEmpty }.prefix(limit ?? Int.max))
    }

    /// For the home page: items waiting for the actor's step (a city's confirmation, a desk's
    /// closure), and open items the actor's unit is responsible for.
    static func todo(for actor: Actor, on db: any Database) async throws -> (waiting: Int, open: Int) {
        guard let inScope = ScopeCondition.onLedgerItems(Access.scope(of: .ledgerItems, for: actor)) else {
            return (0, 0)
        }
        var waiting = 0
        if Access.may(.review, .ledgerItems, actor) {
            let rows = try await db.sql().raw(
                """
                SELECT i.status, i.responsible_kind, s.kind FROM rectification_items i
                LEFT JOIN schools s ON s.code = i.school_code
                WHERE i.status IN ('applied', 'confirmed') AND \(inScope)
                """
            ).all()
            for r in rows {
                let status = try RectificationStatus.stored(
                    try r.decode(column: "status", as: String.self), table: RectificationItemRow.schema,
                    column: "status", id: nil)
                let kind = try ResponsibleKind.stored(
                    try r.decode(column: "responsible_kind", as: String.self),
                    table: RectificationItemRow.schema,
                    column: "responsible_kind", id: nil)
                let schoolKind = try r.decode(column: "kind", as: String?.self).flatMap(
                    SchoolKind.init(rawValue:))
                let route = ClosureRoute(responsible: kind, schoolKind: schoolKind)
                if RectificationFlow.waitingFor(status, route: route) == actor.role { waiting += 1 }
            }
        }
        struct Count: Decodable { var n: Int }
        let kinds = ResponsibleKind.allCases.filter { $0.role == actor.role }.map(\.rawValue)
        let open =
            kinds.isEmpty
            ? 0
            : try await db.sql().raw(
                """
                SELECT COUNT(*) AS n FROM rectification_items
                WHERE status = 'open' AND responsible_unit = \(bind: actor.unit ?? "") AND responsible_kind IN \(SQLBind.group(kinds))
                """
            ).first(decoding: Count.self)?.n ?? 0
        return (waiting, open)
    }

    /// One item the actor may see, with its history; another unit's is not found.
    static func find(_ id: UUID, actor: Actor, today: LocalDate, on db: any Database) async throws -> Item {
        try await item(of: try visibleRow(id, actor: actor, on: db), today: today, on: db)
    }

    /// A row already found in the actor's scope, as an item with its history.
    static func item(of row: RectificationItemRow, today: LocalDate, on db: any Database) async throws -> Item
    {
        try await items([try row.requireID()], entries: true, today: today, on: db)[0]
    }

    static func visibleRow(_ id: UUID, actor: Actor, on db: any Database) async throws -> RectificationItemRow
    {
        guard let inScope = ScopeCondition.onLedgerItems(Access.scope(of: .ledgerItems, for: actor)) else {
            throw AppError.forbidden
        }
        let visible = try await db.sql().raw(
            "SELECT i.id FROM rectification_items i WHERE i.id = \(bind: id) AND \(inScope)"
        ).first()
        guard visible != nil, let row = try await RectificationItemRow.find(id, on: db) else {
            throw AppError.notFound
        }
        return row
    }

    static func items(_ ids: [UUID], entries withEntries: Bool, today: LocalDate, on db: any Database)
        async throws
        -> [Item]
    {
        guard !ids.isEmpty else { return [] }
        var rows: [RectificationItemRow] = []
        var entries: [UUID: [RectificationEntryRow]] = [:]
        // The days of the last progress and the last leader's review, by item.
        var lastProgress: [UUID: String] = [:]
        var lastLeader: [UUID: String] = [:]
        for chunk in chunks(ids) {
            rows += try await RectificationItemRow.query(on: db).filter(\.$id ~~ chunk).all()
            let latest = try await db.sql().raw(
                """
                SELECT item_id, kind, MAX(on_day) AS last FROM rectification_entries
                WHERE item_id IN \(SQLBind.group(chunk)) AND kind IN ('progress', 'leaderReview') GROUP BY item_id, kind
                """
            ).all()
            for r in latest {
                let item = try r.decode(column: "item_id", as: UUID.self)
                let day = try r.decode(column: "last", as: String.self)
                lastProgress[item] = max(lastProgress[item] ?? "", day)
                if try r.decode(column: "kind", as: String.self)
                    == RectificationEntryKind.leaderReview.rawValue
                {
                    lastLeader[item] = day
                }
            }
            guard withEntries else { continue }
            // Everything but the files themselves.
            let found = try await RectificationEntryRow.query(on: db).filter(\.$itemID ~~ chunk)
                .field(\.$id).field(\.$itemID).field(\.$kind).field(\.$onDay).field(\.$text).field(\.$leader)
                .field(\.$filename).field(\.$contentType).field(\.$size).field(\.$sha256).field(\.$actor)
                .field(\.$at)
                .sort(\.$at).all()
            for e in found { entries[e.itemID, default: []].append(e) }
        }
        let (names, kinds) = try await units(of: rows, on: db)
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID(), $0) })
        return try ids.compactMap { byID[$0] }.map { row in
            let id = try row.requireID()
            let kind = try row.responsibleKindValue
            let status = try row.statusValue
            let route = ClosureRoute(responsible: kind, schoolKind: row.schoolCode.flatMap { kinds[$0] })
            return Item(
                id: id, number: row.number, category: try row.categoryValue,
                problem: row.problem,
                task: row.task, responsibleKind: kind, responsibleUnit: row.responsibleUnit,
                responsibleName: names["\(kind.role.rawValue):\(row.responsibleUnit)"] ?? row.responsibleUnit,
                person: row.person, phone: row.phone, deadline: row.deadline, status: status,
                flags: RectificationFlag.flags(
                    status: status, deadline: try row.deadlineDay, createdOn: try row.createdDay,
                    lastProgressOn: lastProgress[id].flatMap(LocalDate.init), today: today),
                lastProgressOn: lastProgress[id], lastLeaderReviewOn: lastLeader[id],
                createdOn: row.createdOn,
                cityConfirms: route.cityFirst, closedBy: route.desk,
                linkCertificate: row.linkCertificate, linkSchool: row.linkSchool,
                linkOrganization: row.linkOrganization, school: row.schoolCode, region: row.regionCode,
                organization: row.organizationCode,
                entries: withEntries ? try (entries[id] ?? []).map(entry) : nil)
        }
    }

    static func entry(_ e: RectificationEntryRow) throws -> Entry {
        Entry(
            id: try e.requireID(), kind: try e.kindValue, onDay: e.onDay, text: e.text, leader: e.leader,
            filename: e.filename, size: e.size, sha256: e.sha256, actor: e.actor, at: e.at)
    }

    /// The names of the items' responsible units, keyed `role:code`, and the kinds of their
    /// schools; only those units are read.
    static func units(of rows: [RectificationItemRow], on db: any Database) async throws -> (
        names: [String: String], kinds: [String: SchoolKind]
    ) {
        func codes(_ kinds: Set<ResponsibleKind>) -> [String] {
            Array(
                Set(
                    rows.filter { (try? kinds.contains($0.responsibleKindValue)) == true }.map(
                        \.responsibleUnit)))
        }
        var names: [String: String] = [:]
        var kinds: [String: SchoolKind] = [:]
        for chunk in chunks(Array(Set(rows.compactMap(\.schoolCode)))) {
            for s in try await School.query(on: db).filter(\.$code ~~ chunk).all() {
                names["school:\(s.code)"] = s.name
                kinds[s.code] = try s.kindValue
            }
        }
        for chunk in chunks(codes([.cityBureau])) {
            for r in try await Region.query(on: db).filter(\.$code ~~ chunk).all() {
                names["cityReviewer:\(r.code)"] = bureauName(r)
            }
        }
        for chunk in chunks(codes([.organization])) {
            for o in try await Organization.query(on: db).filter(\.$code ~~ chunk).all() {
                names["organization:\(o.code)"] = o.name
            }
        }
        return (names, kinds)
    }

    /// A city bureau is named after its region: 郑州市教育局.
    static func bureauName(_ region: Region) -> String { region.name + "教育局" }

    /// Bound lists in pieces that stay well under the databases' parameter limits.
    static func chunks<T>(_ values: [T]) -> [[T]] {
        stride(from: 0, to: values.count, by: 500).map { Array(values[$0..<min($0 + 500, values.count)]) }
    }

    /// An entry's file, for whoever may read the item.
    static func file(_ item: UUID, entry: UUID, actor: Actor, on db: any Database) async throws
        -> RectificationEntryRow
    {
        _ = try await visibleRow(item, actor: actor, on: db)
        guard let e = try await RectificationEntryRow.find(entry, on: db), e.itemID == item, e.data != nil
        else {
            throw AppError.notFound
        }
        return e
    }
}
