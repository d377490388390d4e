import Foundation

/// Counts per key, shared between tasks.
final class Counter: @unchecked Sendable {
    // @unchecked: every access holds the lock.
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func increment(_ key: String) { lock.withLock { counts[key, default: 0] += 1 } }
    func value(_ key: String) -> Int { lock.withLock { counts[key, default: 0] } }
}
