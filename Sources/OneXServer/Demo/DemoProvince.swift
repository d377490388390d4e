import Fluent
import OneXDomain
import Vapor

/// A deterministic demo of Henan: its 17 prefecture-level cities and 济源示范区, the ten
/// province-direct counties, real certificates of batches 1 and 2 with their organisations,
/// about sixty schools of all four kinds, alliances, experts and an account for every unit.
/// School names are plausible, not a claim about any real school's participation.
enum DemoProvince {
    static let password = "onex-demo-2026"

    static let regions: [RegionRecord] = [
        ("4101", "郑州市"), ("4102", "开封市"), ("4103", "洛阳市"), ("4104", "平顶山市"), ("4105", "安阳市"),
        ("4106", "鹤壁市"), ("4107", "新乡市"), ("4108", "焦作市"), ("4109", "濮阳市"), ("4110", "许昌市"),
        ("4111", "漯河市"), ("4112", "三门峡市"), ("4113", "南阳市"), ("4114", "商丘市"), ("4115", "信阳市"),
        ("4116", "周口市"), ("4117", "驻马店市"), ("419001", "济源示范区"),
    ].map { RegionRecord(code: $0.0, name: $0.1, kind: .city) } + [
        ("410181", "巩义市"), ("410225", "兰考县"), ("410482", "汝州市"), ("410526", "滑县"), ("410783", "长垣市"),
        ("411381", "邓州市"), ("411481", "永城市"), ("411525", "固始县"), ("411628", "鹿邑县"), ("411729", "新蔡县"),
    ].map { RegionRecord(code: $0.0, name: $0.1, kind: .county) }

    static let organizations: [OrganizationRecord] = [
        ("ORG-ZKJZ", "廊坊市中科建筑产业化创新研究中心"), ("ORG-GXBJK", "工业和信息化部教育与考试中心"),
        ("ORG-ZFZZ", "北京中福长者文化科技有限公司"), ("ORG-ZWL", "北京中物联物流采购培训中心"),
        ("ORG-ZCX", "北京中车行高新技术有限公司"), ("ORG-BJXNY", "北京新能源汽车股份有限公司"),
        ("ORG-BDQC", "北京博导前程信息技术股份有限公司"), ("ORG-ZJCX", "中教畅享（北京）科技有限公司"),
        ("ORG-XASD", "北京新奥时代科技有限责任公司"), ("ORG-SYD", "北京赛育达科教有限责任公司"),
        ("ORG-ZCJK", "中船舰客教育科技（北京）有限公司"), ("ORG-ZLJT", "中联集团教育科技有限公司"),
        ("ORG-YGDJ", "济南阳光大姐服务有限责任公司"), ("ORG-XDL", "北京新大陆时代教育科技有限公司"),
        // Illustrative organisations for the further certificates of the demo.
        ("ORG-HXSZ", "华夏数字技能评价中心"), ("ORG-ZYJK", "中原健康服务职业技能评价有限公司"),
        ("ORG-JZZN", "京津智能制造技能评价研究院"), ("ORG-CJCJ", "长江财经教育科技有限公司"),
    ].map { OrganizationRecord(code: $0.0, name: $0.1) }

    static let certificates: [CertificateRecord] = {
        let all3: [Level] = [.junior, .intermediate, .senior]
        func caps(_ j: Int, _ i: Int, _ s: Int) -> [Level: Int] { [.junior: j * 100, .intermediate: i * 100, .senior: s * 100] }
        let rows: [(String, String, Int, String, Int)] = [
            ("1-001", "建筑信息模型（BIM）", 1, "ORG-ZKJZ", 30), ("1-002", "Web前端开发", 1, "ORG-GXBJK", 20),
            ("1-003", "老年照护", 1, "ORG-ZFZZ", 20), ("1-004", "物流管理", 1, "ORG-ZWL", 20),
            ("1-005", "汽车运用与维修", 1, "ORG-ZCX", 20), ("1-006", "智能新能源汽车", 1, "ORG-BJXNY", 20),
            ("2-001", "电子商务数据分析", 2, "ORG-BDQC", 20), ("2-002", "网店运营推广", 2, "ORG-ZJCX", 20),
            ("2-003", "工业机器人操作与运维", 2, "ORG-XASD", 15), ("2-004", "工业机器人应用编程", 2, "ORG-SYD", 15),
            ("2-005", "特殊焊接技术", 2, "ORG-ZCJK", 15), ("2-006", "智能财税", 2, "ORG-ZLJT", 20),
            ("2-007", "母婴护理", 2, "ORG-YGDJ", 20), ("2-008", "传感网应用开发", 2, "ORG-XDL", 20),
            ("2-009", "云计算平台运维与开发", 2, "ORG-HXSZ", 20), ("2-010", "大数据应用开发（Python）", 2, "ORG-HXSZ", 20),
            ("3-001", "数字媒体交互设计", 3, "ORG-HXSZ", 20), ("3-002", "网络系统建设与运维", 3, "ORG-HXSZ", 20),
            ("3-003", "幼儿照护", 3, "ORG-ZYJK", 20), ("3-004", "失智老年人照护", 3, "ORG-ZYJK", 15),
            ("3-005", "数控车铣加工", 3, "ORG-JZZN", 15), ("3-006", "智能制造生产管理与控制", 3, "ORG-JZZN", 15),
            ("3-007", "财务共享服务", 3, "ORG-CJCJ", 20), ("3-008", "业财一体信息化应用", 3, "ORG-CJCJ", 20),
            ("4-001", "药品购销", 4, "ORG-ZYJK", 15), ("4-002", "无人机驾驶", 4, "ORG-JZZN", 15),
            ("4-003", "餐饮管理运行", 4, "ORG-CJCJ", 15), ("4-004", "家务服务", 4, "ORG-ZYJK", 15),
        ]
        return rows.enumerated().map { i, r in
            // Deterministic caps between 300 and 900 yuan, rising by level.
            let base = 300 + (i * 37) % 300
            return CertificateRecord(code: r.0, name: r.1, batch: r.2, organization: r.3, levels: all3,
                                     minCandidates: r.4, costCaps: caps(base, base + 100, base + 200))
        }
    }()

    static let schools: [SchoolRecord] = {
        var out: [SchoolRecord] = []
        // City- and county-owned secondary vocational schools: reviewed by their bureau first.
        let secondary: [(String, String)] = [
            ("4101", "郑州市财贸学校"), ("4101", "郑州市电子信息工程学校"), ("4101", "郑州市商贸管理学校"),
            ("4102", "开封市文化旅游学校"), ("4103", "洛阳市第一职业高级中学"), ("4103", "洛阳市中等专业学校"),
            ("4104", "平顶山市工业学校"), ("4105", "安阳市中等职业技术学校"), ("4106", "鹤壁市中等职业技术学校"),
            ("4107", "新乡市职业教育中心"), ("4108", "焦作市职业技术学校"), ("4109", "濮阳市职业中等专业学校"),
            ("4110", "许昌市职业技术学校"), ("4111", "漯河市第一中等专业学校"), ("4112", "三门峡市中等专业学校"),
            ("4113", "南阳市第一中等职业学校"), ("4113", "南阳市宛城区职业中等专业学校"), ("4114", "商丘市中等职业技术学校"),
            ("4115", "信阳市中等职业学校"), ("4116", "周口市中等职业学校"), ("4117", "驻马店市中等职业技术学校"),
            ("419001", "济源职业技术中等专业学校"), ("410181", "巩义市中等专业学校"), ("410225", "兰考县中等专业学校"),
            ("410482", "汝州市职业技术教育中心"), ("410526", "滑县职业中等专业学校"), ("410783", "长垣市职业中等专业学校"),
            ("411381", "邓州市职业技术学校"), ("411481", "永城市职业中等专业学校"), ("411525", "固始县职业中等专业学校"),
        ]
        for (i, s) in secondary.enumerated() {
            out.append(SchoolRecord(code: String(format: "Z%03d", i + 1), name: s.1, kind: .secondary, region: s.0,
                                    nationalPlatformRegistered: i % 7 != 6, filedOn: LocalDate(year: 2020, month: 3 + i % 6, day: 10)))
        }
        let provincial: [(String, String)] = [
            ("4101", "河南省经济管理学校"), ("4101", "河南省工业科技学校"), ("4101", "河南省理工中等专业学校"),
            ("4103", "河南省工业和信息化学校"), ("4107", "河南省新乡市卫生学校"), ("4101", "河南省轻工业学校"),
            ("4113", "河南省南阳农业学校"), ("4101", "河南省商务中等职业学校"),
        ]
        for (i, s) in provincial.enumerated() {
            out.append(SchoolRecord(code: String(format: "S%03d", i + 1), name: s.1, kind: .provincialSecondary, region: s.0,
                                    nationalPlatformRegistered: true, filedOn: LocalDate(year: 2019, month: 11, day: 1 + i)))
        }
        let higher: [(String, String)] = [
            ("4101", "河南职业技术学院"), ("4101", "郑州铁路职业技术学院"), ("4101", "黄河水利职业技术学院"),
            ("4104", "河南工业职业技术学院"), ("4101", "河南经贸职业学院"), ("4101", "郑州职业技术学院"),
            ("4103", "洛阳职业技术学院"), ("4113", "南阳职业学院"), ("4108", "焦作大学"),
            ("4105", "安阳职业技术学院"), ("4111", "漯河职业技术学院"), ("4115", "信阳职业技术学院"),
            ("4107", "新乡职业技术学院"), ("4114", "商丘职业技术学院"), ("4110", "许昌职业技术学院"),
            ("4117", "驻马店职业技术学院"),
        ]
        for (i, s) in higher.enumerated() {
            out.append(SchoolRecord(code: String(format: "G%03d", i + 1), name: s.1, kind: .higherVocational, region: s.0,
                                    nationalPlatformRegistered: true, filedOn: LocalDate(year: 2019, month: 6, day: 1 + i)))
        }
        let undergraduate: [(String, String)] = [
            ("4117", "黄淮学院"), ("4110", "许昌学院"), ("4103", "洛阳理工学院"),
            ("4101", "河南工程学院"), ("4105", "安阳工学院"), ("4113", "南阳理工学院"),
        ]
        for (i, s) in undergraduate.enumerated() {
            out.append(SchoolRecord(code: String(format: "B%03d", i + 1), name: s.1, kind: .undergraduate, region: s.0,
                                    nationalPlatformRegistered: true, filedOn: LocalDate(year: 2020, month: 9, day: 1 + i)))
        }
        return out
    }()

    static let alliances: [AllianceRecord] = [
        AllianceRecord(certificate: "1-004", leadSchool: "G005", members: ["Z001", "Z003", "S001", "G007", "B002"]),
        AllianceRecord(certificate: "1-003", leadSchool: "G001", members: ["Z004", "S005", "G012"]),
        AllianceRecord(certificate: "1-005", leadSchool: "G004", members: ["Z007", "Z013", "S004", "G011"]),
        AllianceRecord(certificate: "2-006", leadSchool: "G005", members: ["Z001", "S001", "S008", "B004"]),
        AllianceRecord(certificate: "1-002", leadSchool: "G006", members: ["Z002", "G002", "B003"]),
    ]

    static let experts: [ExpertRecord] = [
        ("E001", "王建国", "物流管理", "河南经贸职业学院"), ("E002", "李秀英", "老年照护", "河南职业技术学院"),
        ("E003", "张伟", "汽车运用与维修", "河南工业职业技术学院"), ("E004", "刘洋", "智能财税", "河南省会计学会"),
        ("E005", "陈静", "Web前端开发", "郑州职业技术学院"), ("E006", "杨磊", "建筑信息模型", "黄河水利职业技术学院"),
        ("E007", "赵敏", "职业教育管理", "河南省职业技术教育教学研究室"), ("E008", "黄强", "工业机器人", "河南工业职业技术学院"),
        ("E009", "周婷", "电子商务", "郑州铁路职业技术学院"), ("E010", "吴刚", "财务与审计", "河南省审计学会"),
        ("E011", "徐丽", "母婴护理", "南阳职业学院"), ("E012", "孙浩", "传感网应用开发", "洛阳理工学院"),
    ].map { ExpertRecord(code: $0.0, name: $0.1, field: $0.2, unit: $0.3) }

    /// The accounts the README lists, one per role; every unit also gets an account of its own.
    static let namedAccounts: [AccountDraft] = [
        AccountDraft(username: "province", password: nil, role: "provinceAdmin", unit: nil, displayName: "王建国"),
        AccountDraft(username: "reviewer", password: nil, role: "provinceReviewer", unit: nil, displayName: "李敏"),
        AccountDraft(username: "zhengzhou", password: nil, role: "cityReviewer", unit: "4101", displayName: "张伟"),
        AccountDraft(username: "luoyang", password: nil, role: "cityReviewer", unit: "4103", displayName: "刘洋"),
        AccountDraft(username: "secondary", password: nil, role: "school", unit: "Z001", displayName: "陈静"),
        AccountDraft(username: "provsecondary", password: nil, role: "school", unit: "S001", displayName: "杨帆"),
        AccountDraft(username: "highervoc", password: nil, role: "school", unit: "G001", displayName: "赵磊"),
        AccountDraft(username: "undergrad", password: nil, role: "school", unit: "B001", displayName: "孙丽"),
        AccountDraft(username: "org", password: nil, role: "organization", unit: "ORG-ZWL", displayName: "周强"),
        AccountDraft(username: "expert", password: nil, role: "expert", unit: nil, displayName: "吴芳"),
        AccountDraft(username: "auditor", password: nil, role: "auditor", unit: nil, displayName: "郑华"),
    ]

    static var allAccounts: [AccountDraft] {
        namedAccounts
            + regions.map { AccountDraft(username: "bureau-\($0.code)", password: nil, role: "cityReviewer", unit: $0.code) }
            + schools.map { AccountDraft(username: "school-\($0.code.lowercased())", password: nil, role: "school", unit: $0.code) }
            + organizations.map { AccountDraft(username: $0.code.lowercased(), password: nil, role: "organization", unit: $0.code) }
    }

    static func load(into app: Application) async throws {
        let now = app.onex.clock.now()
        // One bcrypt hash for every demo account: hashing ~130 passwords would take a minute.
        let hash = try app.password.hash(password)
        try await app.db.writeTransaction { db in
            for r in regions { try await CatalogService.save(RegionStore.self, r, mode: .upsert, actor: "demo", at: now, on: db) }
            for r in organizations { try await CatalogService.save(OrganizationStore.self, r, mode: .upsert, actor: "demo", at: now, on: db) }
            for r in certificates { try await CatalogService.save(CertificateStore.self, r, mode: .upsert, actor: "demo", at: now, on: db) }
            for r in schools { try await CatalogService.save(SchoolStore.self, r, mode: .upsert, actor: "demo", at: now, on: db) }
            for r in alliances { try await CatalogService.save(AllianceStore.self, r, mode: .upsert, actor: "demo", at: now, on: db) }
            for r in experts { try await CatalogService.save(ExpertStore.self, r, mode: .upsert, actor: "demo", at: now, on: db) }
            let resolver = CodeResolver(db)
            let audit = AuditWriter(db)
            for a in allAccounts {
                if try await User.query(on: db).filter(\.$username == a.username).first() != nil { continue }
                let role = Role(rawValue: a.role)!
                let user = User()
                user.credentialEpoch = 0
                user.username = a.username
                user.passwordHash = hash
                user.role = a.role
                user.displayName = a.displayName
                user.active = true
                user.failedLogins = 0
                user.createdAt = now
                switch role.unitKind {
                case .region: user.$region.id = try await resolver.id(.regions, a.unit!)
                case .school: user.$school.id = try await resolver.id(.schools, a.unit!)
                case .organization: user.$organization.id = try await resolver.id(.organizations, a.unit!)
                case .none: break
                }
                try await user.create(on: db)
                try await audit.append(actor: "demo", action: "create", entity: "users", key: a.username,
                                       before: nil as String?, after: "\(a.role) \(a.unit ?? "")", at: now)
            }
            // Remembered, so the login page offers the demo password only where it works.
            let run = JobRun()
            run.job = loadedMarker
            run.day = LocalDate(now).description
            run.result = "{}"
            run.at = now
            try await run.create(on: db)
        }
    }

    static let loadedMarker = "demoLoaded"

    /// Whether this database holds the demo province (and so its accounts and password).
    static func isLoaded(on db: any Database) async throws -> Bool {
        try await JobRun.query(on: db).filter(\.$job == loadedMarker).first() != nil
    }
}
