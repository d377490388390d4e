import Fluent
import OneXDomain
import Vapor

/// The form controls of each catalog table: choices become selects, flags checkboxes.
enum FormFields {
    static func fields(for kind: CatalogKind, editing: Bool, lang: Lang, on db: any Database) async throws
        -> [Components.FormField]
    {
        let columns = kind.columns
        var out: [Components.FormField] = []
        for (i, c) in columns.enumerated() {
            var f = Components.FormField(name: c.field, label: lang(c.label), required: c.required)
            if i == 0 && editing { f.readOnly = true }
            switch (kind, c.field) {
            case (.regions, "kind"):
                f.kind = .select(RegionKind.allCases.map { ($0.rawValue, lang($0)) })
            case (.schools, "kind"):
                f.kind = .select(SchoolKind.allCases.map { ($0.rawValue, lang($0)) })
            case (_, "region"):
                let regions = try await Region.query(on: db).sort(\.$code).all()
                f.kind = .select(regions.map { ($0.code, $0.name + lang.bracketed($0.code)) })
            case (_, "organization"):
                let orgs = try await Organization.query(on: db).sort(\.$code).all()
                f.kind = .select(orgs.map { ($0.code, $0.name + lang.bracketed($0.code)) })
            case (_, "batch"):
                f.kind = .select((1...4).map { (String($0), lang(.batchNumber($0))) })
            case (_, "nationalPlatformRegistered"):
                f.kind = .checkbox
            case (_, "filedOn"):
                f.kind = .date
            case (_, "minCandidates"):
                f.kind = .number
            case (_, "costCapJunior"), (_, "costCapIntermediate"), (_, "costCapSenior"):
                f.kind = .yuan
            case (_, "levels"):
                f.hint = lang(.levelsHint)
            case (_, "members"):
                f.hint = lang(.valuesSchoolCodes)
            default: break
            }
            out.append(f)
        }
        return out
    }
}
