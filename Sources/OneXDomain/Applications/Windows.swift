/// A window of one year with its three phases as calendar days (both ends included, 00:00 on
/// the first day to 23:59:59.999 on the last, Asia/Shanghai).
public struct ResolvedWindow: Sendable, Equatable {
    public var name: String
    public var school: ClosedRange<LocalDate>
    public var city: ClosedRange<LocalDate>
    public var province: ClosedRange<LocalDate>
    /// `nil`: the rules' limit applies; `.some(nil)`: no limit in this window (HN-10).
    public var decreaseLimit: Double??
    /// `false`: changes approved in this window stay out of the adjustment rate (HN-10).
    public var countsInIndicators: Bool

    public enum Phase: String, Sendable { case school, city, province }

    public func range(_ phase: Phase) -> ClosedRange<LocalDate> {
        switch phase {
        case .school: school
        case .city: city
        case .province: province
        }
    }
}

extension Policy {
    /// Every window that can touch a day in `year`: the recurring ones of that year and the
    /// extra ones whose phases fall in it.
    public func windows(in year: Int) -> [ResolvedWindow] {
        func day(_ md: String) -> LocalDate {
            let m = MonthDay(md)!
            return LocalDate(year: year, month: m.month, day: m.day)
        }
        var out = recurringWindows.map { w in
            ResolvedWindow(name: w.name, school: day(w.school[0])...day(w.school[1]), city: day(w.city[0])...day(w.city[1]),
                           province: day(w.province[0])...day(w.province[1]), decreaseLimit: w.decreaseLimit,
                           countsInIndicators: w.countsInIndicators ?? true)
        }
        for w in extraWindows {
            let s = LocalDate(w.school[0])!...LocalDate(w.school[1])!
            let c = LocalDate(w.city[0])!...LocalDate(w.city[1])!
            let p = LocalDate(w.province[0])!...LocalDate(w.province[1])!
            if [s.lowerBound.year, s.upperBound.year, p.upperBound.year].contains(year) {
                out.append(ResolvedWindow(name: w.name, school: s, city: c, province: p, decreaseLimit: w.decreaseLimit,
                                          countsInIndicators: w.countsInIndicators ?? true))
            }
        }
        return out
    }

    /// The window whose `phase` is open on `day`, if any (extra windows first: they are the
    /// exception a province added on purpose).
    public func window(open phase: ResolvedWindow.Phase, on day: LocalDate) -> ResolvedWindow? {
        let all = windows(in: day.year)
        let extra = all.filter { w in !recurringWindows.contains { $0.name == w.name } }
        return (extra + all).first { $0.range(phase).contains(day) }
    }

    /// The decrease limit in force in a window: its own override, else the rules' limit.
    public func decreaseLimit(in window: ResolvedWindow?) -> Double? {
        if let window, case .some(let override) = window.decreaseLimit { return override }
        return rules.decreaseLimit
    }
}
