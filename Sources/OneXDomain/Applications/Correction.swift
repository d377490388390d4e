/// An application a reviewer returned for changes (退回修改): the stage that returned it, the
/// window it was submitted in, and the last day the school may send it back. Until then the
/// school phase counts as open for it, so the lines that needed the window can be corrected and
/// resubmitted; it goes back to the stage that returned it.
public struct Correction: Sendable, Equatable, Codable {
    public var stage: ApplicationStatus
    public var window: String?
    public var due: LocalDate

    public init(stage: ApplicationStatus, window: String?, due: LocalDate) {
        self.stage = stage
        self.window = window
        self.due = due
    }

    /// The last day to resubmit when `stage` returns an application today: the end of that
    /// review phase, so the reviewer can still decide on the corrected one. `nil` where no
    /// phase is open (increase-only applications reviewed at any time, HN-4): nothing then
    /// keeps the school from resubmitting.
    public static func due(returnedBy stage: ApplicationStatus, on day: LocalDate, policy: Policy)
        -> LocalDate?
    {
        let phase: ResolvedWindow.Phase = stage == .cityReview ? .city : .province
        return policy.window(open: phase, on: day)?.range(phase).upperBound
    }
}

extension ResolvedWindow.Phase {
    public var chinese: String {
        switch self {
        case .school: "院校申报"
        case .city: "市级初审"
        case .province: "省级审核"
        }
    }

    public var english: String {
        switch self {
        case .school: "school phase"
        case .city: "city review"
        case .province: "province review"
        }
    }
}

extension Policy {
    /// The window whose `phase` is open on `day`, else the next one to open (this year or the next).
    public func currentOrNext(_ phase: ResolvedWindow.Phase, on day: LocalDate) -> ResolvedWindow? {
        if let open = window(open: phase, on: day) { return open }
        return (windows(in: day.year) + windows(in: day.year + 1)).filter { $0.range(phase).lowerBound > day }
            .min { $0.range(phase).lowerBound < $1.range(phase).lowerBound }
    }

    /// "下一次院校申报：秋季 2026年9月1日至2026年9月7日" — what an `outside_window` or
    /// `review_phase_closed` message tells the user to wait for.
    public func nextPhaseText(_ phase: ResolvedWindow.Phase, after day: LocalDate) -> String {
        guard let next = currentOrNext(phase, on: day) else { return "本省政策中没有后续的\(phase.chinese)时间" }
        let r = next.range(phase)
        return
            "\(r.contains(day) ? "本次" : "下一次")\(phase.chinese)：\(next.name) \(r.lowerBound.chinese)至\(r.upperBound.chinese)"
    }

    public func nextPhaseEnglish(_ phase: ResolvedWindow.Phase, after day: LocalDate) -> String {
        guard let next = currentOrNext(phase, on: day) else { return "the policy sets no further \(phase.english)" }
        let r = next.range(phase)
        return "\(r.contains(day) ? "this" : "next") \(phase.english): \(next.name) \(r.lowerBound) to \(r.upperBound)"
    }
}
