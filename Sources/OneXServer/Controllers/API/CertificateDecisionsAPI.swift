import OneXDomain
import Vapor

/// Schools' admission and exit of certificates through the API (AH41-2).
enum CertificateDecisionsAPI {
    static func register(on authed: any RoutesBuilder) {
        let decisions = authed.grouped("certificate-decisions")
        decisions.get { req in
            let actor = try req.actor(reading: .certificateDecisions)
            let list = try await CertificateDecisionService.list(
                actor: actor, certificate: req.queryText("certificate"), on: req.db)
            return try JSONBody.response(ListBody(items: list, total: list.count))
        }
        decisions.post { req in
            let actor = try req.actor(may: .create, .certificateDecisions)
            let id = try await CertificateDecisionService.record(
                try JSONBody.decode(CertificateDecisionService.Draft.self, from: req), actor: actor,
                now: req.now,
                on: req.db)
            let decision = try await CertificateDecisionService.list(
                actor: actor, certificate: nil, on: req.db
            )
            .first { $0.id == id }
            return try JSONBody.response(decision, status: .created)
        }
    }
}
