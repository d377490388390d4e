/// Where a school's payment money came from (GD-1).
public enum FundingSource: String, CaseIterable, Codable, Sendable {
    case appropriation, tuition, perStudent, other

    public var chinese: String {
        switch self {
        case .appropriation: "财政拨款"
        case .tuition: "学费"
        case .perStudent: "生均拨款"
        case .other: "其他事业收入"
        }
    }

    public var english: String {
        switch self {
        case .appropriation: "Appropriation"
        case .tuition: "Tuition"
        case .perStudent: "Per-student funding"
        case .other: "Other income"
        }
    }
}

/// A payment as the organisation answers it: recorded by the school, then confirmed as
/// received or disputed with a reason.
public enum PaymentStatus: String, CaseIterable, Codable, Sendable {
    case recorded, confirmed, disputed

    public var chinese: String {
        switch self {
        case .recorded: "待机构确认"
        case .confirmed: "机构已确认"
        case .disputed: "机构有异议"
        }
    }

    public var english: String {
        switch self {
        case .recorded: "Awaiting confirmation"
        case .confirmed: "Confirmed"
        case .disputed: "Disputed"
        }
    }
}

/// A school's payment to an organisation (AH38-2, GD-1). Never edited or deleted: a mistake is
/// reversed by a correcting entry of the opposite sign that names the original.
public struct Payment: Codable, Sendable, Equatable {
    public var school: String
    public var organization: String
    public var amount: Int
    public var paidOn: LocalDate
    public var fundingSource: FundingSource
    public var voucher: String?
    /// What the school says the money is for, per certificate (optional; the rest unallocated).
    public var allocation: [PaymentAllocation]?

    public init(
        school: String, organization: String, amount: Int, paidOn: LocalDate, fundingSource: FundingSource,
        voucher: String? = nil, allocation: [PaymentAllocation]? = nil
    ) {
        self.school = school
        self.organization = organization
        self.amount = amount
        self.paidOn = paidOn
        self.fundingSource = fundingSource
        self.voucher = voucher
        self.allocation = allocation
    }

    /// Everything wrong with a new payment (not a correction) recorded on `today`.
    public func problems(today: LocalDate) -> [FieldError] {
        var out: [FieldError] = []
        if amount <= 0 || !Limits.fen.contains(amount) {
            out.append(
                FieldError(
                    code: "invalid",
                    UIText(
                        zh: "付款金额应为大于0的金额（不超过1亿元）",
                        en: "The amount must be above zero (at most 100 million yuan)"), field: "amount"))
        }
        if paidOn > today {
            out.append(
                FieldError(
                    code: "invalid",
                    UIText(
                        zh: "付款日期不能晚于今天（\(today.chinese)）",
                        en: "The payment date cannot be after today (\(today))"), field: "paidOn"))
        }
        if let v = voucher, v.count > 60 {
            out.append(
                FieldError(
                    code: "too_long",
                    UIText(zh: "凭证号不能超过60个字符", en: "The voucher number may have at most 60 characters"),
                    field: "voucher"))
        }
        if let parts = allocation, !parts.isEmpty {
            out += allocationProblems(parts)
        }
        return out
    }
}

/// What a school owes an organisation and where the money stands (AH38-2, indicators.md):
/// payable = Σ attended × the standard in force on the exam day; outstanding = payable −
/// confirmed; the settlement rate is confirmed / payable.
public struct Arrears: Codable, Sendable, Equatable {
    public var payable: Int
    /// Recorded by the school, less corrections, not counting disputed payments.
    public var paid: Int
    /// Confirmed by the organisation.
    public var confirmed: Int
    /// Candidates who attended exams with no standard in force on their day: they block settlement.
    public var unpricedAttended: Int

    public init(payable: Int, paid: Int, confirmed: Int, unpricedAttended: Int) {
        self.payable = payable
        self.paid = paid
        self.confirmed = confirmed
        self.unpricedAttended = unpricedAttended
    }

    public var outstanding: Int { payable.clampedSubtracting(confirmed) }

    /// Confirmed money up to what is payable: paying ahead does not make a rate above 100 %.
    public var settled: Int { max(0, min(confirmed, payable)) }

    public var settlementRate: Double? { payable > 0 ? Double(settled) / Double(payable) : nil }
}

/// The part of a payment the school assigns to one certificate of the organisation paid.
public struct PaymentAllocation: Codable, Sendable, Equatable {
    public var certificate: String
    public var amount: Int

    public init(certificate: String, amount: Int) {
        self.certificate = certificate
        self.amount = amount
    }
}

extension Payment {
    /// An allocation names each certificate once, with a positive amount, and adds up to no
    /// more than the payment.
    func allocationProblems(_ parts: [PaymentAllocation]) -> [FieldError] {
        var out: [FieldError] = []
        if parts.count > 50 {
            out.append(
                FieldError(
                    code: "too_long", UIText(zh: "分配明细最多50项", en: "At most 50 allocation lines"),
                    field: "allocation"))
        }
        if Set(parts.map(\.certificate)).count != parts.count {
            out.append(
                FieldError(
                    code: "duplicate",
                    UIText(zh: "分配明细中同一证书只能出现一次", en: "Each certificate may appear once in the allocation"),
                    field: "allocation"))
        }
        if parts.contains(where: { $0.amount <= 0 || !Limits.fen.contains($0.amount) }) {
            out.append(
                FieldError(
                    code: "invalid",
                    UIText(zh: "分配到各证书的金额应大于0", en: "Each allocated amount must be above zero"),
                    field: "allocation"))
        }
        let total = parts.reduce(0) { $0.clampedAdding(max(0, $1.amount)) }
        if total > amount {
            out.append(
                FieldError(
                    code: "allocation_exceeds_amount",
                    UIText(
                        zh: "分配合计\(Fen.displayText(total))超过付款金额\(Fen.displayText(amount))，请核减",
                        en:
                            "The allocation adds up to \(Fen.displayText(total)), more than the payment of \(Fen.displayText(amount))"
                    ),
                    field: "allocation"))
        }
        return out
    }
}
