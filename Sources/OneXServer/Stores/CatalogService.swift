import Fluent
import OneXDomain
import OneXTabular
import Vapor

/// The one write path for catalog records, used by the API, the forms, imports and the demo:
/// validate, resolve references, save and append to the audit log in one transaction.
enum CatalogService {
    enum Mode { case create, update, upsert }

    @discardableResult
    static func save<S: CatalogStore>(
        _ store: S.Type, _ given: S.Record, mode: Mode, actor: String, at: Date, on db: any Database
    ) async throws -> UUID {
        // A record from JSON is read again from its text, exactly as a form or a spreadsheet
        // row would be: the same checks, names trimmed the same way.
        let record: S.Record
        do {
            record = try S.Record(values: given.values)
        } catch {
            throw AppError.invalid(error.errors)
        }
        return try await db.writeTransaction { tx in
            let exists = try await S.find(record.code, scope: .all, on: tx) != nil
            switch (mode, exists) {
            case (.create, true):
                throw AppError.invalid([FieldError(code: "duplicate_code", message: "代码“\(record.code)”已存在",
                                                   field: S.Record.columns[0].field)])
            case (.update, false):
                throw AppError.notFound
            default: break
            }
            let resolver = CodeResolver(tx)
            let audit = AuditWriter(tx)
            let (before, id) = try await S.save(record, resolver: resolver, on: tx)
            try await audit.append(actor: actor, action: before == nil ? "create" : "update", entity: S.kind.rawValue,
                                   key: record.code, before: before, after: record, at: at)
            return id
        }
    }

    struct ImportResult: Content {
        var created: Int
        var updated: Int
    }

    /// All or nothing: every row is checked (fields, duplicate codes, references) before the
    /// first write, and the writes share one transaction.
    static func importTable<S: CatalogStore>(
        _ store: S.Type, table: [[String]], actor: String, at: Date, on db: any Database
    ) async throws -> ImportResult {
        var known: CatalogImport.KnownCodes = [:]
        known[.regions] = try await RegionStore.allCodes(on: db)
        known[.organizations] = try await OrganizationStore.allCodes(on: db)
        known[.certificates] = try await CertificateStore.allCodes(on: db)
        known[.schools] = try await SchoolStore.allCodes(on: db)
        let rows: [CatalogImport.Row<S.Record>]
        switch CatalogImport.plan(S.Record.self, table: table, known: known) {
        case .failure(let e):
            throw AppError.invalid(e.errors, detail: "文件未导入：共\(e.errors.count)处问题")
        case .success(let r):
            rows = r
        }
        return try await db.writeTransaction { tx in
            let resolver = CodeResolver(tx)
            let audit = AuditWriter(tx)
            var result = ImportResult(created: 0, updated: 0)
            for row in rows {
                let (before, _) = try await S.save(row.record, resolver: resolver, on: tx)
                if before == row.record { continue }
                if before == nil { result.created += 1 } else { result.updated += 1 }
                try await audit.append(actor: actor, action: before == nil ? "import.create" : "import.update",
                                       entity: S.kind.rawValue, key: row.record.code, before: before,
                                       after: row.record, at: at)
            }
            return result
        }
    }

    /// Reads an upload into a table or explains in Chinese why it cannot.
    static func readUpload(_ data: Data) throws -> [[String]] {
        if data.isEmpty { throw AppError.invalid([FieldError(code: "empty_file", message: "文件为空", line: 1)]) }
        do {
            return try Table.read(data)
        } catch {
            throw AppError.invalid([FieldError(code: "unreadable_file", message: error.message, line: 1)],
                                   detail: error.message)
        }
    }

    /// Runs `body` with the store of a table, for code that is told the table at run time.
    static func withStore<T>(_ kind: CatalogKind, _ body: (any CatalogStore.Type) async throws -> T) async rethrows -> T {
        switch kind {
        case .regions: try await body(RegionStore.self)
        case .organizations: try await body(OrganizationStore.self)
        case .certificates: try await body(CertificateStore.self)
        case .schools: try await body(SchoolStore.self)
        case .alliances: try await body(AllianceStore.self)
        case .experts: try await body(ExpertStore.self)
        }
    }

    static func importTable(kind: CatalogKind, table: [[String]], actor: String, at: Date,
                            on db: any Database) async throws -> ImportResult {
        try await withStore(kind) { store in
            try await importOpened(store, table: table, actor: actor, at: at, on: db)
        }
    }

    private static func importOpened<S: CatalogStore>(_ store: S.Type, table: [[String]], actor: String, at: Date,
                                                      on db: any Database) async throws -> ImportResult {
        try await importTable(store, table: table, actor: actor, at: at, on: db)
    }
}
