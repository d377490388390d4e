import OneXDomain
import Vapor

/// Teachers' X-certificate training hours through the API (AH41-7).
enum WorkloadAPI {
    static func register(on authed: any RoutesBuilder) {
        let workloads = authed.grouped("teacher-workloads")
        workloads.get { req in
            let actor = try req.actor(reading: .workloads)
            let all = try await WorkloadPages.summaries(req, actor: actor, year: try SitesAPI.year(req))
            let paging = try Paging(req)
            return try JSONBody.response(
                ListBody(items: Array(all.dropFirst(paging.offset).prefix(paging.limit)), total: all.count))
        }
        workloads.post { req in
            let actor = try req.actor(may: .create, .workloads)
            let draft = try JSONBody.decode(WorkloadService.Draft.self, from: req)
            try await WorkloadService.record(
                draft, actor: actor, now: req.now, hasher: req.application.onex.idHasher, on: req.db)
            let list = try await WorkloadService.summaries(
                year: draft.year ?? LocalDate(req.now).year, actor: actor, on: req.db)
            return try JSONBody.response(ListBody(items: list, total: list.count), status: .created)
        }
    }
}
