import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13: everything a person reads is Chinese or, after the switch, English — never a raw
/// code of a known enumeration. Every page of the router, for several roles, in both languages.
/// Data (names of units and people, text people entered, `<code>` and form values) is not the
/// page's to translate and is left out of the check.
@Suite("Every page in one language")
struct PageLanguageTests {
    /// Stored values of the enumerations people meet, which must never reach a page as such.
    /// (Bare words that are also demo logins — `secondary`, `auditor` — are left out.)
    static let rawCodes: Set<String> = {
        var out = Set<String>()
        out.formUnion(ApplicationStatus.allCases.map(\.rawValue))
        out.formUnion(PlanStatus.allCases.map(\.rawValue))
        out.formUnion(PlanChangeKind.allCases.map(\.rawValue).filter { $0 != "new" })
        out.formUnion(Level.allCases.map(\.rawValue))
        out.formUnion(AttachmentPurpose.allCases.map(\.rawValue))
        out.formUnion(DecreaseReason.allCases.map(\.rawValue))
        out.formUnion(Role.allCases.map(\.rawValue).filter { $0.contains(where: \.isUppercase) })
        out.formUnion(SchoolKind.allCases.map(\.rawValue).filter { $0 != "secondary" })
        return out
    }()

    /// The text a reader sees: tags, scripts, styles, `<code>`, `<textarea>`, attribute values,
    /// Chinese marked `lang="zh-CN"`, data marked `translate="no"` and application numbers removed.
    static func visibleText(_ html: String) -> String {
        var t = html
        // Chinese marked as such (the switch to Chinese, stored Chinese text) is not the page's.
        t = t.replacingOccurrences(
            of: #"<(\w+)[^>]*\slang="zh-CN"[^>]*>[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
        // Application numbers (豫1X-2026-春-0012) are identifiers.
        t = t.replacingOccurrences(
            of: #"\p{Han}1X-\d{4}-\p{Han}-\d{4}"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(
            of: #"<(\w+)[^>]*\stranslate="no"[^>]*>[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
        for tag in ["script", "style", "code", "textarea", "pre", "select"] {
            t = t.replacingOccurrences(
                of: "<\(tag)[^>]*>[\\s\\S]*?</\(tag)>", with: " ", options: .regularExpression)
        }
        t = t.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        return t
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init))
    }

    /// Text that is data, not the page's own words: every name the demo province holds.
    static func dataNames() -> [String] {
        var names =
            DemoProvince.regions.map(\.name) + DemoProvince.schools.map(\.name)
            + DemoProvince.certificates.map(\.name)
            + DemoProvince.organizations.map(\.name)
            + DemoProvince.experts.flatMap { [$0.name, $0.field, $0.unit] }
            + DemoProvince.namedAccounts.compactMap(\.displayName) + ["河南省", "春季", "秋季", "2021年秋季调整"]
        names.sort { $0.count > $1.count }
        return names
    }

    static func hasCJK(_ s: String) -> Bool {
        s.unicodeScalars.contains {
            (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value)
                || (0xFF00...0xFFEF).contains($0.value)
        }
    }

    @Test(
        "Every page: no raw code in Chinese, no Chinese outside data in English, no markup shown as text",
        arguments: TestDB.all.prefix(1))
    func everyPage(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            var fixture = try await RouteAccessMatrixTests.fixture(app)
            // Pages in the states that carry the most words: a draft breaking rules, a refused import.
            let school = Client(app)
            try await school.login("secondary")
            let draft = try #require(
                try await school.send(
                    .POST, "/api/v1/applications",
                    json: ApplicationFlowTests.app(
                        2026, ApplicationFlowTests.line("1-005", "junior", "new", 5))
                )
                .json["id"] as? String)
            fixture.applications.append(
                (
                    draft, fixture.applications[0].attachment,
                    RouteAccessMatrixTests.owner(school: "Z001", certificate: "1-005")
                ))
            let admin = Client(app)
            try await admin.webLogin("admin", adminPassword)
            let form = try await admin.send(.GET, "/exams/import")
            let refused = try await admin.multipart(
                "/exams/import", fields: [("_csrf", admin.csrf(from: form))],
                file: ("file", "bad.csv", "text/csv", ExamTests.header + ExamTests.row(1, school: "NOPE")))
            let refusedPath = try #require(refused.headers.first(name: .location))
            let data = Self.dataNames()
            var failures: [String] = []
            var pages = 0
            for username in ["admin", "zhengzhou", "secondary", "org", "auditor"] {
                for lang in ["zh", "en"] {
                    let web = Client(app)
                    if username == "admin" {
                        try await web.webLogin("admin", adminPassword)
                    } else {
                        try await web.webLogin(username)
                    }
                    web.cookies["lang"] = lang
                    for route in app.routes.all where route.method == .GET {
                        let segments = route.path.map(\.description)
                        // The switch itself (it sets the language) and files are not pages.
                        if ["api", "static", "lang"].contains(segments.first ?? "")
                            || segments.last?.contains(".") == true
                        {
                            continue
                        }
                        // Documents printed in Chinese by law (附件, 通报) are Chinese in both languages.
                        if segments.contains("forms") || segments.contains("bulletins")
                            || segments.contains(":attachment")
                        {
                            continue
                        }
                        for subject in RouteAccessMatrixTests.subjects(for: segments, fixture: fixture) {
                            let path =
                                "/" + segments.map { subject.parameters[$0] ?? $0 }.joined(separator: "/")
                            let reply = try await web.send(.GET, path)
                            guard reply.status == .ok, reply.headers.contentType == .html else { continue }
                            pages += 1
                            // Markup interpolated as text shows its tags to the reader.
                            if let r = reply.body.range(of: #"&lt;/?(a|p|span|strong|div|li)[ &]"#, options: .regularExpression) {
                                failures.append("\(lang) \(path) as \(username): escaped markup \(reply.body[r.lowerBound...].prefix(60))")
                            }
                            let text = Self.visibleText(reply.body)
                            if lang == "zh" {
                                let raw = Self.words(text).intersection(Self.rawCodes)
                                if !raw.isEmpty {
                                    failures.append("zh \(path) as \(username): raw \(raw.sorted())")
                                }
                            } else {
                                var rest = text
                                for name in data { rest = rest.replacingOccurrences(of: name, with: " ") }
                                let lines = rest.split(separator: "\n").map {
                                    $0.trimmingCharacters(in: .whitespaces)
                                }.filter(Self.hasCJK)
                                // Each stretch of Chinese with a little context.
                                let found = lines.flatMap { line in
                                    line.ranges(of: #/[^\x00-\x7F]+/#).map { r in
                                        String(
                                            line[
                                                line.index(
                                                    r.lowerBound,
                                                    offsetBy: -min(
                                                        12,
                                                        line.distance(from: line.startIndex, to: r.lowerBound)
                                                    ))..<r.upperBound])
                                    }.filter(Self.hasCJK)
                                }
                                if !found.isEmpty {
                                    failures.append("en \(path) as \(username): \(found.prefix(4))")
                                }
                            }
                        }
                    }
                }
            }
            for lang in ["zh", "en"] {
                admin.cookies["lang"] = lang
                let page = try await admin.send(.GET, refusedPath)
                if lang == "en" && Self.hasCJK(Self.visibleText(page.body)) {
                    failures.append(
                        "en \(refusedPath): \(Self.visibleText(page.body).filter { !$0.isASCII }.prefix(40))")
                }
            }
            #expect(pages > 100)
            #expect(failures.isEmpty, "\(failures.count) pages:\n\(failures.joined(separator: "\n"))")
        }
    }
}
