import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The databases every server test runs on: SQLite always, PostgreSQL when
/// `ONEX_TEST_POSTGRES_URL` is set (as `.ci/run` does).
enum TestDB: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var all: [TestDB] {
        ProcessInfo.processInfo.environment["ONEX_TEST_POSTGRES_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] }
            ?? [.sqlite]
    }

    var testDescription: String { rawValue }
}

/// 2026-03-15 10:00 in Shanghai: inside Henan's spring school window.
let fixedNow = Date(timeIntervalSince1970: 1_773_540_000)
let adminPassword = "admin-pass-1"
let testIDHashKey = "test-only-id-hash-key-0123456789abcdef"

/// Builds the real application on a fresh database (in-memory SQLite, or a new PostgreSQL
/// schema), runs `body`, and tears everything down.
func withApp(_ db: TestDB, demo: Bool = false, manualClock: Bool = true, policy: String = "henan",
             tokenLifetime: TimeInterval = 3650 * 86400, sqliteFile: Bool = false, metricsToken: String? = nil,
             _ body: (Application, ManualClock) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let clock = ManualClock(fixedNow)
    var schema: String?
    let database: AppConfig.Database
    switch db {
    case .sqlite:
        // A file (as in production) where requests overlap a long write, such as a background import.
        database = sqliteFile ? .sqliteFile(NSTemporaryDirectory() + "onex-test-\(UUID().uuidString).sqlite") : .sqliteMemory
    case .postgres:
        let s = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        schema = String(s)
        database = .postgres(url: ProcessInfo.processInfo.environment["ONEX_TEST_POSTGRES_URL"]!, schema: schema)
    }
    let config = AppConfig(database: database, policySource: policy, adminPassword: adminPassword,
                           manualClock: manualClock, demo: demo, bcryptCost: 4, tokenLifetime: tokenLifetime,
                           idHashKey: testIDHashKey, metricsToken: metricsToken)
    do {
        try await configure(app, config: config, clock: clock)
        if let schema { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
        try await prepareDatabase(app, demo: demo)
        try await body(app, clock)
    } catch {
        if let schema { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
        try? await app.asyncShutdown()
        throw error
    }
    if let schema { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
    try await app.asyncShutdown()
}

/// A second server on the first one's database (a SQLite file, or the same PostgreSQL schema),
/// as when OneX runs behind a load balancer. The caller shuts it down.
func secondServer(like first: Application, clock: ManualClock) async throws -> Application {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    try await configure(app, config: first.onex.config, clock: clock)
    return app
}

/// A response with its body as text and JSON.
struct Reply {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    var errorCodes: [String] {
        ((json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }

    var errorLines: [Int] {
        ((json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["line"] as? Int }
    }
}

/// Talks to the app like an API client (bearer token) or a browser (cookies, CSRF).
final class Client: @unchecked Sendable {
    // @unchecked: used by one test task at a time.
    let app: Application
    var token: String?
    var cookies: [String: String] = [:]
    /// Send through a real server on this loopback port instead of in memory, so a body
    /// arrives over TCP in as many reads as it takes.
    var livePort: Int?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, body: Data? = nil,
              contentType: String? = nil, headers extra: [(String, String)] = []) async throws -> Reply {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var buffer = ByteBufferAllocator().buffer(capacity: 0)
        if let json {
            headers.contentType = .json
            buffer.writeString(json)
        } else if let body {
            buffer.writeBytes(body)
            if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        }
        for (k, v) in extra { headers.replaceOrAdd(name: k, value: v) }
        let tester = try livePort.map { try app.testing(method: .running(hostname: "127.0.0.1", port: $0)) } ?? app.testing()
        let res = try await tester.performTest(
            request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: buffer))
        for cookie in res.headers[.setCookie] {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        return Reply(status: res.status, headers: res.headers, body: res.body.string)
    }

    /// API login: keeps the token for later calls.
    @discardableResult
    func login(_ username: String, _ password: String = DemoProvince.password) async throws -> Reply {
        let r = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        token = r.json["token"] as? String
        return r
    }

    /// A multipart/form-data POST with text fields and one file, as a browser or script uploads.
    func multipart(_ path: String, fields: [(String, String)], file: (name: String, filename: String, type: String, data: String),
                   accept: String? = nil) async throws -> Reply
    {
        try await multipart(path, fields: fields, file: (file.name, file.filename, file.type, Data(file.data.utf8)), accept: accept)
    }

    /// The same with the file's bytes as they are (images, binary files).
    func multipart(_ path: String, fields: [(String, String)], file: (name: String, filename: String, type: String, data: Data),
                   accept: String? = nil) async throws -> Reply
    {
        let b = "OneXBoundary7"
        var head = ""
        for (k, v) in fields { head += "--\(b)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n" }
        head += "--\(b)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
        head += "Content-Type: \(file.type)\r\n\r\n"
        let body = Data(head.utf8) + file.data + Data("\r\n--\(b)--\r\n".utf8)
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(b)",
                              headers: accept.map { [("Accept", $0)] } ?? [])
    }

    /// The CSRF token of the form on a page.
    func csrf(from page: Reply) -> String {
        guard let range = page.body.range(of: "name=\"_csrf\" value=\"") else { return "" }
        return String(page.body[range.upperBound...].prefix { $0 != "\"" })
    }

    func form(_ path: String, _ fields: [(String, String)]) async throws -> Reply {
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
        return try await send(.POST, path, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Browser login through the real form.
    @discardableResult
    func webLogin(_ username: String, _ password: String = DemoProvince.password) async throws -> Reply {
        let page = try await send(.GET, "/login")
        return try await form("/login", [("_csrf", csrf(from: page)), ("username", username), ("password", password)])
    }
}
