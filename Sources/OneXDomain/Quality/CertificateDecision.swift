/// A school's decision on a certificate (AH41-2). 001 §二(二): "各试点院校要建立证书准入与退出机制…
/// 充分发挥院校有关专家组织的作用，自主论证遴选…职业技能等级证书开展试点工作".
public enum CertificateDecisionKind: String, CaseIterable, Codable, Sendable {
    /// 准入: admitted after the school's experts argued for it.
    case admit
    /// 退出: the school stops piloting it, with a reason.
    case exit

    public var chinese: String { self == .admit ? "准入" : "退出" }
    public var english: String { self == .admit ? "Admitted" : "Exited" }
}

public enum CertificateDecisionRules {
    /// Why a decision cannot follow the school's last one on the certificate: admitting twice,
    /// or exiting what was never admitted nor piloted.
    public static func refusal(
        _ kind: CertificateDecisionKind, last: CertificateDecisionKind?, piloted: Bool
    ) -> (chinese: String, english: String)? {
        switch (kind, last) {
        case (.admit, .admit?):
            ("本校已准入该证书，无需重复准入", "Your school has already admitted this certificate")
        case (.exit, .exit?):
            ("本校已退出该证书", "Your school has already exited this certificate")
        case (.exit, nil) where !piloted:
            ("本校未准入也未试点该证书，无需退出", "Your school neither admitted nor piloted this certificate")
        default: nil
        }
    }
}
