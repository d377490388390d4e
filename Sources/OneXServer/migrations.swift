import Fluent
import Vapor

/// Every migration in order. Append only: a migration that has run is never renamed or edited.
func registerMigrations(_ app: Application) {
    app.migrations.add(CreateCatalog())
    app.migrations.add(CreateAccounts())
    app.migrations.add(CreatePolicyVersions())
    app.migrations.add(CreateAuditEntries())
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(CreateApplicationsAndPlans())
    app.migrations.add(CreateNotices())
    app.migrations.add(CreateExamResults())
    app.migrations.add(IndexPlansForIndicators())
    app.migrations.add(CreateCandidateSessions())
    app.migrations.add(OrderCandidateSessions())
    app.migrations.add(AddCredentialEpoch())
    app.migrations.add(BoundStoredFigures())
    app.migrations.add(CreateImportJobs())
    app.migrations.add(CreateManualClock())
    app.migrations.add(AddCorrections())
    app.migrations.add(ScopeImportJobs())
    app.migrations.add(AddDisplayNames())
    app.migrations.add(AddNoticesSeen())
    app.migrations.add(AddApplicationNumbers())
    app.migrations.add(AddBulletinNumbers())
    app.migrations.add(CreateFeeStandards())
    app.migrations.add(CreatePayments())
    app.migrations.add(CreateFeeFiles())
    app.migrations.add(AddPaymentAllocations())
    app.migrations.add(CreateBiweeklyReports())
    app.migrations.add(CreateEligibilityRevocations())
    app.migrations.add(CreateRectificationLedger())
}
