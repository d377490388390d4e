import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13, "everything a person reads is Chinese or English": the reasons an import or a form
/// is refused read in the reader's language, like the rest of the page.
@Suite("Refusals in the reader's language")
struct ErrorLanguageTests {
    @Test(
        "CAT-1..5: a refused catalog file lists its reasons in English after the switch, in Chinese before",
        arguments: TestDB.all)
    func catalogImport(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            let csv = "code,name,kind,region,nationalPlatformRegistered\nZ9$,Bad,village,9999,maybe\n"
            for (lang, expected) in [("zh", "院校类型“village”无效"), ("en", "School kind “village” is not valid")]
            {
                web.cookies["lang"] = lang
                let page = try await web.send(.GET, "/imports")
                let r = try await web.multipart(
                    "/imports", fields: [("_csrf", web.csrf(from: page)), ("table", "schools")],
                    file: ("file", "schools.csv", "text/csv", csv))
                #expect(r.status == .unprocessableEntity)
                #expect(r.body.contains(expected), "\(lang): \(PageLanguageTests.visibleText(r.body))")
                if lang == "en" {
                    let chinese = PageLanguageTests.visibleText(r.body).filter {
                        PageLanguageTests.hasCJK(String($0))
                    }
                    #expect(chinese.isEmpty, "Chinese left on the English page: \(chinese)")
                }
            }
        }
    }

    @Test(
        "EXAM-1: a refused results file's problem table and CSV read in English after the switch",
        arguments: TestDB.all)
    func candidateImport(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            let web = Client(app)
            try await web.webLogin("org")
            web.cookies["lang"] = "en"
            let page = try await web.send(.GET, "/exams/import")
            let csv =
                ExamTests.header + ExamTests.row(1, school: "NOPE")
                + ExamTests.row(2, level: "expert", attended: "0")
            let r = try await web.multipart(
                "/exams/import", fields: [("_csrf", web.csrf(from: page))],
                file: ("file", "results.csv", "text/csv", csv))
            let location = try #require(r.headers.first(name: .location))
            let result = try await web.send(.GET, location)
            #expect(result.body.contains("No school has the code “NOPE”"))
            #expect(
                result.body.contains("Level “expert” is not valid: expected junior, intermediate or senior"))
            #expect(result.body.contains("A candidate who did not attend cannot have passed"))
            let problems = try await web.send(.GET, location + "/problems.csv")
            #expect(problems.body.contains("No school has the code “NOPE”"))
            #expect(!problems.body.contains("Line 2: "), "the line has its own column")
        }
    }
}
