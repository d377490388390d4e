import Foundation

/// What the indicators need of one plan (indicators.md): its approved changes, its exams and
/// whether it was forcibly exited.
public struct PlanFacts: Sendable, Equatable {
    /// Σ approved `new` counts.
    public var new: Int
    /// Σ approved `increase` / `decrease` counts that count in indicators (HN-10 may exclude some).
    public var increase: Int
    public var decrease: Int
    /// All approved new + increase − decrease, before any forced exit.
    public var planned: Int
    public var registered: Int
    public var attended: Int
    public var passed: Int
    public var exited: Bool

    public init(
        new: Int, increase: Int = 0, decrease: Int = 0, planned: Int, registered: Int = 0, attended: Int = 0,
        passed: Int = 0, exited: Bool = false
    ) {
        self.new = new
        self.increase = increase
        self.decrease = decrease
        self.planned = planned
        self.registered = registered
        self.attended = attended
        self.passed = passed
        self.exited = exited
    }
}

/// The sums the indicators are made of, over a set of plans (indicators.md). The database
/// computes these in one aggregate query; `init(_:)` computes them from facts, for tests and
/// for the rule engine's small sets.
public struct IndicatorTotals: Sendable, Equatable {
    public var plans = 0
    public var exitedPlans = 0
    public var new = 0
    /// Σ (inc_p + dec_p)
    public var adjusted = 0
    public var planned = 0
    /// Σ exited_p
    public var exited = 0
    public var registered = 0
    public var attended = 0
    public var passed = 0
    /// Σ min(attended_p, planned_p)
    public var completed = 0
    /// Distinct students examined in the year, and the pilot students declared for it (AH41-10);
    /// nil where the scope has no declaration (a certificate or an organisation).
    public var studentsExamined: Int?
    public var studentsDeclared: Int?

    public init() {}

    public init(_ facts: [PlanFacts]) {
        for f in facts {
            plans += 1
            exitedPlans += f.exited ? 1 : 0
            new = new.clampedAdding(f.new)
            adjusted = adjusted.clampedAdding(f.increase.clampedAdding(f.decrease))
            planned = planned.clampedAdding(f.planned)
            exited = exited.clampedAdding(f.exited ? f.planned : 0)
            registered = registered.clampedAdding(f.registered)
            attended = attended.clampedAdding(f.attended)
            passed = passed.clampedAdding(f.passed)
            completed = completed.clampedAdding(min(f.attended, f.planned))
        }
    }

    /// Adds another set's plan figures (the sums over a union of plans); the students examined
    /// and declared are not sums of plans and stay as they are.
    public mutating func add(_ other: IndicatorTotals) {
        plans = plans.clampedAdding(other.plans)
        exitedPlans = exitedPlans.clampedAdding(other.exitedPlans)
        new = new.clampedAdding(other.new)
        adjusted = adjusted.clampedAdding(other.adjusted)
        planned = planned.clampedAdding(other.planned)
        exited = exited.clampedAdding(other.exited)
        registered = registered.clampedAdding(other.registered)
        attended = attended.clampedAdding(other.attended)
        passed = passed.clampedAdding(other.passed)
        completed = completed.clampedAdding(other.completed)
    }
}

/// The indicators of a set of plans (HN-9, indicators.md). A rate with a zero denominator is
/// nil, never 0 and never NaN.
public struct IndicatorSet: Codable, Sendable, Equatable {
    public var plans: Int
    public var exitedPlans: Int
    public var planned: Int
    public var registered: Int
    public var attended: Int
    public var passed: Int
    public var completed: Int
    public var completionRate: Double?
    public var adjustmentRate: Double?
    public var exitRate: Double?
    public var participationRate: Double?
    public var passRate: Double?
    public var studentCoverage: Double?

    public init(_ facts: [PlanFacts]) { self.init(IndicatorTotals(facts)) }

    public init(_ t: IndicatorTotals) {
        func rate(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
        plans = t.plans
        exitedPlans = t.exitedPlans
        planned = t.planned
        registered = t.registered
        attended = t.attended
        passed = t.passed
        completed = t.completed
        completionRate = rate(t.completed, t.planned)
        adjustmentRate = rate(t.adjusted, t.new)
        exitRate = rate(t.exited, t.planned)
        participationRate = rate(t.attended, t.registered)
        passRate = rate(t.passed, t.attended)
        studentCoverage = t.studentsExamined.flatMap { n in t.studentsDeclared.flatMap { rate(n, $0) } }
    }

    private enum CodingKeys: String, CodingKey {
        case plans, exitedPlans, planned, registered, attended, passed, completed
        case completionRate, adjustmentRate, exitRate, participationRate, passRate, studentCoverage
    }

    /// Every rate is present, as `null` where its denominator is zero (api.md), so a client
    /// can tell "no rate" from a field it does not know.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(plans, forKey: .plans)
        try c.encode(exitedPlans, forKey: .exitedPlans)
        try c.encode(planned, forKey: .planned)
        try c.encode(registered, forKey: .registered)
        try c.encode(attended, forKey: .attended)
        try c.encode(passed, forKey: .passed)
        try c.encode(completed, forKey: .completed)
        let rates: [(CodingKeys, Double?)] = [
            (.completionRate, completionRate), (.adjustmentRate, adjustmentRate), (.exitRate, exitRate),
            (.participationRate, participationRate), (.passRate, passRate),
            (.studentCoverage, studentCoverage),
        ]
        for (key, rate) in rates {
            if let rate { try c.encode(rate, forKey: key) } else { try c.encodeNil(forKey: key) }
        }
    }

    /// `12.3%`, or `—` for no rate.
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        let tenths = (rate * 1000).rounded() / 10
        return String(format: "%.1f%%", tenths)
    }
}
