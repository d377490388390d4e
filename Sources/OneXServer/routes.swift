import Fluent
import OneXDomain
import Vapor

func routes(_ app: Application) throws {
    // Machine endpoints: no session, no login.
    app.get("healthz") { req async throws -> Response in
        _ = try await Region.query(on: req.db).count()
        return try JSONBody.response(["status": "ok"])
    }
    app.get("openapi.json") { _ in try JSONBody.response(OpenAPIDocument.document) }
    app.get("metrics") { req async throws -> Response in
        guard MetricsAccess.allowed(req) else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: Metrics.shared.render() + (try await req.application.onex.databasePool.render(on: req.db))))
    }
    app.get("static", "onex.css") { req -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: StaticAssets.stylesheet))
    }

    // JSON API: bearer tokens, no cookies, so no CSRF.
    let api = app.grouped("api", "v1").grouped(BearerUserMiddleware())
    AuthAPI.registerPublic(on: api)
    let authed = api.grouped(RequireUserMiddleware())
    AuthAPI.register(on: authed)
    UsersAPI.register(on: authed)
    CatalogAPI.register(RegionStore.self, on: authed)
    CatalogAPI.register(OrganizationStore.self, on: authed)
    CatalogAPI.register(CertificateStore.self, on: authed)
    CatalogAPI.register(SchoolStore.self, on: authed)
    CatalogAPI.register(AllianceStore.self, on: authed)
    CatalogAPI.register(ExpertStore.self, on: authed)
    ImportAPI.register(on: authed)
    PolicyAPI.register(on: authed)
    AdminAPI.register(on: authed)
    ApplicationsAPI.register(on: authed)
    FeesAPI.register(on: authed, public: api)
    FeesAPI.registerPayments(on: authed)
    ReportsAPI.register(on: authed)
    RectificationAPI.register(on: authed)
    SitesAPI.register(on: authed)
    TrainingAPI.register(on: authed)
    WorkloadAPI.register(on: authed)
    ComplaintsAPI.register(on: authed)
    CertificateDecisionsAPI.register(on: authed)
    FilingsAPI.register(on: authed)
    ApplicationsAPI.registerNotices(on: authed)
    ExamsAPI.register(on: authed)

    // Web pages: server-side session, CSRF token on every form.
    let web = app.grouped(app.sessions.middleware, SessionUserMiddleware(), CSRFMiddleware(), InputTextMiddleware())
    SessionPages.register(on: web)
    let pages = web.grouped(RequireUserMiddleware(), UnreadNoticesMiddleware())
    HomePage.register(on: pages)
    CatalogPages.register(RegionStore.self, on: pages)
    CatalogPages.register(OrganizationStore.self, on: pages)
    CatalogPages.register(CertificateStore.self, on: pages)
    CatalogPages.register(SchoolStore.self, on: pages)
    CatalogPages.register(AllianceStore.self, on: pages)
    CatalogPages.register(ExpertStore.self, on: pages)
    ImportPages.register(on: pages)
    AuditPage.register(on: pages)
    PolicyPage.register(on: pages, public: web)
    FeeStandardPages.register(on: pages, public: web)
    PublicPages.register(on: web)
    PaymentPages.register(on: pages)
    FeeFormPages.register(on: pages)
    ReportPages.register(on: pages)
    LedgerPages.register(on: pages)
    SitePages.register(on: pages)
    TrainingPages.register(on: pages)
    WorkloadPages.register(on: pages)
    ComplaintPages.register(on: pages)
    CertificateDecisionPages.register(on: pages)
    FilingPages.register(on: pages)
    FeeFileRoutes.register(api: authed, web: pages)
    UserPages.register(on: pages)
    ApplicationPages.register(on: pages)
    PlanPages.register(on: pages)
    ClockPage.register(on: pages)
    DashboardPages.register(on: pages)
    ExamPages.register(on: pages)
    CandidateImportPages.register(on: pages)
    MonitoringPages.register(on: pages)
    app.get("static", "import.js") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: StaticAssets.importScript))
    }
}

enum StaticAssets {
    static let stylesheet = resource("onex", "css")
    static let importScript = resource("import", "js")

    private static func resource(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "static"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }
}
