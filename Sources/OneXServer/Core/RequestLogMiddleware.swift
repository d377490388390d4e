import Vapor

/// One line per request at `info`, after the answer: method, route, status, time and the
/// signed-in user's id (never a password, token or ID number); the logger's metadata carries
/// the request id that error pages show. The same numbers feed `/metrics`.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next.respond(to: req)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        Metrics.shared.request(route: route, method: req.method.rawValue, status: Int(response.status.code), seconds: seconds)
        req.logger.info("\(req.method) \(route) → \(response.status.code) \(String(format: "%.1f", seconds * 1000)) ms",
                        metadata: ["user": .string(req.currentUser?.id.uuidString ?? "-")])
        return response
    }
}
