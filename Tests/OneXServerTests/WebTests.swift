import Foundation
import OneXDomain
@testable import OneXServer
import OneXTabular
import Testing
import Vapor

@Suite("Web UI: login, navigation per role, forms, CSRF, language, exports")
struct WebTests {
    @Test("Anonymous pages redirect to login; the login form carries a CSRF token and a cookie", arguments: TestDB.all)
    func loginPage(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            let home = try await c.send(.GET, "/")
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location)?.hasPrefix("/login") == true)
            let page = try await c.send(.GET, "/login")
            #expect(page.status == .ok)
            #expect(page.body.contains("登录"))
            #expect(!c.csrf(from: page).isEmpty)
            let cookie = page.headers[.setCookie].first ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        }
    }

    @Test("A form posted without its CSRF token is refused", arguments: TestDB.all)
    func csrf(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            _ = try await c.send(.GET, "/login")
            let r = try await c.form("/login", [("username", "admin"), ("password", adminPassword)])
            #expect(r.status == .forbidden)
            let wrong = try await c.form("/login", [("_csrf", "guess"), ("username", "admin"), ("password", adminPassword)])
            #expect(wrong.status == .forbidden)
        }
    }

    @Test("Wrong password shows the reason on the login page", arguments: TestDB.all)
    func wrongPassword(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let r = try await Client(app).webLogin("admin", "bad-pass-1")
            #expect(r.status == .unauthorized)
            #expect(r.body.contains("用户名或密码错误"))
        }
    }

    static let roles: [(String, [String], [String])] = [
        ("province", ["/regions", "/schools", "/experts", "/imports", "/users", "/policy", "/audit"], []),
        ("reviewer", ["/schools", "/experts", "/policy"], ["/imports", "/users", "/audit"]),
        ("zhengzhou", ["/schools", "/policy"], ["/experts", "/imports", "/users", "/audit"]),
        ("secondary", ["/schools", "/policy"], ["/experts", "/imports", "/users", "/audit"]),
        ("highervoc", ["/schools"], ["/experts", "/imports"]),
        ("undergrad", ["/schools"], ["/experts", "/imports"]),
        ("org", ["/certificates"], ["/schools\"", "/experts", "/imports"]),
        ("auditor", ["/schools", "/audit", "/policy", "/users"], ["/imports"]),
    ]

    @Test("Each role sees its own navigation after logging in", arguments: TestDB.all)
    func navigation(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            for (user, shown, hidden) in Self.roles {
                let c = Client(app)
                let login = try await c.webLogin(user)
                #expect(login.status == .seeOther, "\(user) could not log in")
                let home = try await c.send(.GET, "/")
                #expect(home.status == .ok)
                for path in shown { #expect(home.body.contains("href=\"\(path)"), "\(user) should see \(path)") }
                for path in hidden { #expect(!home.body.contains("href=\"\(path)"), "\(user) should not see \(path)") }
            }
        }
    }

    @Test("A school cannot open another school's page (404), nor the experts or users pages (403)", arguments: TestDB.all)
    func scopedPages(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.webLogin("secondary")
            #expect(try await c.send(.GET, "/schools/Z001").status == .ok)
            #expect(try await c.send(.GET, "/schools/Z002").status == .notFound)
            // A table not for the role is refused (403); another unit's record is not found (404).
            #expect(try await c.send(.GET, "/experts").status == .forbidden)
            #expect(try await c.send(.GET, "/users").status == .forbidden)
            let list = try await c.send(.GET, "/schools")
            #expect(list.body.contains("郑州市财贸学校") && !list.body.contains("郑州市电子信息工程学校"))
        }
    }

    @Test("Create form: an error is shown inline and nothing saved; corrected, it saves", arguments: TestDB.all)
    func createForm(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.webLogin("province")
            let page = try await c.send(.GET, "/schools/new")
            #expect(page.status == .ok)
            let token = c.csrf(from: page)
            let bad = try await c.form("/schools/new", [("_csrf", token), ("code", "Z999"), ("name", ""), ("kind", "secondary"),
                                                        ("region", "4101")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("院校名称不能为空"))
            #expect(bad.body.contains("value=\"Z999\""))
            let ok = try await c.form("/schools/new", [("_csrf", token), ("code", "Z999"), ("name", "新学校"), ("kind", "secondary"),
                                                       ("region", "4101"), ("nationalPlatformRegistered", "true")])
            #expect(ok.status == .seeOther)
            #expect(ok.headers.first(name: .location) == "/schools/Z999")
            let detail = try await c.send(.GET, "/schools/Z999")
            #expect(detail.body.contains("新学校"))
        }
    }

    @Test("The language switch turns the pages into English", arguments: TestDB.all)
    func language(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.webLogin("province")
            let zh = try await c.send(.GET, "/schools")
            #expect(zh.body.contains("试点院校"))
            let sw = try await c.send(.GET, "/lang/en?back=%2Fschools")
            #expect(sw.headers.first(name: .location) == "/schools")
            let en = try await c.send(.GET, "/schools")
            #expect(en.body.contains("Schools") && en.body.contains("lang=\"en\""))
            #expect(try await c.send(.GET, "/lang/en?back=https://evil.example").headers.first(name: .location) == "/")
        }
    }

    @Test("Lists export to CSV and XLSX that read back", arguments: TestDB.all)
    func exports(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.webLogin("province")
            let csv = try await c.send(.GET, "/regions/export.csv")
            #expect(csv.status == .ok)
            let rows = CSV.parse(csv.body.replacingOccurrences(of: "\u{FEFF}", with: ""))
            #expect(rows.count == DemoProvince.regions.count + 1)
            let xlsxResponse = try await app.testing().performTest(request: .init(
                method: .GET, url: URI(path: "/schools/export.xlsx"),
                headers: ["Cookie": c.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")],
                body: ByteBuffer()))
            let table = try Table.read(Data(buffer: xlsxResponse.body))
            #expect(table.count == DemoProvince.schools.count + 1)
        }
    }

    @Test("Import page: a bad file lists its lines, a good file imports", arguments: TestDB.all)
    func importPage(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.webLogin("province")
            let page = try await c.send(.GET, "/imports")
            let token = c.csrf(from: page)
            func upload(_ csv: String) async throws -> Reply {
                try await c.multipart("/imports", fields: [("_csrf", token), ("table", "regions")], file: ("file", "r.csv", "text/csv", csv))
            }
            let bad = try await upload("code,name,kind\n9001,甲市,city\n9002,乙市,planet\n")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("文件未导入") && bad.body.contains("planet"))
            let good = try await upload("code,name,kind\n9001,甲市,city\n9002,乙市,county\n")
            #expect(good.status == .ok)
            #expect(good.body.contains("导入完成"))
        }
    }

    @Test("The policy page shows the windows and the rules in force", arguments: TestDB.all)
    func policyPage(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.webLogin("admin", adminPassword)
            let page = try await c.send(.GET, "/policy")
            #expect(page.body.contains("3月11日至3月20日") && page.body.contains("每次调减比例上限") && page.body.contains("30%"))
        }
    }

    @Test("Health check and the stylesheet are served without login", arguments: [TestDB.sqlite])
    func machineEndpoints(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            #expect(try await c.send(.GET, "/healthz").status == .ok)
            let css = try await c.send(.GET, "/static/onex.css")
            #expect(css.status == .ok && css.body.contains("nav.side"))
        }
    }
}

@Suite("Demo province")
struct DemoTests {
    @Test("The demo is deterministic: Henan's 18 cities and 10 counties, ~60 schools of four kinds", arguments: TestDB.all)
    func demo(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("auditor")
            #expect(try await c.send(.GET, "/api/v1/regions").json["total"] as? Int == 28)
            let schools = try await c.send(.GET, "/api/v1/schools?limit=1000").json["items"] as? [[String: Any]] ?? []
            #expect(schools.count == 60)
            #expect(Set(schools.compactMap { $0["kind"] as? String }) == Set(SchoolKind.allCases.map(\.rawValue)))
            #expect(try await AuditVerifier.verify(on: app.db).ok)
        }
    }
}
