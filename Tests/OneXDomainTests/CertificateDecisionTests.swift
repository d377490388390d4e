import OneXDomain
import Testing

@Suite("Certificate admission and exit (AH41-2)")
struct CertificateDecisionTests {
    @Test("AH41-2: admit once, exit once; an exit needs an admission or a pilot")
    func rules() {
        #expect(CertificateDecisionRules.refusal(.admit, last: nil, piloted: false) == nil)
        #expect(CertificateDecisionRules.refusal(.admit, last: .admit, piloted: true) != nil)
        #expect(
            CertificateDecisionRules.refusal(.admit, last: .exit, piloted: true) == nil,
            "admitted again after an exit")
        #expect(CertificateDecisionRules.refusal(.exit, last: .admit, piloted: false) == nil)
        #expect(
            CertificateDecisionRules.refusal(.exit, last: nil, piloted: true) == nil,
            "a pilot from before the register")
        #expect(CertificateDecisionRules.refusal(.exit, last: nil, piloted: false) != nil)
        #expect(CertificateDecisionRules.refusal(.exit, last: .exit, piloted: true) != nil)
    }
}
