import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13: the plans page names schools and certificates, says states and changes in words,
/// filters by status and exports what it shows.
@Suite("Plans page (PLAN-1)")
struct PlanPagesTests {
    @Test(
        "PLAN-1: names, words, reviewer by name; a status filter; CSV with the same rows",
        arguments: TestDB.all)
    func plansInWords(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            try await ApplicationFlowTests.approvedByProvince(app, clock)
            let reviewer = Client(app)
            try await reviewer.login("reviewer")
            let web = Client(app)
            try await web.webLogin("province")
            let page = try await web.send(.GET, "/plans?year=2026")
            #expect(page.body.contains("河南职业技术学院"))
            #expect(page.body.contains("物流管理"))
            #expect(page.body.contains("<td>执行中</td>"))
            #expect(page.body.contains("新增 +40（李敏 · 省级审核员）"))
            #expect(!page.body.contains(">active<") && !page.body.contains(" new +40"))
            #expect(
                try await web.send(.GET, "/plans?year=2026&status=exited").body.contains("<td>河南职业技术学院 ")
                    == false)
            #expect(try await web.send(.GET, "/plans?status=nonsense").status == .badRequest)
            let csv = try await web.send(.GET, "/plans/export.csv?year=2026")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("河南职业技术学院,G001,物流管理,1-004,初级,2026,40,执行中"))
            // The API keeps its codes.
            let api = try await reviewer.send(.GET, "/api/v1/plans?year=2026&status=active")
            let item = try #require((api.json["items"] as? [[String: Any]])?.first)
            #expect(item["status"] as? String == "active" && item["school"] as? String == "G001")
            #expect(item["schoolName"] as? String == "河南职业技术学院")
            // The certificate filter: the province chooses from the whole catalog, the school
            // among the certificates it has plans of.
            #expect(page.body.contains("<option value=\"1-001\""))
            let school = Client(app)
            try await school.webLogin("highervoc")
            let own = try await school.send(.GET, "/plans?year=2026").body
            #expect(own.contains("<option value=\"1-004\""))
            #expect(!own.contains("<option value=\"1-001\""))
        }
    }
}
