import OneXDomain
import Vapor

/// OneX's own services on the application: configuration and the injectable clock.
public struct OneXContext: Sendable {
    public let config: AppConfig
    public let clock: any Clock
    /// Set when `ONEX_CLOCK=manual`: the clock that `PUT /api/v1/admin/clock` moves.
    public let manualClock: ManualClock?
    let idHasher: IDHasher
    var databasePool = DatabasePoolUse(applicationName: DatabasePoolUse.name())
}

extension Application {
    private struct OneXKey: StorageKey {
        typealias Value = OneXContext
    }

    public var onex: OneXContext {
        get {
            guard let value = storage[OneXKey.self] else { fatalError("configure(_:config:) has not run") }
            return value
        }
        set { storage[OneXKey.self] = newValue }
    }
}

extension Request {
    /// The time for rules, jobs and pages: never `Date()` directly.
    public var now: Date { application.onex.clock.now() }
}
