import Fluent
import OneXDomain
import Vapor

enum RegionStore: CatalogStore {
    static func scoped(_ scope: RecordScope, on db: any Database) -> QueryBuilder<Region>? {
        switch scope {
        case .all: Region.query(on: db)
        case .school(let c), .region(let c): Region.query(on: db).filter(\.$code == c)
        case .organization, .published, .ledBy, .publishedOr, .either, .none: nil
        }
    }

    static func page(scope: RecordScope, search: String?, limit: Int, offset: Int,
                     on db: any Database) async throws -> (items: [RegionRecord], total: Int) {
        guard let q = scoped(scope, on: db) else { return ([], 0) }
        if let s = search { q.group(.or) { $0.filter(\.$code ~~ s).filter(\.$name ~~ s) } }
        let (rows, total) = try await q.sort(\.$code).page(limit: limit, offset: offset)
        return (try rows.map { try $0.toDomain() }, total)
    }

    static func find(_ code: String, scope: RecordScope, on db: any Database) async throws -> RegionRecord? {
        try await scoped(scope, on: db)?.filter(\.$code == code).first()?.toDomain()
    }

    static func save(_ record: RegionRecord, resolver: CodeResolver, on db: any Database) async throws -> (before: RegionRecord?, id: UUID) {
        let existing = try await Region.query(on: db).filter(\.$code == record.code).first()
        let before = try existing?.toDomain()
        let model = existing ?? Region()
        model.apply(record)
        try await model.save(on: db)
        return (before, try model.requireID())
    }

    static func allCodes(on db: any Database) async throws -> Set<String> {
        Set(try await Region.query(on: db).all(\.$code))
    }
}

enum OrganizationStore: CatalogStore {
    static func scoped(_ scope: RecordScope, on db: any Database) -> QueryBuilder<Organization>? {
        switch scope {
        case .all: Organization.query(on: db)
        case .school(let c), .organization(let c): Organization.query(on: db).filter(\.$code == c)
        case .region, .published, .ledBy, .publishedOr, .either, .none: nil
        }
    }

    static func page(scope: RecordScope, search: String?, limit: Int, offset: Int,
                     on db: any Database) async throws -> (items: [OrganizationRecord], total: Int) {
        guard let q = scoped(scope, on: db) else { return ([], 0) }
        if let s = search { q.group(.or) { $0.filter(\.$code ~~ s).filter(\.$name ~~ s) } }
        let (rows, total) = try await q.sort(\.$code).page(limit: limit, offset: offset)
        return (rows.map { $0.toDomain() }, total)
    }

    static func find(_ code: String, scope: RecordScope, on db: any Database) async throws -> OrganizationRecord? {
        try await scoped(scope, on: db)?.filter(\.$code == code).first()?.toDomain()
    }

    static func save(_ record: OrganizationRecord, resolver: CodeResolver,
                     on db: any Database) async throws -> (before: OrganizationRecord?, id: UUID) {
        let existing = try await Organization.query(on: db).filter(\.$code == record.code).first()
        let before = existing?.toDomain()
        let model = existing ?? Organization()
        model.apply(record)
        try await model.save(on: db)
        return (before, try model.requireID())
    }

    static func allCodes(on db: any Database) async throws -> Set<String> {
        Set(try await Organization.query(on: db).all(\.$code))
    }
}

enum ExpertStore: CatalogStore {
    static func scoped(_ scope: RecordScope, on db: any Database) -> QueryBuilder<Expert>? {
        switch scope {
        case .all: Expert.query(on: db)
        case .school(let c): Expert.query(on: db).filter(\.$code == c)
        case .region, .organization, .published, .ledBy, .publishedOr, .either, .none: nil
        }
    }

    static func page(scope: RecordScope, search: String?, limit: Int, offset: Int,
                     on db: any Database) async throws -> (items: [ExpertRecord], total: Int) {
        guard let q = scoped(scope, on: db) else { return ([], 0) }
        if let s = search {
            q.group(.or) { $0.filter(\.$code ~~ s).filter(\.$name ~~ s).filter(\.$field ~~ s).filter(\.$unit ~~ s) }
        }
        let (rows, total) = try await q.sort(\.$code).page(limit: limit, offset: offset)
        return (rows.map { $0.toDomain() }, total)
    }

    static func find(_ code: String, scope: RecordScope, on db: any Database) async throws -> ExpertRecord? {
        try await scoped(scope, on: db)?.filter(\.$code == code).first()?.toDomain()
    }

    static func save(_ record: ExpertRecord, resolver: CodeResolver, on db: any Database) async throws -> (before: ExpertRecord?, id: UUID) {
        let existing = try await Expert.query(on: db).filter(\.$code == record.code).first()
        let before = existing?.toDomain()
        let model = existing ?? Expert()
        model.apply(record)
        try await model.save(on: db)
        return (before, try model.requireID())
    }

    static func allCodes(on db: any Database) async throws -> Set<String> {
        Set(try await Expert.query(on: db).all(\.$code))
    }
}
