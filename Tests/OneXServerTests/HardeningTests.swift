import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 11: nothing a user sends may stop the server, forge a header or corrupt a figure.
@Suite("Hardening: bounded input, safe headers, concurrency, sessions")
struct HardeningTests {
    // MARK: Bounded numbers (item 1)

    @Test("Paging and year parameters out of range are a 400 naming the parameter, on every list", arguments: TestDB.all)
    func pagingBounds(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("expert")
            let huge = try await c.send(.GET, "/api/v1/regions?offset=9223372036854775807")
            #expect(huge.status == .badRequest)
            #expect(huge.body.contains("offset"))
            #expect(try await c.send(.GET, "/api/v1/regions?limit=-1").status == .badRequest)
            #expect(try await c.send(.GET, "/api/v1/regions?limit=abc").status == .badRequest)
            #expect(try await c.send(.GET, "/api/v1/regions?offset=100000000&limit=1000").status == .ok)
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            for path in ["/api/v1/users", "/api/v1/applications", "/api/v1/plans", "/api/v1/audit", "/api/v1/notices"] {
                let r = try await admin.send(.GET, path + "?offset=9223372036854775807")
                #expect(r.status == .badRequest, "\(path)")
            }
            #expect(try await admin.send(.GET, "/api/v1/plans?year=-9223372036854775808").status == .badRequest)
            let web = Client(app)
            try await web.webLogin("province")
            for path in ["/schools", "/users", "/audit", "/applications", "/plans"] {
                let r = try await web.send(.GET, path + "?offset=9223372036854775807")
                #expect(r.status == .badRequest, "\(path)")
                #expect(r.body.contains("offset"), "\(path)")
            }
            #expect(try await web.send(.GET, "/api/v1/me").status != .internalServerError)
            let long = try await web.send(.GET, "/plans?q=" + String(repeating: "a", count: 60_000))
            #expect(long.status == .uriTooLong)
        }
    }

    @Test("HN-1: a line count near Int.max is refused before the draft is saved; nothing stored", arguments: TestDB.all)
    func hugeLineCount(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let before = try await ApplicationRow.query(on: app.db).count()
            let r = try await school.send(.POST, "/api/v1/applications",
                                          json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line("1-004", "junior", "increase", Int.max - 5)))
            #expect(r.status == .unprocessableEntity)
            #expect(r.body.contains("lines[0].count"))
            #expect(try await ApplicationRow.query(on: app.db).count() == before)
        }
    }

    @Test("EXAM-1: an exam session with a count above 1,000,000 is refused with the field named; indicators stay readable",
          arguments: TestDB.all)
    func hugeSessionCount(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            let cert = try #require(try await Certificate.query(on: app.db).filter(\.$code == "1-004").with(\.$organization).first())
            let owner = Client(app)
            try await owner.login(cert.organization.code.lowercased())
            let body = #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-05-10","registered":9223372036854775000,"attended":0,"passed":0}"#
            let r = try await owner.send(.POST, "/api/v1/exams", json: body)
            #expect(r.status == .unprocessableEntity)
            #expect(r.body.contains("registered"))
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            #expect(try await admin.send(.GET, "/api/v1/indicators?year=2026").status == .ok)
        }
    }

    @Test("A figure past ±1,000,000,000 cannot be stored even by hand, so no sum can overflow", arguments: TestDB.all)
    func storedFiguresBounded(db: TestDB) async throws {
        try await ExamTests.withPlanAndAdmin(db) { app, admin in
            let body = #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-05-10","registered":30,"attended":28,"passed":20}"#
            #expect(try await admin.send(.POST, "/api/v1/exams", json: body).status == .created)
            let sql = app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE exams SET registered = 9223372036854775000").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE plans SET exam_registered = 9223372036854775000").run()
            }
            let indicators = try await admin.send(.GET, "/api/v1/indicators?year=2026&school=G001&asOf=2026-12-31")
            #expect(indicators.status == .ok)
            #expect(indicators.json["registered"] as? Int == 30)
        }
    }

    // MARK: Hostile uploads (items 2, 3)

    @Test("A multipart form larger than one network read keeps its CSRF token (attachment over a real socket)")
    func csrfAfterBodyCollected() async throws {
        try await withApp(.sqlite, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            let web = Client(app)
            try await web.webLogin("secondary")
            let page = try await web.send(.GET, "/applications/\(id)")
            let token = web.csrf(from: page)
            #expect(!token.isEmpty)
            web.livePort = 28_000 + Int.random(in: 0..<2000)
            let big = "%PDF-1.4\n" + String(repeating: "扫描件", count: 100_000)  // about 900 KB
            let r = try await web.multipart("/applications/\(id)/attachments",
                                            fields: [("_csrf", token), ("purpose", "stampedScan")],
                                            file: ("file", "scan.pdf", "application/pdf", big))
            // The live client follows the redirect to the application page.
            #expect(r.status == .seeOther || r.status == .ok)
            #expect(try await AttachmentRow.query(on: app.db).count() == 1)
            let forged = try await web.multipart("/applications/\(id)/attachments",
                                                 fields: [("_csrf", "wrong"), ("purpose", "stampedScan")],
                                                 file: ("file", "scan.pdf", "application/pdf", big))
            #expect(forged.status == .forbidden)
            #expect(try await AttachmentRow.query(on: app.db).count() == 1)
        }
    }

    // MARK: Headers (items 4, 5, 11)

    @Test("Redirect targets are same-site paths only: no CR/LF, no tab trick, no other host")
    func redirects() async throws {
        try await withApp(.sqlite) { app, _ in
            let c = Client(app)
            for back in ["/%09/evil.example", "//evil.example", "/x%0D%0ASet-Cookie:%20a=b", "https://evil.example", "/\\evil.example"] {
                let r = try await c.send(.GET, "/lang/en?back=\(back)")
                #expect(r.status == .seeOther)
                #expect(r.headers.first(name: .location) == "/", "\(back)")
                #expect(r.headers[.setCookie].allSatisfy { !$0.hasPrefix("a=b") })
            }
            let ok = try await c.send(.GET, "/lang/zh?back=/plans%3Fyear%3D2026")
            #expect(ok.headers.first(name: .location) == "/plans?year=2026")
            let page = try await c.send(.GET, "/login")
            let login = try await c.form("/login?next=%2F%09%2Fevil.example",
                                         [("_csrf", c.csrf(from: page)), ("username", "admin"), ("password", adminPassword)])
            #expect(login.headers.first(name: .location) == "/")
        }
    }

    @Test("An attachment name with a line feed or NUL is stored clean: one safe Content-Disposition, nosniff, audit verifies",
          arguments: TestDB.all)
    func attachmentNames(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            let up = try await school.multipart("/api/v1/applications/\(id)/attachments", fields: [("purpose", "stampedScan")],
                                                file: ("file", "a\nSet-Cookie: x=1\u{0}.pdf", "text/html\r\nX-Evil: 1", "%PDF"))
            #expect(up.status == .created)
            let row = try #require(try await AttachmentRow.query(on: app.db).first())
            #expect(row.filename == "aSet-Cookie: x=1.pdf")
            let web = Client(app)
            try await web.webLogin("secondary")
            let file = try await web.send(.GET, "/applications/\(id)/attachments/\(row.id!.uuidString)")
            #expect(file.status == .ok)
            let disposition = try #require(file.headers.first(name: .contentDisposition))
            #expect(!disposition.contains("\n") && disposition.contains("filename*=UTF-8''"))
            #expect(file.headers.first(name: .setCookie) == nil || !(file.headers.first(name: .setCookie)!.contains("x=1")))
            #expect(file.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(try await AuditVerifier.verify(on: app.db).ok)
        }
    }

    @Test("A JSON body or query string carrying NUL is a 400, never a 500", arguments: TestDB.all)
    func nulRefused(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let r = try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101","name":"郑\u0000州","kind":"city"}"#)
            #expect(r.status == .badRequest)
            #expect(try await c.send(.GET, "/api/v1/regions?q=a%00b").status == .badRequest)
            #expect(try await AuditVerifier.verify(on: app.db).ok)
        }
    }

    @Test("Every HTML answer carries CSP frame-ancestors 'none': the login page, a page, an error page")
    func contentSecurityPolicy() async throws {
        try await withApp(.sqlite) { app, _ in
            let c = Client(app)
            for path in ["/login", "/no-such-page"] {
                let r = try await c.send(.GET, path)
                #expect(r.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(path)")
            }
            try await c.webLogin("admin", adminPassword)
            for path in ["/", "/imports", "/regions/none"] {
                let r = try await c.send(.GET, path)
                #expect(r.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(path)")
            }
        }
    }

    @Test("Names from the JSON API are trimmed like names from forms", arguments: TestDB.all)
    func jsonNamesTrimmed(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            #expect(try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101","name":"  郑州市\t ","kind":"city"}"#).status == .created)
            #expect(try await c.send(.GET, "/api/v1/regions/4101").json["name"] as? String == "郑州市")
        }
    }

    // MARK: Concurrency (items 7, 8, 9)

    @Test("16 concurrent audited catalog writers on a SQLite file: no failure", arguments: [true])
    func sqliteContention(_: Bool) async throws {
        try await withApp(.sqlite, sqliteFile: true) { app, _ in
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let token = admin.token
            let statuses = try await concurrently(16) { i in
                let c = Client(app)
                c.token = token
                var last = HTTPResponseStatus.ok
                for j in 0..<5 {
                    let r = try await c.send(.POST, "/api/v1/regions", json: #"{"code":"R\#(i)-\#(j)","name":"区\#(i)-\#(j)","kind":"city"}"#)
                    if r.status != .created { last = r.status }
                }
                return last
            }
            #expect(statuses.allSatisfy { $0 == .ok })
            #expect(try await Region.query(on: app.db).count() == 80)
            #expect(try await AuditVerifier.verify(on: app.db).ok)
        }
    }

    @Test("40 simultaneous wrong passwords: at most 5 are checked and the account locks", arguments: TestDB.all)
    func parallelGuesses(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let name = "guessed-\(UUID().uuidString.prefix(8).lowercased())"
            #expect(try await admin.send(.POST, "/api/v1/users",
                                         json: #"{"username":"\#(name)","role":"auditor","password":"Right-pass-2026x","active":true}"#).status == .created)
            let statuses = try await concurrently(40) { _ in try await Client(app).login(name, "wrong-wrong-1").status }
            #expect(statuses.allSatisfy { $0 == .unauthorized })
            #expect(AccountService.passwordChecks.value(name) <= LoginThrottle.maxFailures)
            let locked = try await Client(app).login(name, "Right-pass-2026x")
            #expect(locked.status == .unauthorized)
            // The answer does not tell a locked account from one that does not exist.
            let unknown = try await Client(app).login("nobody-\(name)", "Right-pass-2026x")
            #expect(unknown.status == locked.status && unknown.body == locked.body, "\(unknown.body) / \(locked.body)")
        }
    }

    @Test("HN-6: four simultaneous submits of one draft: exactly one wins, one audit entry", arguments: TestDB.all)
    func parallelSubmits(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            let token = school.token
            let statuses = try await concurrently(4) { _ in
                let c = Client(app)
                c.token = token
                return try await c.send(.POST, "/api/v1/applications/\(id)/submit").status
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 3)
            let submits = try await AuditEntry.query(on: app.db).filter(\.$action == "submit").count()
            #expect(submits == 1)
        }
    }

    @Test("EXAM-1: two overlapping imports of the same rows count each row once in the plan's totals", arguments: TestDB.all)
    func overlappingImports(db: TestDB) async throws {
        try await ExamTests.withPlanAndAdmin(db) { app, admin in
            var csv = ExamTests.header
            for n in 1...300 { csv += ExamTests.row(n) }
            let body = Data(csv.utf8)
            let token = admin.token
            let statuses = try await concurrently(2) { _ in
                let c = Client(app)
                c.token = token
                // 300 rows on a plan of 40: confirmed by the province office.
                return try await c.send(.POST, "/api/v1/exams/import?confirmOverPlan=true", body: body, contentType: "text/csv")
                    .status
            }
            #expect(statuses.allSatisfy { $0 == .ok })
            #expect(try await ExamTests.storedCandidates(app) == 300)
            let registered = try await (app.db as! any SQLDatabase).raw("""
                SELECT p.exam_registered AS n FROM plans p JOIN schools s ON s.id = p.school_id JOIN certificates c ON c.id = p.certificate_id
                WHERE s.code = 'G001' AND c.code = '1-004' AND p.level = 'junior' AND p.year = 2026
                """).first()?.decode(column: "n", as: Int.self)
            #expect(registered == 300)
        }
    }

    @Test("EXAM-1: a refused import never quotes an ID number back, even from under another header", arguments: TestDB.all)
    func noIDNumberInErrors(db: TestDB) async throws {
        try await ExamTests.withPlanAndAdmin(db) { app, admin in
            let id = IDNumber.complete("41010520000101001")
            let shifted = ExamTests.header + "E1,李一,\(id),G001,1-004,junior,\(id),1,1\n" + "E2,李二,\(id),\(id),1-004,\(id),2026-05-20,\(id),1\n"
            let r = try await admin.send(.POST, "/api/v1/exams/import", body: Data(shifted.utf8), contentType: "text/csv")
            #expect(r.status == .unprocessableEntity)
            #expect(r.body.contains("考核日期"))
            #expect(!r.body.contains(id))
            #expect(!r.body.contains(String(id.dropFirst(2).dropLast(2))))
        }
    }

    @Test("The OpenAPI document declares every list's paging parameters with their bounds")
    func openAPIQueryParameters() async throws {
        try await withApp(.sqlite) { app, _ in
            let doc = try await Client(app).send(.GET, "/openapi.json").json
            let paths = try #require(doc["paths"] as? [String: Any])
            for path in ["/api/v1/regions", "/api/v1/users", "/api/v1/audit", "/api/v1/applications", "/api/v1/plans"] {
                let get = try #require((paths[path] as? [String: Any])?["get"] as? [String: Any], "\(path)")
                let params = (get["parameters"] as? [[String: Any]]) ?? []
                let offset = try #require(params.first { $0["name"] as? String == "offset" }, "\(path)")
                let schema = try #require(offset["schema"] as? [String: Any])
                #expect(schema["maximum"] as? Int == Limits.pageOffset.upperBound, "\(path)")
                #expect(params.contains { $0["name"] as? String == "limit" && $0["in"] as? String == "query" }, "\(path)")
            }
        }
    }

    // MARK: Sessions (item 10)

    @Test("A password change ends the account's tokens and web sessions at the next request", arguments: TestDB.all)
    func passwordChangeEndsSessions(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let api = Client(app), web = Client(app), admin = Client(app)
            try await api.login("secondary")
            try await web.webLogin("secondary")
            #expect(try await api.send(.GET, "/api/v1/me").status == .ok)
            #expect(try await web.send(.GET, "/").status == .ok)
            try await admin.login("admin", adminPassword)
            let changed = try await admin.send(.PUT, "/api/v1/users/secondary",
                                               json: #"{"username":"secondary","role":"school","unit":"Z001","password":"New-pass-2026x","active":true}"#)
            #expect(changed.status == .ok)
            #expect(try await api.send(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await web.send(.GET, "/").status == .seeOther)
        }
    }

    @Test("Web sessions end on the server after 2 idle hours and after 8 hours in all")
    func sessionLimits() async throws {
        try await withApp(.sqlite) { app, clock in
            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            #expect(try await web.send(.GET, "/").status == .ok)
            clock.set(fixedNow.addingTimeInterval(90 * 60))
            #expect(try await web.send(.GET, "/").status == .ok)
            clock.set(fixedNow.addingTimeInterval(90 * 60 + 2 * 3600 + 60))
            #expect(try await web.send(.GET, "/").status == .seeOther)
        }
    }

    @Test("The session cookie is Secure when the public URL is https")
    func secureCookie() throws {
        let https = try AppConfig.fromEnvironment(["ONEX_PUBLIC_URL": "https://onex.example"])
        #expect(https.secureCookies)
        let http = try AppConfig.fromEnvironment(["ONEX_PUBLIC_URL": "http://127.0.0.1:8080"])
        #expect(!http.secureCookies)
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["ONEX_SECURE_COOKIES": "maybe"]) }
    }
}

/// Runs `body` `n` times at once and collects the statuses, as `n` real clients would.
func concurrently(_ n: Int, _ body: @escaping @Sendable (Int) async throws -> HTTPResponseStatus) async throws -> [HTTPResponseStatus] {
    try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
        for i in 0..<n { group.addTask { try await body(i) } }
        return try await group.reduce(into: []) { $0.append($1) }
    }
}
