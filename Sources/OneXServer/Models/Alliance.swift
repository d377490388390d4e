import Fluent
import OneXDomain
import Vapor

final class Alliance: Model, @unchecked Sendable {
    static let schema = "alliances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "certificate_id") var certificate: Certificate
    @Parent(key: "lead_school_id") var leadSchool: School
    @Children(for: \.$alliance) var members: [AllianceMember]

    init() {}

    func toDomain() -> AllianceRecord {
        AllianceRecord(
            certificate: $certificate.value?.code ?? "", leadSchool: $leadSchool.value?.code ?? "",
            members: ($members.value ?? []).compactMap { $0.$school.value?.code }.sorted())
    }
}

final class AllianceMember: Model, @unchecked Sendable {
    static let schema = "alliance_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "alliance_id") var alliance: Alliance
    @Parent(key: "school_id") var school: School

    init() {}

    init(allianceID: UUID, schoolID: UUID) {
        $alliance.id = allianceID
        $school.id = schoolID
    }
}
