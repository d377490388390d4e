import Fluent
import OneXDomain
import Vapor

/// In-app notices: a school hears when its application is returned, approved or rejected;
/// every unit hears three days before its phase of a window opens or closes.
enum NoticeService {
    /// Adds a notice unless the same (audience, key) exists already.
    static func send(audience: NoticeAudience, key: String, title: String, body: String, link: String?, now: Date,
                     on db: any Database) async throws -> Bool {
        if try await NoticeRow.query(on: db).filter(\.$audience == audience.stored).filter(\.$key == key).first() != nil { return false }
        let n = NoticeRow()
        n.audience = audience.stored
        n.key = key
        n.title = title
        n.body = body
        n.link = link
        n.createdAt = now
        try await n.create(on: db)
        return true
    }

    /// The notices addressed to the actor (`Access.audiences(for:)`), newest first.
    static func list(for actor: Actor, limit: Int, on db: any Database) async throws -> [NoticeRow] {
        try await NoticeRow.query(on: db).filter(\.$audience ~~ Access.audiences(for: actor).map(\.stored)).sort(\.$createdAt, .descending)
            .limit(limit).all()
    }

    /// Notices addressed to the actor since the account last opened its notices.
    static func unread(for actor: Actor, userID: UUID, on db: any Database) async throws -> Int {
        let seen = try await User.query(on: db).filter(\.$id == userID).field(\.$id).field(\.$noticesSeenAt).first()?.noticesSeenAt
        var q = NoticeRow.query(on: db).filter(\.$audience ~~ Access.audiences(for: actor).map(\.stored))
        if let seen { q = q.filter(\.$createdAt > seen) }
        return try await q.count()
    }

    static func markSeen(userID: UUID, now: Date, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            try await User.query(on: tx).filter(\.$id == userID).set(\.$noticesSeenAt, to: now).update()
        }
    }

    /// Three days before a phase opens or closes, its audience hears of it.
    static func windowReminders(now: Date, policy: Policy, on db: any Database) async throws -> Int {
        let today = LocalDate(now)
        var sent = 0
        for window in policy.windows(in: today.year) + policy.windows(in: today.year + 1) {
            for (phase, role, label) in [(ResolvedWindow.Phase.school, Role.school, "院校申报"),
                                         (.city, .cityReviewer, "市级初审"), (.province, .provinceReviewer, "省级审核")] {
                let range = window.range(phase)
                for (edge, verb) in [(range.lowerBound, "开始"), (range.upperBound, "截止")] where today.days(until: edge) == 3 {
                    let title = "\(window.name)\(label)将于\(edge)\(verb)"
                    let key = "window:\(window.name):\(edge):\(phase.rawValue):\(verb)"
                    if try await send(audience: .role(role), key: key, title: title,
                                      body: "\(window.name)\(label)时间为\(range.lowerBound)至\(range.upperBound)。",
                                      link: SitePath.applications.path, now: now, on: db) {
                        sent += 1
                    }
                }
            }
        }
        return sent
    }
}
