import Foundation

/// Progress of imports running in the background, so the browser can show a progress bar for
/// a file of 100,000 rows. Kept in memory: a restart loses only the bar, never data (an import
/// is one transaction).
actor ImportProgressRegistry {
    struct Progress: Codable, Sendable {
        enum State: String, Codable, Sendable { case running, done, failed }
        var state: State
        var processed: Int
        var total: Int
        var owner: String
        var summary: CandidateImport.Summary?
        var errors: [String]
    }

    private var entries: [UUID: Progress] = [:]

    func start(total: Int, owner: String) -> UUID {
        let id = UUID()
        entries[id] = Progress(state: .running, processed: 0, total: total, owner: owner, summary: nil, errors: [])
        return id
    }

    func update(_ id: UUID, processed: Int) {
        entries[id]?.processed = processed
    }

    func finish(_ id: UUID, summary: CandidateImport.Summary) {
        guard var entry = entries[id] else { return }
        entry.state = .done
        entry.processed = summary.rows
        entry.summary = summary
        entries[id] = entry
    }

    func fail(_ id: UUID, errors: [String]) {
        entries[id]?.state = .failed
        entries[id]?.errors = errors
    }

    /// Only the user who started an import sees its progress and result.
    func progress(_ id: UUID, owner: String) -> Progress? {
        guard let p = entries[id], p.owner == owner else { return nil }
        return p
    }
}
