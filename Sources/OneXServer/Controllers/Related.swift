import Fluent
import OneXDomain
import Vapor

/// What a detail page lists under the record: a region's schools, an organisation's certificates.
enum Related {
    static func section(kind: CatalogKind, code: String, actor: Actor, lang: Lang, on db: any Database) async throws -> HTML {
        switch kind {
        case .regions:
            let scope = Access.scope(of: .schools, for: actor)
            guard let q = SchoolStore.scoped(scope, on: db),
                let region = try await Region.query(on: db).filter(\.$code == code).first()
            else { return "" }
            // By the region's id: the scope may already have joined the regions table.
            let schools = try await q.filter(\.$region.$id == region.requireID()).sort(\.$code).all().map { try $0.toDomain() }
            let rows = schools.map { s -> [HTML] in
                ["<a href=\"\(SitePath.detail(.schools, s.code).path)\">\(s.code)</a>", "\(s.name)", "\(lang(s.kind))"]
            }
            return "<h2>\(lang(.relatedSchools))\(lang.bracketed(String(schools.count)))</h2>\(Components.table(headers: [lang(.fieldSchoolCode), lang(.fieldSchoolName), lang(.fieldSchoolKind)], rows: rows, empty: lang(.noRecords)))"
        case .organizations:
            let scope = Access.scope(of: .certificates, for: actor)
            guard let q = CertificateStore.scoped(scope, on: db) else { return "" }
            let certs = try await q.filter(\.$organization.$id == (try await Organization.query(on: db)
                .filter(\.$code == code).first()?.id ?? UUID())).sort(\.$code).all()
            let rows = certs.map { c -> [HTML] in
                ["<a href=\"\(SitePath.detail(.certificates, c.code).path)\">\(c.code)</a>", "\(c.name)", "\(c.batch)"]
            }
            return "<h2>\(lang(.relatedCertificates))\(lang.bracketed(String(certs.count)))</h2>\(Components.table(headers: [lang(.fieldCertificateCode), lang(.fieldCertificateName), lang(.fieldBatch)], rows: rows, empty: lang(.noRecords)))"
        default:
            return ""
        }
    }
}
