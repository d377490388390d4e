import Fluent
import OneXDomain
import OneXTabular
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(ExamsCommand(), as: "exams")
    app.asyncCommands.use(BackupCommand(), as: "backup")
}

/// `onex exams import <file>`: the national platform's per-candidate results, streamed from
/// the file (UTF-8 CSV in constant memory; XLSX or GB18030 read whole), all or nothing.
struct ExamsCommand: AsyncCommandGroup {
    var help: String { "Exam result tools" }
    var commands: [String: any AnyAsyncCommand] { ["import": ExamsImportCommand()] }
}

struct ExamsImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file", help: "CSV (UTF-8 streamed; GB18030 accepted) or XLSX file of candidate results")
        var file: String
        @Option(name: "organization", help: "import as this organisation: only its certificates are accepted")
        var organization: String?
        @Flag(
            name: "confirm-over-plan",
            help: "the province office confirms registrations beyond a plan's tolerance")
        var confirmOverPlan: Bool
    }

    var help: String { "Imports per-candidate exam results; any bad row imports nothing" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let rows: CandidateImport.Rows
        let isXLSX = FileHandle(forReadingAtPath: signature.file).map { h -> Bool in
            defer { try? h.close() }
            return XLSX.looksLikeXLSX(h.readData(ofLength: 4))
        }
        guard let isXLSX else { throw ImportCommand.Failed(description: "cannot read \(signature.file)") }
        let sample = FileHandle(forReadingAtPath: signature.file)?.readData(ofLength: 4096) ?? Data()
        if !isXLSX, ExamService.looksLikeUTF8(sample), let reader = CSVRowReader(path: signature.file) {
            rows = CandidateImport.Rows(reader)
        } else {
            guard let data = FileManager.default.contents(atPath: signature.file) else {
                throw ImportCommand.Failed(description: "cannot read \(signature.file)")
            }
            do {
                rows = try ExamService.rows(of: data)
            } catch let e as AppError {
                throw ImportCommand.Failed(description: "nothing imported: \(e.detail)")
            }
        }
        let console = context.console
        let started = Date()
        do {
            let summary = try await CandidateImport.run(
                rows, organization: signature.organization, actor: "cli",
                confirmOverPlan: signature.confirmOverPlan,
                now: app.onex.clock.now(), hasher: app.onex.idHasher,
                on: app.db, logger: app.logger
            ) { n in
                if n % 100_000 == 0 { console.info("\(n) rows") }
            }
            console.success(
                String(
                    format: "%d rows: %d candidate results added, %d unchanged, %d sessions, in %.2f s",
                    summary.rows,
                    summary.candidates, summary.unchanged, summary.sessions, Date().timeIntervalSince(started)
                ))
        } catch let e as AppError {
            for err in e.errors { console.error(err.message) }
            throw ImportCommand.Failed(description: "nothing imported: \(e.detail)")
        }
    }
}

/// `onex demo`: migrate and load the demo province into the configured database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "scale",
            help:
                "province or national: deterministic synthetic data at volume instead of the demo province; fees: add fee standards and payments to such data"
        )
        var scale: String?
    }

    var help: String {
        "Loads the deterministic demo province (Henan), or with --scale synthetic data at volume"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await Bootstrap.run(app, demo: false)
        // Scale data made before fees existed gains its standards and payments.
        if signature.scale == "fees" {
            guard try await FeeStandardRow.query(on: app.db).count() == 0 else {
                context.console.warning("The database already holds fee standards.")
                return
            }
            try await ScaleGenerator.fees(on: app.db) { context.console.info($0) }
            context.console.success("fee standards and payments generated")
            return
        }
        // And its year of biweekly reports.
        if signature.scale == "reports" {
            guard try await BiweeklyReportRow.query(on: app.db).count() == 0 else {
                context.console.warning("The database already holds biweekly reports.")
                return
            }
            try await ScaleGenerator.reports(on: app.db) { context.console.info($0) }
            context.console.success("biweekly reports generated")
            return
        }
        if try await School.query(on: app.db).count() > 0 {
            context.console.warning(
                "The database already holds schools; the demo is loaded only into an empty catalog.")
            return
        }
        if let scale = signature.scale {
            let size: ScaleGenerator.Size
            switch scale {
            case "national": size = .national
            case "province": size = .province
            default: throw ImportCommand.Failed(description: "--scale: 'province' or 'national' expected")
            }
            let started = Date()
            let console = context.console
            try await ScaleGenerator.generate(size, on: app.db) { message in
                console.info(String(format: "[%6.1f s] ", Date().timeIntervalSince(started)) + message)
            }
            console.success(
                String(
                    format: "scale data (%@) generated in %.1f s", scale, Date().timeIntervalSince(started)))
            return
        }
        try await DemoProvince.load(into: app)
        context.console.success(
            "Demo province loaded; demo accounts use the password '\(DemoProvince.password)'.")
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
            let r = try await CatalogService.importTable(
                kind: kind, table: table, actor: "cli", at: app.onex.clock.now(), on: app.db)
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
            throw ImportCommand.Failed(
                description: "audit log verification FAILED (\(report.problems.count) problems)")
        }
    }
}
