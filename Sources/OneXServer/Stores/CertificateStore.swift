import Fluent
import OneXDomain
import Vapor

enum CertificateStore: CatalogStore {
    static func scoped(_ scope: RecordScope, on db: any Database) -> QueryBuilder<Certificate>? {
        let q = Certificate.query(on: db).with(\.$organization)
        switch scope {
        case .all: return q
        case .school(let c): return q.filter(\.$code == c)
        case .organization(let org):
            return q.join(Organization.self, on: \Certificate.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$code == org)
        case .region, .published, .ledBy, .publishedOr, .either, .none: return nil
        }
    }

    static func page(scope: RecordScope, search: String?, limit: Int, offset: Int,
                     on db: any Database) async throws -> (items: [CertificateRecord], total: Int) {
        guard let q = scoped(scope, on: db) else { return ([], 0) }
        if let s = search { q.group(.or) { $0.filter(\.$code ~~ s).filter(\.$name ~~ s) } }
        let (rows, total) = try await q.sort(\.$batch).sort(\.$code).page(limit: limit, offset: offset)
        return (rows.map { $0.toDomain() }, total)
    }

    static func find(_ code: String, scope: RecordScope, on db: any Database) async throws -> CertificateRecord? {
        try await scoped(scope, on: db)?.filter(\.$code == code).first()?.toDomain()
    }

    static func save(_ record: CertificateRecord, resolver: CodeResolver,
                     on db: any Database) async throws -> (before: CertificateRecord?, id: UUID) {
        let orgID = try await resolver.require(record.references[0])
        let existing = try await Certificate.query(on: db).with(\.$organization).filter(\.$code == record.code).first()
        let before = existing?.toDomain()
        let model = existing ?? Certificate()
        model.apply(record, organizationID: orgID)
        try await model.save(on: db)
        return (before, try model.requireID())
    }

    static func allCodes(on db: any Database) async throws -> Set<String> {
        Set(try await Certificate.query(on: db).all(\.$code))
    }
}

enum SchoolStore: CatalogStore {
    static func scoped(_ scope: RecordScope, on db: any Database) -> QueryBuilder<School>? {
        let q = School.query(on: db).with(\.$region)
        switch scope {
        case .all: return q
        case .school(let c): return q.filter(\.$code == c)
        case .region(let r):
            return q.join(Region.self, on: \School.$region.$id == \Region.$id).filter(Region.self, \.$code == r)
        case .organization, .published, .ledBy, .publishedOr, .either, .none: return nil
        }
    }

    static func page(scope: RecordScope, search: String?, limit: Int, offset: Int,
                     on db: any Database) async throws -> (items: [SchoolRecord], total: Int) {
        guard let q = scoped(scope, on: db) else { return ([], 0) }
        if let s = search { q.group(.or) { $0.filter(\.$code ~~ s).filter(\.$name ~~ s) } }
        let (rows, total) = try await q.sort(\.$code).page(limit: limit, offset: offset)
        return (try rows.map { try $0.toDomain() }, total)
    }

    static func find(_ code: String, scope: RecordScope, on db: any Database) async throws -> SchoolRecord? {
        try await scoped(scope, on: db)?.filter(\.$code == code).first()?.toDomain()
    }

    static func save(_ record: SchoolRecord, resolver: CodeResolver, on db: any Database) async throws -> (before: SchoolRecord?, id: UUID) {
        let regionID = try await resolver.require(record.references[0])
        let existing = try await School.query(on: db).with(\.$region).filter(\.$code == record.code).first()
        let before = try existing?.toDomain()
        let model = existing ?? School()
        model.apply(record, regionID: regionID)
        try await model.save(on: db)
        return (before, try model.requireID())
    }

    static func allCodes(on db: any Database) async throws -> Set<String> {
        Set(try await School.query(on: db).all(\.$code))
    }
}

enum AllianceStore: CatalogStore {
    static func scoped(_ scope: RecordScope, on db: any Database) -> QueryBuilder<Alliance>? {
        let q = Alliance.query(on: db).with(\.$certificate).with(\.$leadSchool).with(\.$members) { $0.with(\.$school) }
            .join(Certificate.self, on: \Alliance.$certificate.$id == \Certificate.$id)
        switch scope {
        case .all: return q
        case .school(let c): return q.filter(Certificate.self, \.$code == c)
        case .region, .organization, .published, .ledBy, .publishedOr, .either, .none: return nil
        }
    }

    static func page(scope: RecordScope, search: String?, limit: Int, offset: Int,
                     on db: any Database) async throws -> (items: [AllianceRecord], total: Int) {
        guard let q = scoped(scope, on: db) else { return ([], 0) }
        if let s = search {
            q.group(.or) { $0.filter(Certificate.self, \.$code ~~ s).filter(Certificate.self, \.$name ~~ s) }
        }
        let (rows, total) = try await q.sort(Certificate.self, \.$code).page(limit: limit, offset: offset)
        return (rows.map { $0.toDomain() }, total)
    }

    static func find(_ code: String, scope: RecordScope, on db: any Database) async throws -> AllianceRecord? {
        try await scoped(scope, on: db)?.filter(Certificate.self, \.$code == code).first()?.toDomain()
    }

    static func save(_ record: AllianceRecord, resolver: CodeResolver, on db: any Database) async throws -> (before: AllianceRecord?, id: UUID) {
        var ids: [UUID] = []
        for ref in record.references { ids.append(try await resolver.require(ref)) }
        let certificateID = ids[0], leadID = ids[1], memberIDs = Array(ids.dropFirst(2))
        let existing = try await scoped(.all, on: db)?.filter(\.$certificate.$id == certificateID).first()
        let before = existing?.toDomain()
        let model = existing ?? Alliance()
        model.$certificate.id = certificateID
        model.$leadSchool.id = leadID
        try await model.save(on: db)
        try await AllianceMember.query(on: db).filter(\.$alliance.$id == model.requireID()).delete()
        for id in Set(memberIDs) {
            try await AllianceMember(allianceID: model.requireID(), schoolID: id).create(on: db)
        }
        return (before, try model.requireID())
    }

    static func allCodes(on db: any Database) async throws -> Set<String> {
        Set(try await Alliance.query(on: db).with(\.$certificate).all().map { $0.certificate.code })
    }
}
