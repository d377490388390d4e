import OneXDomain
import Vapor

/// Files of fee standards and payments, through the API and the pages alike: upload (the
/// proposing organisation, the paying school) and download (whoever may read the record).
enum FeeFileRoutes {
    enum Kind: String {
        case standard, payment

        var purposes: [FeeFilePurpose] {
            self == .standard ? FeeFilePurpose.forStandards : FeeFilePurpose.forPayments
        }
    }

    struct Upload: Content {
        var purpose: String
        var file: File?
    }

    static func register(api: any RoutesBuilder, web: any RoutesBuilder) {
        for (kind, apiPath, webPath) in [
            (Kind.standard, "fee-standards", ["fees", "standards"]),
            (.payment, "payments", ["fees", "payments"]),
        ] {
            api.on(.POST, [.constant(apiPath), ":id", "attachments"], body: .collect(maxSize: "20mb")) {
                req in
                let info = try await store(kind, req)
                return try JSONBody.response(info, status: .created)
            }
            api.get([.constant(apiPath), ":id", "attachments", ":attachment"]) { req in
                try await download(kind, req)
            }
            web.form(
                .constant(webPath[0]), .constant(webPath[1]), ":id", "attachments", maxSize: "20mb"
            ) { req -> Response in
                do {
                    _ = try await store(kind, req)
                } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
                    let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
                    switch kind {
                    case .standard:
                        return try await FeeStandardPages.detail(
                            req, values: [:], errors: errors, status: e.status)
                    case .payment:
                        return try await PaymentPages.detail(req, errors: errors, status: e.status)
                    }
                }
                let id = try FeesAPI.id(req)
                return req.redirect(
                    local: kind == .standard
                        ? SitePath.feeStandard(id).path : SitePath.payments.path + "/\(id.uuidString)")
            }
            web.get([.constant(webPath[0]), .constant(webPath[1]), ":id", "attachments", ":attachment"]) {
                req in
                try await download(kind, req)
            }
        }
    }

    /// The record named in the path, as the reader may see it (another's: 404).
    static func owner(_ kind: Kind, _ req: Request, actor: Actor) async throws -> FeeFileService.Owner {
        switch kind {
        case .standard:
            .standard(try await FeeStandardService.find(try FeesAPI.id(req), actor: actor, on: req.db).0)
        case .payment: .payment(try await PaymentService.find(try FeesAPI.id(req), actor: actor, on: req.db))
        }
    }

    static func store(_ kind: Kind, _ req: Request) async throws -> FeeFileService.Info {
        let actor = try req.actor(may: .create, kind == .standard ? .feeStandards : .payments)
        let owner = try await owner(kind, req, actor: actor)
        let upload = try req.content.decode(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            throw AppError.invalid([FieldError(code: "empty_file", message: "请选择要上传的文件", field: "file")])
        }
        return try await FeeFileService.store(
            owner, purpose: upload.purpose, file: file, actor: actor, now: req.now, on: req.db)
    }

    static func download(_ kind: Kind, _ req: Request) async throws -> Response {
        let actor = try req.actor(reading: kind == .standard ? .feeStandards : .payments)
        let owner = try await owner(kind, req, actor: actor)
        let file = try await FeeFileService.find(
            try req.parameters.require("attachment"), of: owner, on: req.db)
        return Response(
            status: .ok,
            headers: SafeHeaders.download(contentType: file.contentType, filename: file.filename),
            body: .init(data: file.data))
    }

    /// The files of a record and, for its owner, the upload form.
    static func section(
        _ kind: Kind, id: UUID, files: [FeeFileService.Info], canUpload: Bool, req: Request
    ) -> HTML {
        let lang = req.lang
        let base =
            (kind == .standard ? SitePath.feeStandard(id).path : SitePath.payments.path + "/\(id.uuidString)")
            + "/attachments"
        let rows = files.map { f -> [HTML] in
            [
                "<a href=\"\(base)/\(f.id.uuidString)\" translate=\"no\">\(f.filename)</a>",
                "\(lang(f.purpose))",
                "\(lang.day(LocalDate(f.at).description))",
            ]
        }
        var form: HTML = ""
        if canUpload {
            let options = kind.purposes.map { p -> HTML in
                "<option value=\"\(p.rawValue)\">\(lang(p))</option>"
            }
            form = """
                <form method="post" action="\(base)" enctype="multipart/form-data" class="toolbar">
                <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
                <select name="purpose" aria-label="\(lang(.purpose))">\(HTML.join(options))</select>
                <input type="file" name="file" accept="application/pdf,image/jpeg,image/png" aria-label="\(lang(.file))">
                <button type="submit" class="btn secondary">\(lang(.upload))</button>
                <span class="muted">\(lang(.feeFileRule))</span>
                </form>
                """
        }
        return """
            <section class="panel"><h2>\(lang(.attachments))</h2>
            \(Components.table(headers: [lang(.file), lang(.purpose), lang(.uploadedOn)], rows: rows, empty: lang(.noAttachments)))
            \(form)
            </section>
            """
    }
}
