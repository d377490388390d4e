import Fluent
import OneXDomain
import OneXTabular
import Vapor

/// Upload a CSV or XLSX into a catalog table, or cost caps into the certificates already there;
/// all or nothing, with a line-numbered report.
enum ImportPages {
    /// What a file can be imported into: a catalog table, or the certificates' cost caps only.
    enum Target: Equatable {
        case catalog(CatalogKind)
        case costCaps

        static let all = CatalogKind.allCases.map(Target.catalog) + [.costCaps]

        init?(name: String) {
            if name == CostCapImport.name {
                self = .costCaps
            } else if let kind = CatalogKind(rawValue: name) {
                self = .catalog(kind)
            } else {
                return nil
            }
        }

        var name: String {
            switch self {
            case .catalog(let kind): kind.rawValue
            case .costCaps: CostCapImport.name
            }
        }

        var title: UIText {
            switch self {
            case .catalog(let kind): kind.title
            case .costCaps: .importCostCaps
            }
        }

        var columns: [Column] {
            switch self {
            case .catalog(let kind): kind.columns
            case .costCaps: CostCapRecord.columns
            }
        }

        /// The catalog table the columns' values are described by.
        var kind: CatalogKind {
            switch self {
            case .catalog(let kind): kind
            case .costCaps: .certificates
            }
        }

        func importTable(_ table: [[String]], actor: String, at: Date, on db: any Database) async throws
            -> CatalogService.ImportResult
        {
            switch self {
            case .catalog(let kind):
                try await CatalogService.importTable(kind: kind, table: table, actor: actor, at: at, on: db)
            case .costCaps: try await CostCapImport.importTable(table, actor: actor, at: at, on: db)
            }
        }
    }

    static func register(on web: any RoutesBuilder) {
        web.get("imports") { req in try render(req, selected: .catalog(.schools), outcome: nil) }
        web.form("imports", maxSize: "64mb") { req in try await upload(req) }
        web.get("imports", "template", ":file") { req in
            _ = try req.actor(may: .importFile, .schools)
            let name = (try req.parameters.require("file")).replacingOccurrences(of: ".csv", with: "")
            guard let target = Target(name: name) else { throw AppError.notFound }
            return Download.file(
                [target.columns.map { req.lang($0.label) }], name: "\(target.name)-template", format: .csv)
        }
    }

    enum Outcome {
        case done(CatalogService.ImportResult, String)
        case rejected([FieldError], String)
    }

    static func render(
        _ req: Request, selected: Target, outcome: Outcome?, status: HTTPResponseStatus = .ok
    ) throws -> Response {
        let lang = req.lang
        _ = try req.actor(may: .importFile, .schools)
        var result: HTML = ""
        switch outcome {
        case .done(let r, let file)?:
            result = Components.alert(
                "\(lang(.importDone))\(lang.colon)\(file) · \(lang(.importCreated)) \(r.created) · \(lang(.importUpdated)) \(r.updated)",
                ok: true)
        case .rejected(let errors, let file)?:
            let labels = Dictionary(
                selected.columns.map { ($0.field, lang($0.label)) }, uniquingKeysWith: { a, _ in a })
            result =
                "\(Components.alert(lang(.importRejected) + lang.bracketed(file)))\(Components.errorList(errors, lang: lang) { labels[$0] ?? $0 })"
        case nil: break
        }
        let options = Target.all.map { k -> HTML in
            "<option value=\"\(k.name)\"\(k == selected ? HTML(raw: " selected") : "")>\(lang(k.title))</option>"
        }
        let columnHelp = Target.all.map { k -> HTML in
            let rows = k.columns.map { c -> [HTML] in
                [
                    "\(lang(c.label))", "<code>\(c.field)</code>", "\(c.required ? lang(.yes) : lang(.no))",
                    "\(allowedValues(k.kind, c.field, lang))",
                ]
            }
            return """
                <h3>\(lang(k.title)) <a class="btn secondary" href="\(SitePath.importTemplate(k.name).path)">\(lang(.importTemplate))</a></h3>
                \(Components.table(headers: [lang(.columnLabel), lang(.columnField), lang(.columnRequired), lang(.columnValues)], rows: rows, empty: ""))
                """
        }
        let body: HTML = """
            <h1>\(lang(.importTitle))</h1>
            <p>\(lang(.importIntro))</p>
            \(result)
            <form method="post" action="\(SitePath.imports.path)" enctype="multipart/form-data" class="stack">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <div class="field"><label for="table">\(lang(.importTable))</label><select id="table" name="table">\(options)</select></div>
            <div class="field"><label for="file">\(lang(.importFile))</label><input type="file" id="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></div>
            <div class="field"><button type="submit" class="btn">\(lang(.importButton))</button></div>
            </form>
            <h2>\(lang(.importColumns))</h2>
            <p class="muted">\(lang(.importColumnsHint))</p>
            \(HTML.join(columnHelp))
            """
        let html = Layout.page(
            req: req, title: lang(.importTitle), crumbs: [.init(title: lang(.navImports))], body: body)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html.raw))
    }

    /// What a column accepts, in the reader's words.
    static func allowedValues(_ kind: CatalogKind, _ field: String, _ lang: Lang) -> String {
        let list = { (items: [String]) in items.joined(separator: lang.listSeparator) }
        switch (kind, field) {
        case (.regions, "kind"): return list(RegionKind.allCases.map { lang($0) })
        case (.schools, "kind"): return list(SchoolKind.allCases.map { lang($0) })
        case (_, "levels"):
            return list(Level.allCases.map { lang($0) })
                + lang(.valuesSeveral)
        case (_, "region"): return lang(.valuesRegionCode)
        case (_, "organization"): return lang(.valuesOrganizationCode)
        case (_, "certificate"): return lang(.valuesCertificateCode)
        case (_, "leadSchool"), (_, "members"): return lang(.valuesSchoolCodes)
        case (_, "nationalPlatformRegistered"): return lang(.valuesYesNo)
        case (_, "filedOn"): return "YYYY-MM-DD"
        case (_, "batch"): return "1–4"
        case (_, "minCandidates"): return lang(.valuesWholeNumber)
        case (_, let f) where f.hasPrefix("costCap"): return lang(.valuesYuan)
        default: return lang(.valuesText)
        }
    }

    struct UploadForm: Content {
        var table: String
        var file: File?
    }

    static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .importFile, .schools)
        let form = try req.content.decode(UploadForm.self)
        guard let kind = Target(name: form.table) else {
            throw AppError.badRequest("未知的数据表：\(form.table)")
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try render(
                req, selected: kind,
                outcome: .rejected([FieldError(code: "required", .noFile)], ""),
                status: .unprocessableEntity)
        }
        do {
            let table = try CatalogService.readUpload(Data(buffer: file.data))
            let result = try await kind.importTable(table, actor: actor.username, at: req.now, on: req.db)
            return try render(req, selected: kind, outcome: .done(result, file.filename))
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try render(
                req, selected: kind, outcome: .rejected(e.errors, file.filename), status: .unprocessableEntity
            )
        }
    }
}
