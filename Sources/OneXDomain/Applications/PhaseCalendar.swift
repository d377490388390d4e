/// Where a phase stands on a day, for the to-do list of the home pages: open (and how many days
/// are left, the last day counting), coming (and in how many days it opens), or nothing ahead.
public enum PhaseState: Sendable, Equatable {
    case open(ResolvedWindow, daysLeft: Int)
    case upcoming(ResolvedWindow, opensIn: Int)
    case noneAhead
}

extension Policy {
    public func state(of phase: ResolvedWindow.Phase, on day: LocalDate) -> PhaseState {
        guard let window = currentOrNext(phase, on: day) else { return .noneAhead }
        let range = window.range(phase)
        if range.contains(day) { return .open(window, daysLeft: day.days(until: range.upperBound) + 1) }
        return .upcoming(window, opensIn: day.days(until: range.lowerBound))
    }
}
