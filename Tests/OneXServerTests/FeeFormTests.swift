import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Anhui's rectification lists 附件1 and 附件2 (AH38-7), filled from the live figures.
@Suite("Fee rectification lists (AH38-7)")
struct FeeFormTests {
    @Test(
        "AH38-7: 附件1 lists piloted certificates without a standard in force and where each stands; 附件2 what each school owes and why, in scope",
        arguments: TestDB.all)
    func lists(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await PaymentTests.twoPlans(app)
            try await PaymentTests.publish(app, amount: 30000, from: "2026-01-01")
            let org = Client(app)
            let careOrg = Client(app)
            let g001 = Client(app)
            try await org.login("org")
            try await careOrg.login("org-zfzz")
            try await g001.login("highervoc")
            // 1-003 is proposed, not yet reviewed: 附件1 says it waits for the experts.
            #expect(
                try await careOrg.send(
                    .POST, "/api/v1/fee-standards",
                    json:
                        #"{"certificate":"1-003","level":"junior","amount":30000,"effectiveFrom":"2026-09-01"}"#
                ).status == .created)
            func session(_ certificate: String, attended: Int) -> String {
                #"{"school":"G001","certificate":"\#(certificate)","level":"junior","year":2026,"date":"2026-03-10","registered":\#(attended),"attended":\#(attended),"passed":0}"#
            }
            #expect(
                try await org.send(.POST, "/api/v1/exams", json: session("1-004", attended: 10)).status
                    == .created)
            #expect(
                try await careOrg.send(.POST, "/api/v1/exams", json: session("1-003", attended: 3)).status
                    == .created)
            #expect(
                try await g001.send(
                    .POST, "/api/v1/payments",
                    json:
                        #"{"organization":"ORG-ZWL","amount":100000,"paidOn":"2026-03-14","fundingSource":"tuition"}"#
                ).status == .created)

            let province = Client(app)
            try await province.webLogin("reviewer")
            let standards = try await province.send(.GET, "/fees/coverage/form")
            #expect(standards.status == .ok)
            #expect(standards.body.contains("河南省1+X证书考核费用标准未核定发布问题整改清单"))
            #expect(standards.body.contains("老年照护（1-003，第1批）") && standards.body.contains("初级：待专家论证"))
            #expect(!standards.body.contains("物流管理"), "1-004 has a standard in force")
            #expect(standards.body.contains("试点证书：<u>2个，已发布执行标准1个，未核定发布1个</u>"))
            let workbook = try await province.send(.GET, "/fees/coverage/form?format=xlsx")
            #expect(workbook.headers.contentType?.subType.contains("spreadsheet") == true)

            let payments = try await province.send(.GET, "/fees/arrears/form")
            #expect(payments.body.contains("河南省1+X证书考核费用支付问题整改清单"))
            // 10 × ¥300 owed to ORG-ZWL, ¥1,000 paid and not yet confirmed; 1-003's 3 unpriced.
            #expect(
                payments.body.contains("<td>3,000.00</td>") && payments.body.contains("已付1,000.00元待培训评价组织确认"))
            #expect(payments.body.contains("考核费用标准未核定发布，3人次考核未计价"))
            #expect(payments.body.contains("欠费合计：<u>3,000.00元，涉及2项</u>"))

            // A school fills in its own list only; 附件1 is the province's.
            let other = Client(app)
            try await other.webLogin("secondary")
            let own = try await other.send(.GET, "/fees/arrears/form")
            #expect(own.status == .ok && !own.body.contains("3,000.00") && own.body.contains("涉及0项"))
            #expect(try await other.send(.GET, "/fees/coverage/form").status == .forbidden)
            let school = Client(app)
            try await school.webLogin("highervoc")
            #expect(try await school.send(.GET, "/fees/arrears/form").body.contains("填报单位（盖章）：<u>"))
        }
    }

    @Test(
        "AH38-7: a level's progress reads from its versions: pending first, then a later publication, then a return"
    )
    func progress() {
        #expect(FeeRectificationForms.progressText([]) == "培训评价组织未申报")
        #expect(FeeRectificationForms.progressText([(.rejected, "2026-01-01")]) == "已退回培训评价组织")
        #expect(
            FeeRectificationForms.progressText([(.rejected, "2026-01-01"), (.reviewed, "2026-02-01")])
                == "待省级核定")
        #expect(
            FeeRectificationForms.progressText([(.published, "2026-09-01")]) == "已发布，2026年9月1日起执行")
    }
}
