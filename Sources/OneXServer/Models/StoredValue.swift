import Foundation

/// A stored state that is not one of its type's values: the row is named, and the request
/// fails rather than reading it as some default (an unknown role read as `auditor` would see
/// the whole province; an unknown school kind read as `secondary` would change its review
/// route).
struct StoredValueError: Error, CustomStringConvertible {
    var table: String
    var column: String
    var id: UUID?
    var value: String

    var description: String {
        "\(table).\(column) of row \(id?.uuidString ?? "?") holds '\(value)', which is not a known value"
    }
}

extension RawRepresentable where RawValue == String {
    /// The typed value of a stored column, or `StoredValueError` naming the row.
    static func stored(_ raw: String, table: String, column: String, id: UUID?) throws -> Self {
        guard let value = Self(rawValue: raw) else { throw StoredValueError(table: table, column: column, id: id, value: raw) }
        return value
    }
}
