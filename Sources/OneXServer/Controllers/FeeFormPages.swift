import OneXDomain
import Vapor

/// Anhui's fee rectification lists as printable sheets and workbooks (AH38-7): 附件1 beside the
/// fee-standard coverage, 附件2 beside the arrears.
enum FeeFormPages {
    static func register(on web: any RoutesBuilder) {
        web.get("fees", "coverage", "form") { req in try await render("standards", req) }
        web.get("fees", "arrears", "form") { req in try await render("payments", req) }
    }

    static func render(_ name: String, _ req: Request) async throws -> Response {
        let today = LocalDate(req.now)
        let form: PrintForm
        let back: String
        if name == "standards" {
            let actor = try req.actor()
            form = try await FeeRectificationForms.standards(
                actor: actor, unit: try await unit(req), today: today, on: req.db)
            back = "/fees/coverage"
        } else {
            let actor = try req.actor(reading: .payments)
            form = try await FeeRectificationForms.payments(
                actor: actor, unit: try await unit(req), today: today, on: req.db)
            back = SitePath.arrears.path
        }
        return try await PrintSheet.response(
            form, attachment: FeeRectificationForms.attachment(name),
            file: "\(FeeRectificationForms.attachment(name))-\(form.title)-\(today)", back: back, req: req)
    }

    /// The unit that fills the list in: the reader's own, or the province's department.
    private static func unit(_ req: Request) async throws -> String {
        if let own = req.currentUser?.unitName { return own }
        return try await MonitoringService.issuingUnit(on: req.db)
    }
}
