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

    public init(
        school: String, organization: String, amount: Int, paidOn: LocalDate, fundingSource: FundingSource,
        voucher: String? = nil
    ) {
        self.school = school
        self.organization = organization
        self.amount = amount
        self.paidOn = paidOn
        self.fundingSource = fundingSource
        self.voucher = voucher
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

    public var settlementRate: Double? { payable > 0 ? Double(confirmed) / Double(payable) : nil }
}
