/// The largest figures OneX accepts from outside — query strings, JSON bodies, form fields and
/// spreadsheet cells are checked against these at the boundary, so every stored figure is
/// small enough that sums over a whole country cannot overflow a 64-bit integer
/// (600,000 plans × 1,000,000 people is 6 × 10¹¹).
public enum Limits {
    /// People in one application line, exam session or plan.
    public static let headcount: ClosedRange<Int> = 0...1_000_000
    /// A plan or application year.
    public static let year: ClosedRange<Int> = 2000...2100
    /// Rows on one page of a list.
    public static let pageLimit: ClosedRange<Int> = 1...1000
    /// Rows skipped before a page: far beyond any table's size, far below `Int.max`.
    public static let pageOffset: ClosedRange<Int> = 0...100_000_000
    /// An amount of money in fen: up to 100 million yuan.
    public static let fen: ClosedRange<Int> = 0...10_000_000_000

    /// "0 到 1000000 之间的整数" for an error message.
    public static func describe(_ range: ClosedRange<Int>) -> String {
        wholeNumber(range).zh
    }

    public static func wholeNumber(_ range: ClosedRange<Int>) -> UIText {
        UIText(zh: "\(range.lowerBound) 到 \(range.upperBound) 之间的整数",
               en: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
}

/// Arithmetic on figures read back from storage: a record corrupted outside OneX must give a
/// wrong figure on one page, never a trap that takes the server down.
extension Int {
    public func clampedAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    public func clampedSubtracting(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? .min : .max) : difference
    }

    public func clampedMultiplied(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }

    /// A rounded figure as an integer, the nearest representable one when it is out of range.
    public init(clampingRounded value: Double) {
        if value.isNaN { self = 0 } else if value >= 9.2e18 { self = .max } else if value <= -9.2e18 { self = .min } else { self = Int(value) }
    }
}
