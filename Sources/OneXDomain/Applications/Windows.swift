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
    /// extra ones whose phases fall in it. Total over any policy: a phase that is not two days
    /// in order (which `problems()` refuses before a policy is stored) leaves its window out
    /// instead of trapping, and 02-29 falls on 02-28 in a common year.
    public func windows(in year: Int) -> [ResolvedWindow] {
        func recurring(_ days: [String]) -> ClosedRange<LocalDate>? {
            guard days.count == 2, let a = MonthDay(days[0]), let b = MonthDay(days[1]) else { return nil }
            func day(_ m: MonthDay) -> LocalDate {
                LocalDate(year: year, month: m.month, day: min(m.day, LocalDate.daysIn(month: m.month, year: year)))
            }
            return day(a) <= day(b) ? day(a)...day(b) : nil
        }
        func extra(_ days: [String]) -> ClosedRange<LocalDate>? {
            guard days.count == 2, let a = LocalDate(days[0]), let b = LocalDate(days[1]), a <= b else { return nil }
            return a...b
        }
        var out: [ResolvedWindow] = []
        for w in recurringWindows {
            guard let s = recurring(w.school), let c = recurring(w.city), let p = recurring(w.province) else { continue }
            out.append(ResolvedWindow(name: w.name, school: s, city: c, province: p, decreaseLimit: w.decreaseLimit,
                                      countsInIndicators: w.countsInIndicators ?? true))
        }
        for w in extraWindows {
            guard let s = extra(w.school), let c = extra(w.city), let p = extra(w.province) else { continue }
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
