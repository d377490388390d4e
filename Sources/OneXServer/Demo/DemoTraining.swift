import Foundation
import OneXDomain

/// Teacher training in the demo year (AH41-6): in April two organisations announce courses —
/// one exactly at the 40% industry line, one well above it — pilot schools enrol teachers, and
/// after the courses the organisations record who became a trainer or an examiner, so the
/// courses, the public notices and the schools' ranking show something on first start.
extension DemoYear {
    func training(until today: LocalDate) async {
        guard today >= LocalDate(year: year, month: 4, day: 10) else { return }
        let courses:
            [(
                org: String, certificate: String, level: Level, title: String, industry: Int, of: Int,
                fee: Int
            )] = [
                ("ORG-ZWL", "1-004", .junior, "物流管理职业技能等级证书师资培训（初级）", 2, 5, 120_000),
                ("ORG-GXBJK", "1-002", .intermediate, "Web前端开发师资培训暨考评员培训", 4, 6, 150_000),
            ]
        let experts = ["京东物流", "顺丰速运", "中国外运", "阿里云", "腾讯云", "华为技术"]
        let schools = ["Z001", "G002", "Z002", "G001", "S001"]
        for (n, c) in courses.enumerated() {
            guard let org = await account(.organization, organization: c.org) else { continue }
            let trainers = (0..<c.of).map {
                TrainingService.TrainerDraft(
                    name: ["刘建华", "陈晓梅", "张国强", "王丽娜", "赵志刚", "孙海燕"][$0],
                    employer: $0 < c.industry ? experts[(n * 3 + $0) % experts.count] : "河南职业技术学院",
                    fromIndustry: $0 < c.industry)
            }
            guard
                let id = await step(
                    "\(c.org) announces a course",
                    {
                        try await TrainingService.create(
                            .init(
                                certificate: c.certificate, level: c.level, title: c.title,
                                startsOn: "\(year)-05-\(String(format: "%02d", 11 + n * 7))",
                                endsOn: "\(year)-05-\(String(format: "%02d", 13 + n * 7))",
                                place: ["郑州", "洛阳"][n],
                                feePerHead: c.fee, seats: 40, trainers: trainers),
                            actor: org, now: at(4, 10), on: db)
                    })
            else { continue }
            var enrolled: [UUID] = []
            for (i, code) in schools.enumerated() where (i + n) % 2 == 0 || i < 2 {
                guard let school = await account(.school, school: code) else { continue }
                for k in 0..<2 {
                    let name = ["李", "王", "张", "刘", "陈"][i] + ["老师", "红", "军"][k]
                    if let p = await step(
                        "\(code) enrols a teacher",
                        {
                            try await TrainingService.enrol(
                                id,
                                .init(
                                    name: name, idNumber: nil,
                                    phone: "1380371\(String(format: "%04d", i * 10 + k))"),
                                actor: school, now: at(4, 15), hasher: app.onex.idHasher, on: db)
                        })
                    {
                        enrolled.append(p)
                    }
                }
            }
            guard today >= LocalDate(year: year, month: 5, day: 25) else { continue }
            for (k, p) in enrolled.enumerated() {
                let outcome: TrainingOutcome = [.trainer, .examiner, .trainerAndExaminer, .completed][k % 4]
                await step("\(c.org) records an outcome") {
                    try await TrainingService.record(
                        id, participant: p,
                        .init(
                            outcome: outcome,
                            certificateNumber: outcome.needsCertificateNumber
                                ? "\(c.certificate)-PX-\(1000 + k)" : nil),
                        actor: org, now: at(5, 25), on: db)
                }
            }
        }
    }
}
