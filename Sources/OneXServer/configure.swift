import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import OneXDomain
import SQLKit
import Vapor

/// Builds the application from a checked configuration: database, sessions, middleware,
/// migrations, commands and routes. Tests call this same function.
public func configure(_ app: Application, config: AppConfig, clock: (any Clock)? = nil) async throws {
    let manual: ManualClock? = config.manualClock ? (clock as? ManualClock ?? ManualClock(Date())) : nil
    app.onex = OneXContext(
        config: config, clock: manual ?? clock ?? SystemClock(), manualClock: manual,
        idHasher: IDHasher(secret: try IDHasher.secret(config: config)))

    // SQLite runs each statement on a thread of the thread pool, and a writer waiting its turn
    // for the write lock (`writeTransaction`) holds its thread while it waits. Vapor's default
    // pool is the process-wide one with a thread per core: two waiting writers would take every
    // thread from the connection that holds the lock. Ours outnumbers the connections.
    app.threadPool = NIOThreadPool(numberOfThreads: 16)

    switch config.database {
    case .sqliteFile(let path):
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        // Waiting for the one writer is expected with SQLite: a request waits for a connection
        // as long as a writer may wait for the lock.
        let wait = TimeAmount.seconds(Int64(WriteTransaction.sqliteBusyMilliseconds / 1000) * 2)
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: wait), as: .sqlite)
        // A second pool on the same file for long background imports: SQLite has one connection
        // per event loop, and an import's transaction must not keep pages waiting for it.
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: wait), as: .imports, isDefault: false)
        app.onex.databasePool.capacity = 2 * System.coreCount
    case .sqliteMemory:
        let shared = SQLiteConfiguration(storage: .memory(identifier: UUID().uuidString))
        app.databases.use(.sqlite(shared), as: .sqlite)
        app.databases.use(.sqlite(shared), as: .imports, isDefault: false)
        app.onex.databasePool.capacity = 2 * System.coreCount
    case .postgres(let url, let schema):
        var pg = try SQLPostgresConfiguration(url: url)
        if let schema { pg.searchPath = [schema] }
        pg.coreConfiguration.options.additionalStartupParameters.append(
            ("application_name", app.onex.databasePool.applicationName))
        // More than one connection per event loop, so a long import's transaction does not
        // hold up the pages requested meanwhile on the same loop.
        app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: 4), as: .psql)
        app.onex.databasePool.postgres = true
        app.onex.databasePool.capacity = 4 * System.coreCount
    }

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.sessions.use { app in LeanSessions(base: app.fluent.sessions.driver()) }
    app.sessions.configuration.cookieName = "onex_session"
    let secure = config.secureCookies
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(
            string: id.string, expires: nil, maxAge: Int(WebSession.absoluteLimit), path: "/",
            isSecure: secure,
            isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(OneXErrorMiddleware())
    app.middleware.use(InputTextMiddleware())
    if let manual { app.middleware.use(SharedManualClock(manual)) }

    registerMigrations(app)
    registerCommands(app)
    try routes(app)
}

extension DatabaseID {
    /// The SQLite pool that background imports use (see `configure`).
    static let imports = DatabaseID(string: "imports")
}

extension Application {
    /// Where a background import runs: its own pool with SQLite, the main one with PostgreSQL.
    var importDatabase: any Database {
        databases.ids().contains(.imports) ? db(.imports) : db
    }
}

/// Migrates the database, then on an empty database creates the `admin` account, loads the
/// initial policy and, unless switched off, the demo province. Safe to run on every start.
public func prepareDatabase(_ app: Application, demo: Bool) async throws {
    if case .sqliteFile = app.onex.config.database {
        // Write-ahead logging: pages stay readable while a long import writes.
        try await app.db.sql().raw("PRAGMA journal_mode=WAL").run()
    }
    try await app.autoMigrate()
    if case .sqliteFile = app.onex.config.database {
        // One process per SQLite file: an import still "running" was cut off when it stopped.
        try await ImportJobs.abandon(now: app.onex.clock.now(), on: app.db)
    }
    try await Bootstrap.run(app, demo: demo)
}

/// "河南省, version 1 (henan)" for the start-up log.
public func currentPolicyLine(_ app: Application) async throws -> String {
    guard let current = try await PolicyVersion.current(on: app.db) else { return "none" }
    return "\((try? current.policy().province) ?? "?"), version \(current.version) by \(current.author)"
}
