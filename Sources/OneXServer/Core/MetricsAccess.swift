import Vapor

/// Who may read `/metrics`: a caller with `ONEX_METRICS_TOKEN` as bearer token, or one on the
/// loopback interface that did not come through a proxy (a proxy on the same machine would
/// otherwise make every visitor look local). Anyone else gets 404.
enum MetricsAccess {
    static func allowed(_ req: Request) -> Bool {
        if let token = req.application.onex.config.metricsToken, let bearer = req.headers.bearerAuthorization?.token {
            return Tokens.equal(token, bearer)
        }
        guard req.headers.first(name: "X-Forwarded-For") == nil, req.headers.first(name: "Forwarded") == nil,
            let ip = req.remoteAddress?.ipAddress
        else { return false }
        return ip == "127.0.0.1" || ip == "::1" || ip.hasPrefix("127.")
    }
}
