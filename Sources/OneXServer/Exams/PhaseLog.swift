import Foundation

/// How long each step of a long job took, for one log line an operator can read when a job
/// is slow ("staged 36s, new rows 18s, totals 1.2s, …").
struct PhaseLog: Sendable {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var phases: [(name: String, took: Duration)] = []

    init() { last = clock.now }

    mutating func done(_ name: String) {
        let now = clock.now
        phases.append((name, now - last))
        last = now
    }

    var line: String {
        phases.map { name, took in
            let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
            return "\(name) \(String(format: "%.2f", seconds)) s"
        }.joined(separator: ", ")
    }
}
