import Fluent
import Foundation
import OneXDomain
import SQLKit
import Vapor

/// What happens to an item after it is created: the responsible unit's progress and leaders'
/// reviews (AH38-3), its person, and the closure steps (AH38-4) `RectificationFlow` allows.
enum RectificationSteps {
    struct Progress: Codable, Sendable {
        /// `progress` or `leaderReview`.
        var kind: RectificationEntryKind?
        var text: String?
        var leader: String?
        var onDay: String?
    }

    struct Person: Codable, Sendable {
        var person: String?
        var phone: String?
    }

    /// Adds a progress entry or a leader's review, by the responsible unit, to an item not closed.
    static func progress(
        _ id: UUID, _ input: Progress, file: File?, actor: Actor, now: Date, on db: any Database
    ) async throws {
        let row = try await RectificationService.visibleRow(id, actor: actor, on: db)
        let responsible = try await responsibleUnit(of: row, on: db)
        guard responsible.isActing(actor) else { throw notResponsible(responsible) }
        guard try row.statusValue != .closed else {
            throw AppError.conflict("该事项已销号，不再报送进展；如需继续整改请联系省级重新打开", code: "invalid_state")
        }
        let kind = input.kind ?? .progress
        guard kind == .progress || kind == .leaderReview else {
            throw AppError.invalid([FieldError(code: "invalid", .ledgerEntryKindInvalid, field: "kind")])
        }
        var problems: [FieldError] = []
        let text = try FreeText.read(input.text, field: "text", label: .ledgerEntryText, limit: 4000)
        if text == nil { problems.append(.required("text", .ledgerEntryText)) }
        let leader = try FreeText.read(input.leader, field: "leader", label: .ledgerLeader, limit: 50)
        if kind == .leaderReview && leader == nil { problems.append(.required("leader", .ledgerLeader)) }
        let today = LocalDate(now)
        var day = today
        if let raw = input.onDay, !raw.isEmpty {
            if let d = LocalDate(raw), d <= today, d >= (try row.createdDay) {
                day = d
            } else {
                problems.append(
                    FieldError(code: "invalid", .ledgerEntryDayInvalid(row.createdOn), field: "onDay"))
            }
        }
        let upload = try file.flatMap { $0.data.readableBytes > 0 ? try UploadedFile($0) : nil }
        guard problems.isEmpty, let text else { throw AppError.invalid(problems) }
        let onDay = day
        let entry = newEntry(id, kind, day: onDay, text: text, upload: upload, actor: actor, now: now)
        entry.leader = kind == .leaderReview ? leader : nil
        try await db.writeTransaction { tx in
            try await entry.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: kind.rawValue, entity: "rectification_items",
                key: id.uuidString,
                before: nil as String?, after: "\(onDay) \(text.prefix(200))", at: now)
        }
    }

    /// Changes the responsible person and phone: the responsible unit's own.
    static func person(_ id: UUID, _ input: Person, actor: Actor, now: Date, on db: any Database) async throws
    {
        let row = try await RectificationService.visibleRow(id, actor: actor, on: db)
        let responsible = try await responsibleUnit(of: row, on: db)
        guard responsible.isActing(actor) else { throw notResponsible(responsible) }
        var problems: [FieldError] = []
        let person = try FreeText.read(input.person, field: "person", label: .ledgerPerson, limit: 50)
        let phone = try FreeText.read(input.phone, field: "phone", label: .ledgerPhone, limit: 30)
        if person == nil { problems.append(.required("person", .ledgerPerson)) }
        if phone == nil { problems.append(.required("phone", .ledgerPhone)) }
        if let phone, !RectificationService.isPhone(phone) {
            problems.append(FieldError(code: "invalid", .ledgerPhoneInvalid, field: "phone"))
        }
        guard problems.isEmpty, let person, let phone else { throw AppError.invalid(problems) }
        let before = "\(row.person ?? "") \(row.phone ?? "")"
        row.person = person
        row.phone = phone
        row.updatedAt = now
        let entry = newEntry(
            id, .person, day: LocalDate(now), text: "\(person) \(phone)", upload: nil, actor: actor, now: now)
        try await db.writeTransaction { tx in
            try await row.update(on: tx)
            try await entry.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "person", entity: "rectification_items", key: id.uuidString,
                before: before, after: "\(person) \(phone)", at: now)
        }
    }

    /// A closure step. `apply` needs the responsible unit, a statement and an evidence file, and
    /// for a data-linked item a figure that no longer shows the problem; the others need the
    /// role `RectificationFlow` names, and a return or reopening a comment.
    static func step(
        _ id: UUID, _ step: RectificationStep, text input: String?, file: File?, actor: Actor, now: Date,
        on db: any Database
    ) async throws -> RectificationStatus {
        let row = try await RectificationService.visibleRow(id, actor: actor, on: db)
        let responsible = try await responsibleUnit(of: row, on: db)
        let status = try row.statusValue
        if step == .apply, !responsible.isActing(actor) { throw notResponsible(responsible) }
        let next: RectificationStatus
        switch RectificationFlow.next(status, step, role: actor.role, route: responsible.route) {
        case .success(let s): next = s
        case .failure(.notYours(let why)): throw AppError.conflict(why.zh, code: "not_yours")
        case .failure(.wrongState(let why)): throw AppError.conflict(why.zh, code: "invalid_state")
        }
        var problems: [FieldError] = []
        let text = try FreeText.read(input, field: "text", label: .ledgerStepText(step), limit: 4000)
        if text == nil && [.apply, .return, .reopen].contains(step) {
            problems.append(.required("text", .ledgerStepText(step)))
        }
        let upload = try file.flatMap { $0.data.readableBytes > 0 ? try UploadedFile($0) : nil }
        if step == .apply && upload == nil {
            problems.append(FieldError(code: "evidence_missing", .ledgerEvidenceMissing, field: "file"))
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        if step == .apply || step == .close,
            let figure = try await RectificationFigures.figure(of: row, today: LocalDate(now), on: db),
            !figure.resolved
        {
            throw AppError.invalid([
                FieldError(code: "figure_unresolved", .ledgerFigureUnresolved(figure.text), field: "text")
            ])
        }
        let entry = newEntry(
            id, RectificationEntryKind(step), day: LocalDate(now), text: text ?? "", upload: upload,
            actor: actor,
            now: now)
        try await db.writeTransaction { tx in
            // Exactly one of two deciding at once finds the item still in the state it read.
            let won = try await tx.sql().raw(
                """
                UPDATE rectification_items SET status = \(bind: next.rawValue), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND status = \(bind: status.rawValue) RETURNING id
                """
            ).first()
            guard won != nil else {
                throw AppError.conflict("该事项刚刚已被他人处理，请刷新后查看", code: "invalid_state")
            }
            try await entry.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: step.rawValue, entity: "rectification_items",
                key: id.uuidString,
                before: status.rawValue, after: next.rawValue, at: now)
            for (audience, title) in audiences(step, row: row, responsible: responsible) {
                _ = try await NoticeService.send(
                    audience: audience, key: "ledger:\(id):\(try entry.requireID())",
                    title: "\(title)：\(row.number)",
                    body: "\(row.problem.prefix(80))\(text.map { "。\($0.prefix(120))" } ?? "")",
                    link: SitePath.ledgerItem(id).path, now: now, on: tx)
            }
        }
        return next
    }

    /// Who hears of a step: the next desk, or the responsible unit.
    static func audiences(
        _ step: RectificationStep, row: RectificationItemRow, responsible: RectificationService.Responsible
    )
        -> [(NoticeAudience, String)]
    {
        let route = responsible.route
        switch step {
        case .apply:
            if route.cityFirst, let region = responsible.region { return [(.region(region), "整改事项待市级确认")] }
            return [(.role(route.desk.role), "整改事项待销号")]
        case .confirm: return [(.role(route.desk.role), "整改事项待销号（市级已确认）")]
        case .close: return [(responsible.audience, "整改事项已销号")]
        case .return: return [(responsible.audience, "整改事项销号申请被退回")]
        case .reopen: return [(responsible.audience, "整改事项已重新打开，请继续整改")]
        }
    }

    static func responsibleUnit(of row: RectificationItemRow, on db: any Database) async throws
        -> RectificationService.Responsible
    {
        let kind = try row.responsibleKindValue
        guard let r = try await RectificationService.resolve(kind, row.responsibleUnit, on: db) else {
            throw StoredValueError(
                table: RectificationItemRow.schema, column: "responsible_unit", id: row.id,
                value: row.responsibleUnit)
        }
        return r
    }

    static func notResponsible(_ r: RectificationService.Responsible) -> AppError {
        AppError.conflict("该事项的责任单位是\(r.name)，由其报送进展和申请销号", code: "not_responsible")
    }

    static func newEntry(
        _ item: UUID, _ kind: RectificationEntryKind, day: LocalDate, text: String, upload: UploadedFile?,
        actor: Actor, now: Date
    ) -> RectificationEntryRow {
        let e = RectificationEntryRow()
        e.id = UUID()
        e.itemID = item
        e.kind = kind.rawValue
        e.onDay = day.description
        e.text = text
        e.actor = actor.username
        e.at = now
        if let upload {
            e.filename = upload.name
            e.contentType = upload.format.contentType
            e.size = upload.data.count
            e.sha256 = upload.sha256
            e.data = upload.data
        }
        return e
    }
}
