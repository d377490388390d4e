import OneXDomain
import Testing

@Suite("Catalog import planning (CAT-1, CAT-2, CAT-3)")
struct CatalogImportTests {
    let known: CatalogImport.KnownCodes = [.regions: ["4101", "4103"], .organizations: ["ORG-A"]]

    func schoolTable(rows: Int, badLine: Int? = nil) -> [[String]] {
        var t = [["code", "name", "kind", "region", "nationalPlatformRegistered"]]
        for i in 0..<rows {
            let line = i + 2
            t.append(["S\(i)", "学校\(i)", "secondary", line == badLine ? "9999" : "4101", "是"])
        }
        return t
    }

    @Test("CAT-2: a thousand good rows and one bad one import nothing and name that line")
    func oneBadRowRejectsAll() throws {
        let result = CatalogImport.plan(SchoolRecord.self, table: schoolTable(rows: 1001, badLine: 700), known: known)
        guard case .failure(let e) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(e.errors.count == 1)
        #expect(e.errors[0].line == 700)
        #expect(e.errors[0].message.contains("9999"))
    }

    @Test("CAT-2: the same file fixed plans every row")
    func fixedFilePlansAll() throws {
        let rows = try CatalogImport.plan(SchoolRecord.self, table: schoolTable(rows: 1001), known: known).get()
        #expect(rows.count == 1001)
        #expect(rows.last?.line == 1002)
    }

    @Test("CAT-3: Chinese headers and Chinese values are accepted")
    func chineseHeaders() throws {
        let table = [["地区代码", "地区名称", "地区类型"], ["4101", "郑州市", "市"], ["410181", "巩义市", "省直管县（市）"]]
        let rows = try CatalogImport.plan(RegionRecord.self, table: table, known: [:]).get()
        #expect(rows.map(\.record.kind) == [.city, .county])
    }

    @Test("CAT-1: duplicate codes, bad levels and missing fields are all reported with their lines")
    func everyProblemAtOnce() {
        let table = [
            ["code", "name", "batch", "organization", "levels", "minCandidates"],
            ["C1", "证书一", "1", "ORG-A", "初级;中级", "20"],
            ["C1", "证书一again", "1", "ORG-A", "初级", "20"],
            ["C2", "证书二", "1", "ORG-A", "特级", "20"],
            ["C3", "", "9", "ORG-A", "junior", "x"],
            ["C4", "证书四", "1", "ORG-X", "junior", "20"],
        ]
        guard case .failure(let e) = CatalogImport.plan(CertificateRecord.self, table: table, known: known) else {
            Issue.record("expected a failure")
            return
        }
        #expect(e.errors.contains { $0.line == 3 && $0.code == "duplicate_code" })
        #expect(e.errors.contains { $0.line == 4 && $0.field == "levels" })
        #expect(e.errors.contains { $0.line == 5 && $0.field == "name" })
        #expect(e.errors.contains { $0.line == 5 && $0.field == "batch" })
        #expect(e.errors.contains { $0.line == 5 && $0.field == "minCandidates" })
        #expect(e.errors.contains { $0.line == 6 && $0.code == "unknown_reference" })
    }

    @Test("A missing required column is reported on the header line")
    func missingColumn() {
        guard case .failure(let e) = CatalogImport.plan(RegionRecord.self, table: [["code", "name"], ["1", "a"]], known: [:]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(e.errors == [FieldError(code: "missing_column", message: "缺少必需的列“地区类型”（kind）", line: 1,
                                        english: "The required column “Region kind” (kind) is missing")])
    }

    @Test("Blank lines are skipped, unknown columns ignored")
    func blankLinesAndExtraColumns() throws {
        let table = [["序号", "code", "name", "kind"], ["1", "4101", "郑州市", "city"], ["", "", "", ""], ["3", "4102", "开封市", "city"]]
        let rows = try CatalogImport.plan(RegionRecord.self, table: table, known: [:]).get()
        #expect(rows.map(\.line) == [2, 4])
    }

    @Test("CAT-1: cost caps are typed in yuan (two decimals at most), stored in fen, only for the certificate's levels")
    func costCaps() throws {
        let ok = try CertificateRecord(values: ["code": "C", "name": "n", "batch": "2", "organization": "O", "levels": "junior",
                                                "minCandidates": "10", "costCapJunior": "503"])
        #expect(ok.costCaps == [.junior: 50300])
        #expect(ok.values["costCapJunior"] == "503.00")
        let cents = try CertificateRecord(values: ["code": "C", "name": "n", "batch": "2", "organization": "O",
                                                   "levels": "junior", "minCandidates": "10", "costCapJunior": "1,503.5"])
        #expect(cents.costCaps == [.junior: 150350])
        #expect(throws: ValidationErrors.self) {
            try CertificateRecord(values: ["code": "C", "name": "n", "batch": "2", "organization": "O", "levels": "junior",
                                           "minCandidates": "10", "costCapJunior": "503.505"])
        }
        #expect(throws: ValidationErrors.self) {
            try CertificateRecord(values: ["code": "C", "name": "n", "batch": "2", "organization": "O", "levels": "junior",
                                           "minCandidates": "10", "costCapSenior": "1"])
        }
    }

    @Test("CAT-4: an alliance's members exclude its lead school and duplicates")
    func allianceMembers() throws {
        let a = try AllianceRecord(values: ["certificate": "1-004", "leadSchool": "G1", "members": "Z1;G1;Z2、Z1"])
        #expect(a.members == ["Z1", "Z2"])
        #expect(a.references.count == 4)
    }
}

@Suite("Display of records")
struct DisplayTests {
    @Test("CAT-1: lists show levels and kinds in the reader's language and money in yuan")
    func display() {
        let c = CertificateRecord(code: "C", name: "n", batch: 1, organization: "O", levels: [.junior, .senior],
                                  minCandidates: 20, costCaps: [.junior: 50300])
        let record: any CatalogRecord = c
        #expect(record.display("levels", lang: .zh) == "初级、高级")
        #expect(record.display("levels", lang: .en) == "Junior, Senior")
        #expect(record.display("costCapJunior", lang: .zh) == "503.00")
        let s: any CatalogRecord = SchoolRecord(code: "Z", name: "n", kind: .higherVocational, region: "4101",
                                                nationalPlatformRegistered: true)
        #expect(s.display("kind", lang: .zh) == "高职院校")
        #expect(s.display("nationalPlatformRegistered", lang: .en) == "Yes")
    }
}
