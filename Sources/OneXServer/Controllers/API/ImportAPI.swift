import OneXDomain
import Vapor

/// `POST /api/v1/imports/{table}`: a CSV or XLSX body, all or nothing.
enum ImportAPI {
    static func register(on api: any RoutesBuilder) {
        api.on(.POST, "imports", ":table", body: .collect(maxSize: "64mb")) { req in
            let actor = try req.actor(may: .importFile, .schools)
            guard let target = ImportPages.Target(name: try req.parameters.require("table")) else {
                throw AppError.notFound
            }
            let data = req.body.data.map { Data(buffer: $0) } ?? Data()
            let table = try CatalogService.readUpload(data)
            return try JSONBody.response(
                try await target.importTable(table, actor: actor.username, at: req.now, on: req.db))
        }
    }
}
