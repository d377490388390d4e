import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 12, data safety: `onex backup` while the server works.
@Suite("Backup")
struct BackupTests {
    static func figures(_ db: any Database) async throws -> [Int] {
        let sql = db as! any SQLDatabase
        var out: [Int] = []
        for q in ["SELECT COUNT(*) AS n FROM exam_candidates", "SELECT COALESCE(SUM(exam_registered), 0) AS n FROM plans",
                  "SELECT COUNT(*) AS n FROM audit_entries", "SELECT COUNT(*) AS n FROM schools"] {
            out.append(try await sql.raw(SQLQueryString(q)).first()!.decode(column: "n", as: Int.self))
        }
        return out
    }

    @Test("A backup taken during an import restores to a consistent database: audit verifies, figures agree, the key comes along")
    func backupDuringImport() async throws {
        let folder = NSTemporaryDirectory() + "onex-backup-\(UUID().uuidString)"
        let copy = folder + "/copy.sqlite"
        var atBackup: [Int] = []
        try await withApp(.sqlite, demo: true, sqliteFile: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            guard case .sqliteFile(let path) = app.onex.config.database else { Issue.record("not a file"); return }
            // A key file beside the database, as a start without ONEX_ID_HASH_KEY makes.
            let key = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("id-hash.key")
            if !FileManager.default.fileExists(atPath: key.path) { try "backup-test-key-0123456789abcdefghij".write(to: key, atomically: true, encoding: .utf8) }
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            var csv = ExamTests.header
            for n in 1...20_000 { csv += ExamTests.row(n) }
            let body = Data(csv.utf8)
            let token = admin.token
            async let imported: HTTPResponseStatus = {
                let c = Client(app)
                c.token = token
                return try await c.send(.POST, "/api/v1/exams/import?confirmOverPlan=true", body: body, contentType: "text/csv")
                    .status
            }()
            try await Task.sleep(for: .milliseconds(300))
            let result = try await Backup.write(to: copy, app: app)
            #expect(result.bytes > 0)
            #expect(result.keyFile == folder + "/id-hash.key")
            #expect(try await imported == .ok)
            // A second backup to the same file is refused rather than overwriting it.
            await #expect(throws: Backup.Failed.self) { _ = try await Backup.write(to: copy, app: app) }
            atBackup = try await Self.figures(app.db)
        }
        // Restore: start OneX on the copy.
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let config = AppConfig(database: .sqliteFile(copy), adminPassword: adminPassword, manualClock: true, demo: false, bcryptCost: 4)
        do {
            try await configure(app, config: config, clock: ManualClock(fixedNow))
            try await prepareDatabase(app, demo: false)
            #expect(try await AuditVerifier.verify(on: app.db).ok)
            let restored = try await Self.figures(app.db)
            // One snapshot: the import is wholly in the copy or not at all, and totals agree with rows.
            #expect(restored[0] == 0 || restored[0] == 20_000)
            #expect(restored[1] == restored[0])
            #expect(restored[3] == atBackup[3])
            #expect(restored[0] < 20_000 || restored == atBackup)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
