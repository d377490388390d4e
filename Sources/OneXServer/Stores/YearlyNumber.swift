import Fluent
import Foundation
import OneXDomain
import SQLKit

/// The numbers people quote for a record (KD-2026-0004): a code, the year in Shanghai, and
/// the count of the year's records so far plus one. Called inside the creating transaction
/// after its first audit entry, which serialises writers on PostgreSQL, so two records created
/// at once cannot take the same number (the unique index on `number` guards it too).
enum YearlyNumber {
    static func next(_ code: String, table: String, now: Date, on db: any Database) async throws -> String {
        struct Count: Decodable { var n: Int }
        let prefix = "\(code)-\(LocalDate(now).year)-"
        let taken =
            try await db.sql().raw(
                "SELECT COUNT(*) AS n FROM \(ident: table) WHERE number LIKE \(bind: prefix + "%")"
            ).first(decoding: Count.self)?.n ?? 0
        return prefix + String(format: "%04d", taken + 1)
    }
}
