import Fluent
import OneXDomain
import Vapor

/// Reads and writes one catalog table in terms of domain records. Every read takes the
/// caller's `RecordScope`, so scoping happens here and nowhere else.
protocol CatalogStore: SendableMetatype {
    associatedtype Record: CatalogRecord

    /// One page of the records visible in `scope` whose code or name contains `search`.
    static func page(scope: RecordScope, search: String?, limit: Int, offset: Int,
                     on db: any Database) async throws -> (items: [Record], total: Int)

    /// The record with this code if it exists and is visible in `scope`.
    static func find(_ code: String, scope: RecordScope, on db: any Database) async throws -> Record?

    /// Creates or updates the record with the record's code; returns the previous version.
    static func save(_ record: Record, resolver: CodeResolver, on db: any Database) async throws -> (before: Record?, id: UUID)

    /// Every code in the table, for checking the references of an import before writing.
    static func allCodes(on db: any Database) async throws -> Set<String>
}

extension CatalogStore {
    static var kind: CatalogKind { Record.kind }
}

/// Business code → database id, cached for the length of one request or import.
final class CodeResolver {
    private let db: any Database
    private var cache: [CatalogKind: [String: UUID]] = [:]

    init(_ db: any Database) { self.db = db }

    func id(_ kind: CatalogKind, _ code: String) async throws -> UUID? {
        if let hit = cache[kind]?[code] { return hit }
        let found: UUID?
        switch kind {
        case .regions: found = try await Region.query(on: db).filter(\.$code == code).first()?.id
        case .organizations: found = try await Organization.query(on: db).filter(\.$code == code).first()?.id
        case .certificates: found = try await Certificate.query(on: db).filter(\.$code == code).first()?.id
        case .schools: found = try await School.query(on: db).filter(\.$code == code).first()?.id
        case .experts: found = try await Expert.query(on: db).filter(\.$code == code).first()?.id
        case .alliances: found = nil
        }
        if let found { cache[kind, default: [:]][code] = found }
        return found
    }

    /// The id a reference points at, or a 422 naming the missing record.
    func require(_ ref: Reference) async throws -> UUID {
        guard let id = try await id(ref.kind, ref.code) else {
            throw AppError.invalid([FieldError(code: "unknown_reference",
                                               message: "\(ref.kind.noun.zh)“\(ref.code)”不存在", field: ref.field)])
        }
        return id
    }
}

/// Page-through helper shared by the stores.
extension QueryBuilder {
    func page(limit: Int, offset: Int) async throws -> (items: [Model], total: Int) {
        let total = try await copy().count()
        let items = try await range(offset..<(offset + limit)).all()
        return (items, total)
    }
}
