import OneXDomain
import Testing

/// The exam-site workflow and coverage as plain functions (AH41-3).
@Suite("Exam-site workflow and coverage (AH41-3)")
struct ExamSiteFlowTests {
    /// Every state × step × desk against the table the seed's words give: the school applies,
    /// the alliance's lead school agrees, the organisation approves; the one waited for returns;
    /// the organisation or the office suspends and resumes.
    @Test("AH41-3: every state, step and desk, with and without an alliance lead school")
    func transitions() {
        func expected(_ s: ExamSiteStatus, _ step: ExamSiteStep, _ d: ExamSiteDesk, hasLead: Bool)
            -> ExamSiteStatus?
        {
            switch (s, step, d) {
            case (.returned, .resubmit, .school): .applied
            case (.applied, .agree, .leadSchool) where hasLead: .allianceAgreed
            case (.applied, .return, .leadSchool) where hasLead: .returned
            case (.applied, .approve, .organization) where !hasLead: .approved
            case (.applied, .return, .organization) where !hasLead: .returned
            case (.allianceAgreed, .approve, .organization), (.allianceAgreed, .return, .organization):
                step == .approve ? .approved : .returned
            case (.approved, .suspend, .organization), (.approved, .suspend, .provinceOffice): .suspended
            case (.suspended, .resume, .organization), (.suspended, .resume, .provinceOffice): .approved
            default: nil
            }
        }
        var checked = 0
        for hasLead in [true, false] {
            for s in ExamSiteStatus.allCases {
                for step in ExamSiteStep.allCases {
                    for d in ExamSiteDesk.allCases {
                        let got: ExamSiteStatus? =
                            switch ExamSiteFlow.next(s, step, desks: [d], hasLead: hasLead) {
                            case .success(let n): n
                            case .failure: nil
                            }
                        #expect(
                            got == expected(s, step, d, hasLead: hasLead),
                            "\(s) \(step) \(d) lead: \(hasLead)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 2 * 5 * 6 * 4)
        // A lead school applying for its own certificate's site plays both parts.
        #expect(
            ExamSiteFlow.steps(.applied, desks: [.school, .leadSchool], hasLead: true) == [.agree, .return])
        #expect(ExamSiteFlow.waitingFor(.applied, hasLead: false) == .organization)
        #expect(ExamSiteFlow.waitingFor(.approved, hasLead: true) == nil)
    }

    @Test(
        "AH41-3: a city × certificate is covered by an approved site there; schools counted once; sites elsewhere are no cell"
    )
    func coverage() {
        let pilots: [SiteCoverage.Pilot] = [
            .init(certificate: "1-004", region: "4101", school: "G001"),
            .init(certificate: "1-004", region: "4101", school: "G001"),
            .init(certificate: "1-004", region: "4101", school: "Z001"),
            .init(certificate: "1-004", region: "4103", school: "Z101"),
            .init(certificate: "1-003", region: "4103", school: "Z101"),
        ]
        let sites: [SiteCoverage.Site] = [
            .init(certificate: "1-004", region: "4101"), .init(certificate: "1-004", region: "4101"),
            .init(certificate: "1-003", region: "4101"),
        ]
        let cells = SiteCoverage.cells(pilots: pilots, sites: sites)
        #expect(
            cells.map { "\($0.certificate) \($0.region) \($0.schools) \($0.sites)" } == [
                "1-003 4103 1 0", "1-004 4101 2 2", "1-004 4103 1 0",
            ])
        let tallies = SiteCoverage.tallies(cells)
        #expect(
            tallies.map { "\($0.region) \($0.certificates) \($0.covered) \($0.gaps)" } == [
                "4101 1 1 0", "4103 2 0 2",
            ])
        #expect(tallies[0].share == 1 && tallies[1].share == 0)
    }
}
