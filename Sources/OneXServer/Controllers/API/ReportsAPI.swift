import OneXDomain
import Vapor

/// Biweekly reports through the API (api.md, "Reporting"; AH41-9).
enum ReportsAPI {
    static func register(on authed: any RoutesBuilder) {
        authed.post("biweekly-reports") { req in
            let actor = try req.actor(may: .create, .reports)
            let input = try JSONBody.decode(BiweeklyReportService.Input.self, from: req)
            return try JSONBody.response(
                try await BiweeklyReportService.file(input, actor: actor, now: req.now, on: req.db),
                status: .created)
        }
        authed.on(.POST, "biweekly-reports", "import", body: .collect(maxSize: "64mb")) { req in
            let actor = try req.actor(may: .importFile, .reports)
            let table = try CatalogService.readUpload(req.body.data.map { Data(buffer: $0) } ?? Data())
            return try JSONBody.response(
                try await BiweeklyReportService.importPlatform(table, actor: actor, now: req.now, on: req.db))
        }
        authed.get("biweekly-reports") { req in
            let actor = try req.actor(reading: .reports)
            let items = try await BiweeklyReportService.list(
                actor: actor, school: req.queryText("school"), on: req.db)
            return try JSONBody.response(ListBody(items: items, total: items.count))
        }
        struct Reason: Content { var reason: String? }
        authed.post("compliance", "biweekly", ":school", ":action") { req in
            let actor = try req.actor(in: .provinceAdmin)
            let school = try req.parameters.require("school")
            let reason = req.body.data == nil ? nil : try JSONBody.decode(Reason.self, from: req).reason
            switch try req.parameters.require("action") {
            case "revocation":
                return try JSONBody.response(
                    try await EligibilityService.revoke(
                        school: school, reason: reason, actor: actor, now: req.now, on: req.db),
                    status: .created)
            case "lift":
                return try JSONBody.response(
                    try await EligibilityService.lift(
                        school: school, reason: reason, actor: actor, now: req.now, on: req.db))
            default:
                throw AppError.notFound
            }
        }
        authed.get("compliance", "biweekly") { req in
            let actor = try req.actor(reading: .reports)
            let items = try await BiweeklyReportService.compliance(
                actor: actor, today: LocalDate(req.now), on: req.db)
            if req.queryText("by") == "region" {
                let totals = BiweeklyReportService.totals(items)
                return try JSONBody.response(ListBody(items: totals, total: totals.count))
            }
            return try JSONBody.response(ListBody(items: items, total: items.count))
        }
    }
}
