import SQLKit

/// One page of a list read with bound SQL, and how many rows the whole list has: the count and
/// the page come from the same `SELECT … FROM … WHERE`, so the pager's figure is the list's.
/// Without a page the whole list is read (an export), and counted as it comes.
enum SQLPage {
    static func read<T>(
        _ select: SQLQueryString, where condition: SQLQueryString, order: SQLQueryString, paging: Paging?,
        on sql: any SQLDatabase, _ decode: (any SQLRow) throws -> T
    ) async throws -> (items: [T], total: Int) {
        guard let paging else {
            let items = try await sql.raw("\(select) WHERE \(condition) ORDER BY \(order)").all().map(decode)
            return (items, items.count)
        }
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM (\(select) WHERE \(condition)) q").first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard total > paging.offset else { return ([], total) }
        let items = try await sql.raw(
            """
            \(select) WHERE \(condition) ORDER BY \(order) LIMIT \(literal: paging.limit) OFFSET \(literal: paging.offset)
            """
        ).all().map(decode)
        return (items, total)
    }
}
