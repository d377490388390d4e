import Crypto
import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Appends hash-chained entries to the audit log. Use one writer per transaction: it reads the
/// chain head once and serialises writers on PostgreSQL with a transaction-scoped advisory lock,
/// so two app servers cannot fork the chain.
final class AuditWriter {
    private let db: any Database
    private var head: (seq: Int, hash: String)?

    init(_ db: any Database) { self.db = db }

    static let genesis = String(repeating: "0", count: 64)

    func append(
        actor: String, action: String, entity: String, key: String,
        before: String?, after: String?, at: Date
    ) async throws {
        if head == nil {
            if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                // One chain per schema: the key is the schema's, so databases holding several
                // OneX schemas (the test suite) do not serialise each other.
                try await sql.raw("SELECT pg_advisory_xact_lock(7215001, hashtext(current_schema()))").run()
            }
            struct Head: Decodable {
                var seq: Int
                var hash: String
            }
            let last = try await db.sql().raw("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1")
                .first(decoding: Head.self)
            head = last.map { ($0.seq, $0.hash) } ?? (0, Self.genesis)
        }
        let entry = AuditEntry()
        entry.seq = head!.seq + 1
        // Whole milliseconds survive the round trip through both databases exactly.
        entry.at = Date(timeIntervalSince1970: (at.timeIntervalSince1970 * 1000).rounded() / 1000)
        // Databases cut text at a NUL or refuse it, so the entry is hashed as it will be read back.
        entry.actor = actor.withoutControlCharacters
        entry.action = action.withoutControlCharacters
        entry.entity = entity.withoutControlCharacters
        entry.entityKey = key.withoutControlCharacters
        entry.before = before.map(Self.withoutNUL)
        entry.after = after.map(Self.withoutNUL)
        entry.prevHash = head!.hash
        entry.hash = Self.hash(of: entry)
        // Every write of OneX appends here: one plain INSERT, not a model save.
        try await db.sql().raw(
            """
            INSERT INTO audit_entries (id, seq, at, actor, action, entity, entity_key, before, after, prev_hash, hash)
            VALUES (\(bind: UUID()), \(bind: entry.seq), \(bind: entry.at), \(bind: entry.actor), \(bind: entry.action),
              \(bind: entry.entity), \(bind: entry.entityKey), \(bind: entry.before), \(bind: entry.after),
              \(bind: entry.prevHash), \(bind: entry.hash))
            """
        ).run()
        head = (entry.seq, entry.hash)
    }

    func append<T: Encodable>(
        actor: String, action: String, entity: String, key: String,
        before: T?, after: T?, at: Date
    ) async throws {
        let b: String? = if let before { Self.json(before) } else { nil }
        let a: String? = if let after { Self.json(after) } else { nil }
        try await append(actor: actor, action: action, entity: entity, key: key, before: b, after: a, at: at)
    }

    private static func withoutNUL(_ text: String) -> String {
        text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "") : text
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func hash(of e: AuditEntry) -> String {
        let millis = Int64((e.at.timeIntervalSince1970 * 1000).rounded())
        let fields = [
            e.prevHash, String(e.seq), String(millis), e.actor, e.action, e.entity, e.entityKey,
            e.before ?? "\u{0}", e.after ?? "\u{0}",
        ]
        // Length-prefixed so that moving text between fields changes the hash.
        let material = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(material.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Checks the whole chain: every hash recomputed, every link to its predecessor, no gap in seq.
enum AuditVerifier {
    struct Report: Content {
        var ok: Bool
        var entries: Int
        var head: String
        var problems: [String]
    }

    static func verify(on db: any Database) async throws -> Report {
        var problems: [String] = []
        var previous = AuditWriter.genesis
        var expectedSeq = 1
        var count = 0
        let pageSize = 1000
        var offset = 0
        while true {
            let page = try await AuditEntry.query(on: db).sort(\.$seq).range(offset..<(offset + pageSize))
                .all()
            if page.isEmpty { break }
            for e in page {
                count += 1
                if e.seq != expectedSeq {
                    problems.append("第\(expectedSeq)条记录缺失（下一条为第\(e.seq)条）")
                }
                if e.prevHash != previous {
                    problems.append("第\(e.seq)条记录与前一条记录的哈希不衔接")
                }
                if AuditWriter.hash(of: e) != e.hash {
                    problems.append("第\(e.seq)条记录内容已被修改")
                }
                previous = e.hash
                expectedSeq = e.seq + 1
            }
            offset += pageSize
        }
        return Report(ok: problems.isEmpty, entries: count, head: previous, problems: problems)
    }
}
