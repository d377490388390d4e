import Foundation

/// The one source of "now" for rules, jobs and pages, so time-dependent rules can be tested
/// and demonstrated without waiting for a real date.
public protocol Clock: Sendable {
    func now() -> Date
}

extension Clock {
    public var today: LocalDate { LocalDate(now()) }
}

/// The real time.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until it is set (`ONEX_CLOCK=manual`, and every test).
public final class ManualClock: Clock, @unchecked Sendable {
    // @unchecked: the only state is `current`, always accessed under `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public func set(_ date: Date) {
        lock.lock()
        current = date
        lock.unlock()
    }
}
