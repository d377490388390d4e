/// What a file kept with a fee record is (MOE12-1, MOE12-2, GD-1): the organisation's cost
/// calculation and its written request for a raise, kept with a fee standard; the school's
/// payment voucher, kept with a payment.
public enum FeeFilePurpose: String, CaseIterable, Codable, Sendable {
    case costBreakdown, raiseRequest, voucher

    public var chinese: String {
        switch self {
        case .costBreakdown: "成本测算材料"
        case .raiseRequest: "上调标准书面申请"
        case .voucher: "付款凭证"
        }
    }

    public var english: String {
        switch self {
        case .costBreakdown: "Cost calculation"
        case .raiseRequest: "Written request for a raise"
        case .voucher: "Payment voucher"
        }
    }

    /// The purposes a fee standard takes; a payment takes only its voucher.
    public static let forStandards: [FeeFilePurpose] = [.costBreakdown, .raiseRequest]
    public static let forPayments: [FeeFilePurpose] = [.voucher]
}
