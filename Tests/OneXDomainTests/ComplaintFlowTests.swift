import OneXDomain
import Testing

@Suite("Complaint states (AH41-2)")
struct ComplaintFlowTests {
    @Test("AH41-2: every state × step: taken up, sent for a reply, answered, reported to the MoE, concluded")
    func transitions() {
        let allowed: [String: ComplaintStatus] = [
            "submitted accept": .investigating, "investigating forward": .awaitingReply,
            "awaitingReply reply": .investigating, "investigating reportToMoE": .reportedToMoE,
            "investigating close": .closed, "reportedToMoE close": .closed,
        ]
        for status in ComplaintStatus.allCases {
            for step in ComplaintStep.allCases {
                #expect(
                    ComplaintFlow.next(status, step) == allowed["\(status.rawValue) \(step.rawValue)"],
                    "\(status) \(step)")
            }
        }
        #expect(
            ComplaintFlow.steps(.investigating, byOrganization: false) == [.forward, .reportToMoE, .close])
        #expect(ComplaintFlow.steps(.awaitingReply, byOrganization: true) == [.reply])
        #expect(ComplaintFlow.steps(.awaitingReply, byOrganization: false).isEmpty)
        #expect(ComplaintFlow.steps(.closed, byOrganization: false).isEmpty)
    }
}
