import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

@Suite("Certificate admission and exit per school (AH41-2)")
struct CertificateDecisionServerTests {
    @Test(
        "AH41-2: a school admits with its experts' justification and exits with a reason; listed per school and certificate; scoped",
        arguments: TestDB.all)
    func admitAndExit(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let path = "/api/v1/certificate-decisions"
            let bare = try await school.send(
                .POST, path,
                json:
                    #"{"certificate":"1-004","kind":"admit","decidedOn":"2026-03-01","justification":"产业契合度高"}"#
            )
            #expect(bare.errorCodes == ["required"], "an admission names its experts")
            let admitted = try await school.send(
                .POST, path,
                json:
                    #"{"certificate":"1-004","kind":"admit","decidedOn":"2026-03-01","justification":"产业契合度高，企业认可","experts":"王建国、李秀英"}"#
            )
            #expect(
                admitted.status == .created && admitted.json["kind"] as? String == "admit", "\(admitted.body)"
            )
            #expect(
                try await school.send(
                    .POST, path,
                    json:
                        #"{"certificate":"1-004","kind":"admit","decidedOn":"2026-03-02","justification":"x","experts":"x"}"#
                ).errorCodes == ["invalid_state"])
            #expect(
                try await school.send(
                    .POST, path,
                    json:
                        #"{"certificate":"1-002","kind":"exit","decidedOn":"2026-03-02","justification":"x"}"#
                ).errorCodes == ["invalid_state"], "never admitted nor piloted")
            #expect(
                try await school.send(
                    .POST, path,
                    json:
                        #"{"certificate":"1-004","kind":"exit","decidedOn":"2026-03-20","justification":"x"}"#
                ).errorCodes == ["invalid"], "not a future day")
            #expect(
                try await school.send(
                    .POST, path,
                    json:
                        #"{"certificate":"1-004","kind":"exit","decidedOn":"2026-03-14","justification":"评价组织考核质量不达标"}"#
                ).status == .created)
            let own = try #require(
                try await school.send(.GET, path + "?certificate=1-004").json["items"] as? [[String: Any]])
            #expect(own.compactMap { $0["kind"] as? String } == ["exit", "admit"])
            for (user, count) in [
                ("zhengzhou", 2), ("luoyang", 0), ("org", 2), ("org-gxbjk", 0), ("school-z005", 0),
            ] {
                let c = Client(app)
                try await c.login(user)
                #expect(try await c.send(.GET, path).json["total"] as? Int == count, "\(user)")
            }
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "certificate_decisions")
                .all()
            #expect(audit.map(\.action).sorted() == ["admit", "exit"])
        }
    }
}
