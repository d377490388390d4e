import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Runs the scheduled jobs by themselves in the embedded set-up: once a minute it asks the
/// injected clock for today and runs each job that is due and has not run today. A run is
/// claimed by inserting (job, day) into `job_runs` first, under a unique key, so two app
/// servers on one PostgreSQL never run the same job twice on one day.
public final class JobScheduler: LifecycleHandler, @unchecked Sendable {
    // @unchecked: `task` is set in didBoot and cancelled in shutdown, never concurrently.
    private var task: Task<Void, Never>?
    private let interval: Duration

    public init(interval: Duration = .seconds(60)) { self.interval = interval }

    public func didBootAsync(_ app: Application) async throws {
        let interval = self.interval
        task = Task {
            while !Task.isCancelled {
                await Self.tick(app)
                try? await Task.sleep(for: interval)
            }
        }
    }

    public func shutdownAsync(_ app: Application) async {
        task?.cancel()
        // A tick under way finishes before the databases close (a server that cannot bind its
        // port shuts down seconds after its first tick began).
        await task?.value
    }

    static func tick(_ app: Application) async {
        let now = app.onex.clock.now()
        do {
            guard let policy = try await PolicyVersion.current(on: app.db)?.policy() else { return }
            let day = LocalDate(now)
            if ForcedExit.inExitPeriod(day, policy: policy),
                try await claim("forcedExit", day: day, now: now, on: app.db)
            {
                let result = try await PlanService.runForcedExit(now: now, actor: "scheduler", on: app.db)
                app.logger.notice("forcedExit \(day): exited \(result.exited.count) plans")
                Metrics.shared.jobFinished("forcedExit", at: now, failed: false)
            }
            if policy.monitoring.isSnapshotDay(day),
                try await claim("monitoringSnapshot", day: day, now: now, on: app.db)
            {
                let result = try await MonitoringService.snapshot(now: now, on: app.db)
                app.logger.notice(
                    "monitoringSnapshot \(day): \(result.schools) schools, \(result.warned.count) warned")
                Metrics.shared.jobFinished("monitoringSnapshot", at: now, failed: false)
            }
            if try await claim("databaseStatistics", day: day, now: now, on: app.db) {
                try await DatabaseStatistics.refresh(on: app.db.sql())
                Metrics.shared.jobFinished("databaseStatistics", at: now, failed: false)
            }
            if try await claim("biweeklyCheck", day: day, now: now, on: app.db) {
                let result = try await BiweeklyReportService.check(now: now, on: app.db)
                if result.noticesSent > 0 {
                    app.logger.notice("biweeklyCheck \(day): \(result.flagged.count) schools flagged")
                }
                Metrics.shared.jobFinished("biweeklyCheck", at: now, failed: false)
            }
            if try await claim("windowNotices", day: day, now: now, on: app.db) {
                let sent = try await NoticeService.windowReminders(now: now, policy: policy, on: app.db)
                if sent > 0 { app.logger.notice("windowNotices \(day): \(sent) notices") }
                Metrics.shared.jobFinished("windowNotices", at: now, failed: false)
            }
            // Not a daily job: the schools whose data changed since the last tick, and on a new
            // day those whose ageing moved on, so readers find the figures ready.
            try await ArrearsLedger.refresh(
                .all, today: day, deadline: policy.rules.settlementDeadlineDay, on: app.db)
        } catch {
            Metrics.shared.jobFinished("failed", at: now, failed: true)
            app.logger.error("scheduled jobs failed: \(String(reflecting: error))")
        }
    }

    /// True when this server won the day's run of `job`.
    static func claim(_ job: String, day: LocalDate, now: Date, on db: any Database) async throws -> Bool {
        if try await JobRun.query(on: db).filter(\.$job == job).filter(\.$day == day.description).first()
            != nil
        {
            return false
        }
        let run = JobRun()
        run.job = job
        run.day = day.description
        run.result = "claimed"
        run.at = now
        do {
            try await run.create(on: db)
            return true
        } catch let e as any DatabaseError where e.isConstraintFailure {
            return false
        }
    }
}
