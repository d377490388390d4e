import OneXDomain
import Vapor

/// Schools' admission and exit of certificates through the API (AH41-2).
enum CertificateDecisionsAPI {
    static func register(on authed: any RoutesBuilder) {
        let decisions = authed.grouped("certificate-decisions")
        decisions.get { req in
            let actor = try req.actor(reading: .certificateDecisions)
            let page = try await CertificateDecisionService.list(
                actor: actor, filter: filter(req), paging: try Paging(req), on: req.db)
            return try JSONBody.response(ListBody(items: page.items, total: page.total))
        }
        decisions.post { req in
            let actor = try req.actor(may: .create, .certificateDecisions)
            let id = try await CertificateDecisionService.record(
                try JSONBody.decode(CertificateDecisionService.Draft.self, from: req), actor: actor,
                now: req.now,
                on: req.db)
            let decision = try await CertificateDecisionService.list(
                actor: actor, filter: .init(id: id), paging: nil, on: req.db
            ).items.first
            return try JSONBody.response(decision, status: .created)
        }
    }

    /// `?certificate=&q=` as a filter.
    static func filter(_ req: Request) -> CertificateDecisionService.Filter {
        .init(certificate: req.queryText("certificate"), text: req.queryText("q"))
    }
}
