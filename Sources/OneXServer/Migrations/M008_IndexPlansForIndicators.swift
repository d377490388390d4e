import Fluent
import SQLKit

/// The indicators are sums over a year's plans (`IndicatorService`). An index holding exactly
/// the summed columns lets the database read those instead of every plan row; `school_id` at
/// the end lets the per-school sums behind the region and school-kind charts use it too, and
/// `last_exam_on` second finds the few plans examined after an "as of" day.
struct IndexPlansForIndicators: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.drop(index: "plans_year").run()
        try await sql.create(index: "plans_indicators").on("plans")
            .column("year").column("last_exam_on").column("status").column("count").column("new_count")
            .column("adjustment_count").column("exam_registered").column("exam_attended").column("exam_passed")
            .column("school_id").run()
        try await DatabaseStatistics.refresh(on: sql)
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.drop(index: "plans_indicators").run()
        try await sql.create(index: "plans_year").on("plans").column("year").run()
    }
}
