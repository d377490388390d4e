import Foundation

/// What `/metrics` reports, in Prometheus' text format: requests by route, method and status
/// with a latency histogram per route, candidate imports, and scheduled jobs. Process-wide,
/// like Prometheus' default registry; each server of a deployment reports its own.
final class Metrics: @unchecked Sendable {
    // @unchecked: every access holds the lock.
    static let shared = Metrics()

    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var latency: [String: Histogram] = [:]
    private var imports = (runs: 0, failures: 0, rows: 0, seconds: 0.0)
    private var jobRuns: [String: Int] = [:]
    private var jobSuccess: [String: Double] = [:]

    func request(route: String, method: String, status: Int, seconds: Double) {
        lock.withLock {
            requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            var h = latency[route] ?? Histogram()
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { h.counts[i] += 1 }
            h.sum += seconds
            h.count += 1
            latency[route] = h
        }
    }

    func importFinished(rows: Int, seconds: Double, failed: Bool) {
        lock.withLock {
            imports.runs += 1
            imports.rows += rows
            imports.seconds += seconds
            if failed { imports.failures += 1 }
        }
    }

    func jobFinished(_ job: String, at: Date, failed: Bool) {
        lock.withLock {
            jobRuns[job, default: 0] += 1
            if !failed { jobSuccess[job] = at.timeIntervalSince1970 }
        }
    }

    func render() -> String {
        lock.withLock {
            func label(_ s: String) -> String {
                s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    .replacingOccurrences(of: "\n", with: "\\n")
            }
            var out = "# HELP onex_http_requests_total HTTP requests by route, method and status.\n# TYPE onex_http_requests_total counter\n"
            for (k, n) in requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
                out += "onex_http_requests_total{route=\"\(label(k.route))\",method=\"\(k.method)\",status=\"\(k.status)\"} \(n)\n"
            }
            out += "# HELP onex_http_request_duration_seconds Time to answer, by route.\n# TYPE onex_http_request_duration_seconds histogram\n"
            for (route, h) in latency.sorted(by: { $0.key < $1.key }) {
                let r = label(route)
                for (i, bound) in Self.buckets.enumerated() {
                    out += "onex_http_request_duration_seconds_bucket{route=\"\(r)\",le=\"\(bound)\"} \(h.counts[i])\n"
                }
                out += "onex_http_request_duration_seconds_bucket{route=\"\(r)\",le=\"+Inf\"} \(h.count)\n"
                out += "onex_http_request_duration_seconds_sum{route=\"\(r)\"} \(h.sum)\n"
                out += "onex_http_request_duration_seconds_count{route=\"\(r)\"} \(h.count)\n"
            }
            out += """
                # HELP onex_candidate_imports_total Candidate-result imports finished.
                # TYPE onex_candidate_imports_total counter
                onex_candidate_imports_total \(imports.runs)
                # HELP onex_candidate_import_failures_total Candidate-result imports refused or failed.
                # TYPE onex_candidate_import_failures_total counter
                onex_candidate_import_failures_total \(imports.failures)
                # HELP onex_candidate_import_rows_total Rows read by finished imports.
                # TYPE onex_candidate_import_rows_total counter
                onex_candidate_import_rows_total \(imports.rows)
                # HELP onex_candidate_import_seconds_total Time spent in imports.
                # TYPE onex_candidate_import_seconds_total counter
                onex_candidate_import_seconds_total \(imports.seconds)
                # HELP onex_job_runs_total Scheduled job runs by job.
                # TYPE onex_job_runs_total counter

                """
            for (job, n) in jobRuns.sorted(by: { $0.key < $1.key }) { out += "onex_job_runs_total{job=\"\(label(job))\"} \(n)\n" }
            out += "# HELP onex_job_last_success_timestamp_seconds When a job last succeeded.\n# TYPE onex_job_last_success_timestamp_seconds gauge\n"
            for (job, t) in jobSuccess.sorted(by: { $0.key < $1.key }) {
                out += "onex_job_last_success_timestamp_seconds{job=\"\(label(job))\"} \(t)\n"
            }
            return out
        }
    }
}
