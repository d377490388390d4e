import OneXDomain
import Testing

@Suite("Activity filings (AH41-4)")
struct FilingFlowTests {
    @Test(
        "AH41-4: the lead school co-signs, the office acknowledges or asks for more; a refiling starts again")
    func transitions() {
        for hasLead in [true, false] {
            var seen: [String] = []
            for status in FilingStatus.allCases {
                for step in FilingStep.allCases {
                    if let next = FilingFlow.next(status, step, hasLead: hasLead) {
                        seen.append("\(status.rawValue) \(step.rawValue) \(next.rawValue)")
                    }
                }
            }
            #expect(
                seen == [
                    "awaitingLead cosign awaitingOffice", "awaitingOffice acknowledge acknowledged",
                    "awaitingOffice requestMore moreRequested",
                    "moreRequested resubmit \(hasLead ? "awaitingLead" : "awaitingOffice")",
                ])
        }
        #expect(FilingFlow.start(hasLead: false) == .awaitingOffice)
    }
}
