import Fluent
import Foundation
import OneXDomain

/// National cost caps for many certificates at once (MOE12-1): a file of certificate codes and
/// caps in yuan, all or nothing. Each certificate is saved through its own store, so the caps
/// meet the same checks as on the certificate form, and every change is audited.
enum CostCapImport {
    static let name = "costCaps"

    static func importTable(_ table: [[String]], actor: String, at: Date, on db: any Database) async throws
        -> CatalogService.ImportResult
    {
        let known: CatalogImport.KnownCodes = [.certificates: try await CertificateStore.allCodes(on: db)]
        let rows: [CatalogImport.Row<CostCapRecord>]
        switch CatalogImport.plan(CostCapRecord.self, table: table, known: known) {
        case .failure(let e): throw AppError.invalid(e.errors, detail: "文件未导入：共\(e.errors.count)处问题")
        case .success(let r): rows = r
        }
        var records: [CertificateRecord] = []
        var errors: [FieldError] = []
        for row in rows {
            guard var certificate = try await CertificateStore.find(row.record.code, scope: .all, on: db)
            else {
                continue
            }
            let problems = row.record.problems(levels: certificate.levels)
            errors += problems.map {
                var e = $0
                e.line = row.line
                return e
            }
            certificate.costCaps.merge(row.record.costCaps) { $1 }
            records.append(certificate)
        }
        if !errors.isEmpty { throw AppError.invalid(errors, detail: "文件未导入：共\(errors.count)处问题") }
        let changed = records
        return try await db.writeTransaction { tx in
            let resolver = CodeResolver(tx)
            let audit = AuditWriter(tx)
            var result = CatalogService.ImportResult(created: 0, updated: 0)
            for record in changed {
                let (before, _) = try await CertificateStore.save(record, resolver: resolver, on: tx)
                if before == record { continue }
                result.updated += 1
                try await audit.append(
                    actor: actor, action: "import.costCaps", entity: CatalogKind.certificates.rawValue,
                    key: record.code, before: before, after: record, at: at)
            }
            return result
        }
    }
}
