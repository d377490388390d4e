import Vapor

/// Headers every response carries, whichever path made it (a page, an error page, the login
/// page, a download): pages cannot be framed by another site, load nothing from elsewhere
/// and run no inline script; no response is content-sniffed.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if response.headers.contentType?.subType == "html" {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
            response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        }
        return response
    }
}
