import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import OneXDomain
import Vapor

/// Builds the application from a checked configuration: database, sessions, middleware,
/// migrations, commands and routes. Tests call this same function.
public func configure(_ app: Application, config: AppConfig, clock: (any Clock)? = nil) async throws {
    let manual: ManualClock? = config.manualClock ? (clock as? ManualClock ?? ManualClock(Date())) : nil
    app.onex = OneXContext(config: config, clock: manual ?? clock ?? SystemClock(), manualClock: manual)

    switch config.database {
    case .sqliteFile(let path):
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let schema):
        var pg = try SQLPostgresConfiguration(url: url)
        if let schema { pg.searchPath = [schema] }
        app.databases.use(.postgres(configuration: pg), as: .psql)
    }

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "onex_session"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, expires: nil, maxAge: 8 * 3600, path: "/", isSecure: false,
                          isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(OneXErrorMiddleware())

    registerMigrations(app)
    registerCommands(app)
    try routes(app)
}

/// Migrates the database, then on an empty database creates the `admin` account, loads the
/// initial policy and, unless switched off, the demo province. Safe to run on every start.
public func prepareDatabase(_ app: Application, demo: Bool) async throws {
    try await app.autoMigrate()
    try await Bootstrap.run(app, demo: demo)
}

/// "河南省, version 1 (henan)" for the start-up log.
public func currentPolicyLine(_ app: Application) async throws -> String {
    guard let current = try await PolicyVersion.current(on: app.db) else { return "none" }
    return "\((try? current.policy().province) ?? "?"), version \(current.version) by \(current.author)"
}
