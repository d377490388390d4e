import Fluent
import OneXDomain
import Vapor

/// Log in, log out and the language switch.
enum SessionPages {
    static func register(on web: any RoutesBuilder) {
        web.get("login") { req in try await loginPage(req, error: nil, username: "") }
        web.post("login") { req in try await login(req) }
        web.post("logout") { req in
            req.session.destroy()
            return req.redirect(local: SitePath.login.path)
        }
        web.get("lang", ":lang") { req in
            let lang = Lang(rawValue: req.parameters.get("lang") ?? "") ?? .zh
            let response = req.redirect(local: req.query[String.self, at: "back"] ?? "/")
            response.cookies["lang"] = HTTPCookies.Value(
                string: lang.rawValue, maxAge: 365 * 86400, path: "/",
                isHTTPOnly: true, sameSite: .lax)
            return response
        }
    }

    static func loginPage(_ req: Request, error: String?, username: String, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let lang = req.lang
        // The demo password is shown only where the demo province was loaded.
        let demo: HTML =
            try await DemoProvince.isLoaded(on: req.db) ? "<p class=\"muted\">\(lang(.demoHint))</p>" : ""
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
        let body: HTML = """
            <div class="login">
            <h1>\(lang(.loginTitle))</h1>
            <p class="muted">\(lang(.loginIntro))</p>
            \(error.map { Components.alert($0) } ?? "")
            <form method="post" action="\(SitePath.login.path)?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" class="stack">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <div class="field"><label for="username">\(lang(.username))</label><input type="text" id="username" name="username" value="\(username)" autocomplete="username" required autofocus></div>
            <div class="field"><label for="password">\(lang(.password))</label><input type="password" id="password" name="password" autocomplete="current-password" required></div>
            <div class="field"><button type="submit" class="btn">\(lang(.loginButton))</button></div>
            </form>
            \(demo)
            <p><a href="\(SitePath.publicPolicy.path)">\(lang(.publicPolicyLink))</a></p>
            <p><a href="\(SitePath.publicIndex.path)">\(lang(.publicIndexLink))</a></p>
            </div>
            """
        let html = Layout.page(req: req, title: lang(.loginTitle), crumbs: [], body: body)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html.raw))
    }

    struct LoginForm: Content {
        var username: String
        var password: String
    }

    static func login(_ req: Request) async throws -> Response {
        let lang = req.lang
        let form = try req.content.decode(LoginForm.self)
        do {
            let user = try await AccountService.authenticate(
                username: form.username, password: form.password, req: req)
            // A new session id at login, so an id planted before login is worthless after it.
            if let old = req.session.id {
                try await req.application.sessions.driver.deleteSession(old, for: req).get()
                req.session.id = nil
            }
            try WebSession.begin(req, user: user)
            return req.redirect(local: req.query[String.self, at: "next"] ?? "/")
        } catch is AccountService.LoginFailure {
            return try await loginPage(
                req, error: lang(.loginFailed), username: form.username, status: .unauthorized)
        }
    }
}
