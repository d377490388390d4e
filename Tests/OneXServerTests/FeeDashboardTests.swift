import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Settlement on the dashboards (AH38-1, AH38-2): totals per city, organisation and school, each
/// leading to the arrears, payments and exams behind it.
@Suite("Fee settlement on the dashboards (AH38-1, AH38-2)")
struct FeeDashboardTests {
    @Test(
        "AH38-2: the province dashboard shows settlement and arrears by city and organisation and fee coverage; each leads to what is behind it",
        arguments: TestDB.all)
    func drillDown(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await PaymentTests.twoPlans(app)
            try await PaymentTests.publish(app, amount: 30000, from: "2026-01-01")
            let org = Client(app)
            let g001 = Client(app)
            try await org.login("org")
            try await g001.login("highervoc")
            #expect(
                try await org.send(
                    .POST, "/api/v1/exams",
                    json:
                        #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-03-10","registered":10,"attended":10,"passed":5}"#
                ).status == .created)
            let paid = try await g001.send(
                .POST, "/api/v1/payments",
                json:
                    #"{"organization":"ORG-ZWL","amount":120000,"paidOn":"2026-03-14","fundingSource":"tuition"}"#
            )
            let id = try #require(paid.json["id"] as? String)
            #expect(try await org.send(.POST, "/api/v1/payments/\(id)/confirm").status == .ok)
            let api = Client(app)
            try await api.login("reviewer")
            let region = try #require(
                (try await api.send(.GET, "/api/v1/arrears?school=G001").json["items"] as? [[String: Any]])?
                    .first?["region"] as? String)

            let province = Client(app)
            try await province.webLogin("reviewer")
            let board = try await province.send(.GET, "/dashboard")
            #expect(board.body.contains("考核费用结算") && board.body.contains("各地市欠费"))
            // ¥3,000 payable, ¥1,200 confirmed: ¥1,800 owed, 40.0 % settled; one of two certificates priced.
            #expect(board.body.contains("¥1,800.00") && board.body.contains("40.0%"))
            #expect(board.body.contains("50.0%（1/2）"))
            #expect(board.body.contains("href=\"/fees/arrears?region=\(region)\""))
            #expect(board.body.contains("href=\"/fees/arrears?organization=ORG%2DZWL\""))
            // City → its schools → the payments and exams behind a school's debt.
            let city = try await province.send(.GET, "/fees/arrears?region=\(region)")
            #expect(city.body.contains("class=\"chips\"") && city.body.contains("¥1,800.00"))
            #expect(city.body.contains("href=\"/fees/payments?school=G001&amp;organization=ORG%2DZWL\""))
            let payments = try await province.send(.GET, "/fees/payments?school=G001&organization=ORG-ZWL")
            #expect(payments.body.contains("¥1,200.00") && payments.body.contains("class=\"chips\""))
            let none = try await province.send(.GET, "/fees/payments?school=Z001")
            #expect(!none.body.contains("¥1,200.00"), "the filter narrows the list")
            let export = try await province.send(.GET, "/dashboard/export.xlsx")
            #expect(export.status == .ok)

            // A school's dashboard: its own money, per organisation.
            let school = Client(app)
            try await school.webLogin("highervoc")
            let own = try await school.send(.GET, "/dashboard")
            #expect(own.body.contains("各培训评价组织应收与欠费") && own.body.contains("¥1,800.00"))
            #expect(!own.body.contains("费用标准覆盖率"), "coverage is the province's figure")
            let other = Client(app)
            try await other.webLogin("secondary")
            #expect(!(try await other.send(.GET, "/dashboard").body.contains("¥1,800.00")))
        }
    }
}
