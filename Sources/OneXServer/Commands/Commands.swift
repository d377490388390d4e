import Fluent
import OneXDomain
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(AuditCommand(), as: "audit")
}

/// `onex demo`: migrate and load the demo province into the configured database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Loads the deterministic demo province (Henan) into the database" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await Bootstrap.run(app, demo: false)
        if try await School.query(on: app.db).count() > 0 {
            context.console.warning("The database already holds schools; the demo is loaded only into an empty catalog.")
            return
        }
        try await DemoProvince.load(into: app)
        context.console.success("Demo province loaded; demo accounts use the password '\(DemoProvince.password)'.")
    }
}

/// `onex import <table> <file>`: a CSV or XLSX file into a catalog table, all or nothing.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "table", help: "regions, organizations, certificates, schools, alliances or experts")
        var table: String
        @Argument(name: "file", help: "CSV (UTF-8 or GB18030) or XLSX file")
        var file: String
    }

    var help: String { "Imports a CSV or XLSX file into a catalog table; any bad row imports nothing" }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let kind = CatalogKind(rawValue: signature.table) else {
            throw Failed(description: "unknown table '\(signature.table)'")
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw Failed(description: "cannot read \(signature.file)")
        }
        try await app.autoMigrate()
        do {
            let table = try CatalogService.readUpload(data)
            let r = try await CatalogService.importTable(kind: kind, table: table, actor: "cli", at: app.onex.clock.now(), on: app.db)
            context.console.success("created \(r.created), updated \(r.updated)")
        } catch let e as AppError {
            for err in e.errors { context.console.error("第\(err.line ?? 0)行：\(err.message)") }
            throw Failed(description: "nothing imported: \(e.detail)")
        }
    }
}

/// `onex audit verify`: recomputes the audit log's hash chain; exits non-zero when broken.
struct AuditCommand: AsyncCommandGroup {
    var help: String { "Audit log tools" }
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Verifies the audit log's hash chain" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await AuditVerifier.verify(on: context.application.db)
        if report.ok {
            context.console.success("audit log OK: \(report.entries) entries, head \(report.head)")
        } else {
            for p in report.problems { context.console.error(p) }
            throw ImportCommand.Failed(description: "audit log verification FAILED (\(report.problems.count) problems)")
        }
    }
}
