import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Exam sites in the demo year (AH41-3): in April the pilot schools apply for sites of the
/// certificates they pilot; by May they stand in every state — waiting for the alliance,
/// waiting for the organisation, returned, approved, suspended — and the certificate × city
/// pairs without an approved site are the gaps the coverage matrix shows on first start.
extension DemoYear {
    func sites(until today: LocalDate) async {
        guard today >= LocalDate(year: year, month: 4, day: 20) else { return }
        guard
            let pairs = await step(
                "pilot schools for exam sites",
                {
                    try await db.sql().raw(
                        """
                        SELECT DISTINCT r.code AS region, c.code AS certificate, s.code AS school FROM plans p
                        JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
                        JOIN certificates c ON c.id = p.certificate_id
                        WHERE p.year = \(bind: year) AND p.status <> \(bind: PlanStatus.exited.rawValue)
                        ORDER BY r.code, c.code, s.code
                        """
                    ).all().map {
                        (
                            school: try $0.decode(column: "school", as: String.self),
                            certificate: try $0.decode(column: "certificate", as: String.self)
                        )
                    }
                })
        else { return }
        // Every pilot applies; only the approved sites cover their city, the rest leave gaps.
        for (n, pair) in pairs.enumerated() {
            guard let school = await account(.school, school: pair.school) else { continue }
            let capacity = 30 + (n * 7) % 50
            let id = await step("\(pair.school) applies for a site") {
                try await ExamSiteService.apply(
                    .init(
                        certificate: pair.certificate,
                        place: "实训楼\(n % 5 + 1)层\(["计算机", "综合", "专业"][n % 3])实训室",
                        address: "\(["文化路", "中原路", "建设路", "人民路"][n % 4])\(n + 1)号", capacity: capacity,
                        equipment: "考核用计算机\(capacity)台，监控摄像头4个，身份核验设备1套",
                        contact: ["李明", "王芳", "张伟", "刘洋"][n % 4],
                        phone: "0371-6590\(String(format: "%04d", n))"),
                    actor: school, now: at(4, 20), on: db)
            }
            guard let id else { continue }
            await walk(id, variant: n % 6)
        }
    }

    /// Takes a site through the steps its variant names: 0 waits for the alliance, 1 for the
    /// organisation, 2 is returned, 3 and 4 approved, 5 approved and then suspended.
    private func walk(_ id: UUID, variant: Int) async {
        guard variant > 0,
            let site = try? await ExamSiteService.list(scope: .all, filter: .init(), on: db)
                .first(where: { $0.id == id })
        else { return }
        var lead: Actor?
        if let code = site.leadSchool { lead = await account(.school, school: code) }
        guard let org = await account(.organization, organization: site.organization) else { return }
        func take(_ step: ExamSiteStep, _ actor: Actor?, _ day: Int, reason: String? = nil) async {
            guard let actor else { return }
            await self.step("site \(site.number) \(step.rawValue)") {
                _ = try await ExamSiteService.step(
                    id, step, reason: reason, draft: nil, actor: actor, now: at(5, day), on: db)
            }
        }
        if variant == 2 {
            await take(.return, lead ?? org, 6, reason: "监控设备数量不足，请补充考场监控布置图后重新申报")
            return
        }
        if lead != nil { await take(.agree, lead, 6) }
        guard variant >= 3 else { return }
        await take(.approve, org, 12)
        if variant == 5 {
            await take(.suspend, Self.actor("province", .provinceAdmin, nil), 25, reason: "考场保密条件检查未通过，整改后恢复")
        }
    }

    /// The demo account of a unit, as an actor.
    func account(_ role: Role, school: String? = nil, organization: String? = nil) async -> Actor? {
        var q = User.query(on: db).filter(\.$role == role.rawValue)
        if let school {
            q = q.join(School.self, on: \User.$school.$id == \School.$id).filter(
                School.self, \.$code == school)
        }
        if let organization {
            q = q.join(Organization.self, on: \User.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$code == organization)
        }
        guard let user = try? await q.first() else { return nil }
        return Self.actor(user.username, role, school ?? organization)
    }
}
