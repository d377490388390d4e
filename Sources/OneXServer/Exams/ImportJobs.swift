import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneXDomain
import Vapor

/// Candidate imports running in the background: started, advanced, finished or failed in the
/// `import_jobs` table, so the browser's progress bar and the result page may be served by any
/// server. The import itself is one transaction; a job row that says "failed" means nothing of
/// the file was stored.
enum ImportJobs {
    /// What the page's script polls: the state, rows done of rows in the file, and the result.
    struct Progress: Codable, Sendable {
        var state: ImportJob.State
        var processed: Int
        var total: Int
        var fileName: String
        var summary: CandidateImport.Summary?
        /// Why nothing was stored, then each problem's message.
        var errors: [String]
        /// A refused file's problems with their line and column.
        var problems: [FieldError]
    }

    /// How often a running import writes its row count: often enough for a smooth bar, rare
    /// enough that a million rows cost a few dozen updates.
    static let reportInterval: TimeInterval = 0.5

    static func start(fileName: String, total: Int, owner: Actor, now: Date, on db: any Database) async throws -> UUID {
        let job = ImportJob()
        job.owner = owner.username
        job.organization = owner.role == .organization ? owner.unit : nil
        job.fileName = fileName
        job.state = ImportJob.State.running.rawValue
        job.processed = 0
        job.total = total
        job.errors = "[]"
        job.startedAt = now
        try await job.create(on: db)
        return try job.requireID()
    }

    /// Writes the running count. A failed write only leaves the bar behind: it never stops the
    /// import it reports on.
    static func report(_ id: UUID, processed: Int, on db: any Database) async {
        try? await ImportJob.query(on: db).filter(\.$id == id).filter(\.$state == ImportJob.State.running.rawValue)
            .set(\.$processed, to: processed).update()
    }

    /// The progress callback for a running import: writes the count at most every
    /// `reportInterval` (wall time only paces the writes; no rule depends on it).
    static func reporter(_ id: UUID, on db: any Database) -> @Sendable (Int) async -> Void {
        let last = NIOLockedValueBox(Date.distantPast)
        return { processed in
            let due = last.withLockedValue { when in
                guard Date().timeIntervalSince(when) >= reportInterval else { return false }
                when = Date()
                return true
            }
            if due { await report(id, processed: processed, on: db) }
        }
    }

    static func finish(_ id: UUID, summary: CandidateImport.Summary, now: Date, on db: any Database) async throws {
        let text = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        try await ImportJob.query(on: db).filter(\.$id == id).set(\.$state, to: ImportJob.State.done.rawValue)
            .set(\.$processed, to: summary.rows).set(\.$summary, to: text).set(\.$finishedAt, to: now).update()
    }

    static func fail(_ id: UUID, detail: String, problems: [FieldError] = [], now: Date, on db: any Database) async throws {
        let encoder = JSONEncoder()
        try await ImportJob.query(on: db).filter(\.$id == id).set(\.$state, to: ImportJob.State.failed.rawValue)
            .set(\.$errors, to: String(decoding: try encoder.encode([detail]), as: UTF8.self))
            .set(\.$problems, to: problems.isEmpty ? nil : String(decoding: try encoder.encode(problems), as: UTF8.self))
            .set(\.$finishedAt, to: now).update()
    }

    /// The imports an actor may see (`Access.scope(of: .importJobs)`), newest first; 403 when
    /// imports are not for the actor.
    static func list(actor: Actor, paging: Paging, on db: any Database) async throws -> (items: [ImportJob], total: Int) {
        guard let inScope = ScopeCondition.onImportJobs(Access.scope(of: .importJobs, for: actor)) else { throw AppError.forbidden }
        let sql = try db.sql()
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM import_jobs j WHERE \(inScope)").first(decoding: Count.self)?.n ?? 0
        let items = try await sql.raw("""
            SELECT j.* FROM import_jobs j WHERE \(inScope) ORDER BY j.started_at DESC, j.id
            LIMIT \(bind: paging.limit) OFFSET \(bind: paging.offset)
            """).all().map { try $0.decode(fluentModel: ImportJob.self) }
        return (items, total)
    }

    /// One import, if the actor may see it: 403 when imports are not for the actor, nil (404)
    /// for another unit's.
    static func find(_ id: UUID, actor: Actor, on db: any Database) async throws -> ImportJob? {
        guard let inScope = ScopeCondition.onImportJobs(Access.scope(of: .importJobs, for: actor)) else { throw AppError.forbidden }
        return try await db.sql().raw("SELECT j.* FROM import_jobs j WHERE j.id = \(bind: id) AND \(inScope)").first()
            .map { try $0.decode(fluentModel: ImportJob.self) }
    }

    private struct Count: Decodable { var n: Int }

    static func progress(of job: ImportJob) throws -> Progress {
        let decoder = JSONDecoder()
        let problems = try job.problems.map { try decoder.decode([FieldError].self, from: Data($0.utf8)) } ?? []
        return Progress(state: try job.stateValue, processed: job.processed, total: job.total, fileName: job.fileName,
                        summary: try job.summary.map { try decoder.decode(CandidateImport.Summary.self, from: Data($0.utf8)) },
                        errors: try decoder.decode([String].self, from: Data(job.errors.utf8)) + problems.map(\.message),
                        problems: problems)
    }

    /// An import's progress, if the actor may see it.
    static func progress(_ id: UUID, actor: Actor, on db: any Database) async throws -> Progress? {
        try await find(id, actor: actor, on: db).map(progress(of:))
    }

    /// Imports a server was running when it stopped (killed, or the machine lost power): their
    /// transaction never committed, so they are marked failed with nothing stored. Only at the
    /// start of a single server (SQLite), where no other server can be running one.
    static func abandon(now: Date, on db: any Database) async throws {
        let text = String(decoding: try JSONEncoder().encode(["服务器在导入过程中停止，未导入任何数据，请重新上传"]), as: UTF8.self)
        try await ImportJob.query(on: db).filter(\.$state == ImportJob.State.running.rawValue)
            .set(\.$state, to: ImportJob.State.failed.rawValue).set(\.$errors, to: text).set(\.$finishedAt, to: now).update()
    }
}
