import OneXDomain
import Vapor

/// Teacher training in the browser (AH41-6): the courses, an organisation's new course with its
/// trainers, and the schools' qualified teachers. One course's page is `TrainingCoursePage`.
enum TrainingPages {
    static let trainerRows = 8

    static func register(on web: any RoutesBuilder) {
        web.get("training") { req in try await list(req) }
        web.get("training", "export.xlsx") { req in try await export(req, .xlsx) }
        web.get("training", "export.csv") { req in try await export(req, .csv) }
        web.get("training", "new") { req in try await new(req, values: [:], errors: [], status: .ok) }
        web.post("training", "new") { req in try await create(req) }
        web.get("training", "qualifications") { req in try await qualifications(req) }
        web.get("training", "qualifications", "export.xlsx") { req in
            try await qualificationsExport(req, .xlsx)
        }
        web.get("training", "qualifications", "export.csv") { req in try await qualificationsExport(req, .csv)
        }
        TrainingCoursePage.register(on: web)
    }

    static func list(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .trainingCourses)
        let text = req.queryText("q")
        let paging = try Paging(req, defaultLimit: 30)
        let (courses, total) = try await TrainingService.page(text: text, paging: paging, on: req.db)
        let data = Components.userText
        let rows = courses.map { c -> [HTML] in
            [
                "<a class=\"nowrap\" href=\"\(SitePath.trainingCourse(c.id).path)\">\(c.number)</a>",
                data(c.title),
                "\(data(c.certificateName)) \(lang(c.level))", data(c.organizationName),
                "\(lang.day(c.startsOn)) – \(lang.day(c.endsOn))", "\(Fen.displayText(c.feePerHead))",
                "\(c.industryTrainers)/\(c.trainers.count)", "\(c.enrolled)/\(c.seats)",
            ]
        }
        var tools: [HTML] = []
        if Access.may(.create, .trainingCourses, actor) {
            tools.append("<a class=\"btn\" href=\"/training/new\">\(lang(.trainingNew))</a>")
        }
        if Access.scope(of: .trainingParticipants, for: actor) != .none {
            tools.append(
                "<a class=\"btn secondary\" href=\"/training/qualifications\">\(lang(.trainingQualifications))</a>"
            )
        }
        tools.append(ListTools.exports(path: "/training", query: [("q", text ?? "")], lang: lang))
        let body: HTML = """
            <h1>\(lang(.navTraining))</h1>
            <p class="muted">\(lang(.trainingIntro))</p>
            <div class="toolbar">\(HTML.join(tools))</div>
            \(ListTools.search(action: "/training", text: text, placeholder: lang(.trainingSearch), statuses: [], status: nil, lang: lang))
            \(Components.table(
                headers: [lang(.trainingNumber), lang(.trainingTitle), lang(.fieldCertificate), lang(.siteOrganization),
                          lang(.trainingDays), lang(.trainingFee), lang(.trainingIndustryShare), lang(.trainingEnrolled)],
                rows: rows, numeric: [5], empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: "/training", query: [("q", text ?? "")], lang: lang))
            """
        return try await Layout.page(
            req: req, title: lang(.navTraining), crumbs: [.init(title: lang(.navTraining))], body: body
        ).encodeResponse(for: req)
    }

    /// Every course the search shows, with its trainers counted.
    static func export(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        _ = try req.actor(reading: .trainingCourses)
        let courses = try await TrainingService.page(text: req.queryText("q"), paging: nil, on: req.db).items
        let header = [
            lang(.trainingNumber), lang(.nounOrganization), lang(.fieldCertificate), lang(.trainingLevel),
            lang(.trainingTitle), lang(.trainingStartsOn), lang(.trainingEndsOn), lang(.trainingPlace),
            lang(.trainingFee), lang(.trainingSeats), lang(.trainingEnrolled), lang(.trainingTrainers),
            lang(.trainingFromIndustry),
        ]
        let rows = courses.map {
            [
                $0.number, $0.organizationName, $0.certificateName, lang($0.level), $0.title, $0.startsOn,
                $0.endsOn,
                $0.place, Fen.yuanText($0.feePerHead), "\($0.seats)", "\($0.enrolled)",
                "\($0.trainers.count)",
                "\($0.industryTrainers)",
            ]
        }
        return Download.file([header] + rows, name: "师资培训-\(LocalDate(req.now))", format: format)
    }

    static func new(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(may: .create, .trainingCourses)
        let certificates =
            try await CertificateStore.scoped(
                Access.scope(of: .certificates, for: actor), on: req.db)?.sort(\.$code).all() ?? []
        let fields: [Components.FormField] = [
            .init(
                name: "certificate", label: lang(.trainingCertificate),
                kind: .select(certificates.map { ($0.code, "\($0.name)\(lang.bracketed($0.code))") }),
                required: true),
            .init(
                name: "level", label: lang(.trainingLevel),
                kind: .select(Level.allCases.map { ($0.rawValue, lang($0)) }),
                required: true),
            .init(name: "title", label: lang(.trainingTitle), required: true),
            .init(name: "startsOn", label: lang(.trainingStartsOn), kind: .date, required: true),
            .init(name: "endsOn", label: lang(.trainingEndsOn), kind: .date, required: true),
            .init(name: "place", label: lang(.trainingPlace), required: true),
            .init(name: "feePerHead", label: lang(.trainingFee), kind: .yuan, required: true),
            .init(name: "seats", label: lang(.trainingSeats), kind: .number, required: true),
        ]
        // The trainers' problems stand by their table, the others by their fields.
        let trainerErrors = errors.filter { $0.field == "trainers" }
        let formErrors = errors.filter { $0.field != "trainers" }
        let rows = (1...trainerRows).map { i -> HTML in
            let industry = values["trainer-industry-\(i)"] == "true"
            return """
                <tr><td>\(i)</td>
                <td><input type="text" name="trainer-name-\(i)" value="\(values["trainer-name-\(i)"] ?? "")" aria-label="\(lang(.trainingTrainerName)) \(i)"></td>
                <td><input type="text" name="trainer-employer-\(i)" value="\(values["trainer-employer-\(i)"] ?? "")" aria-label="\(lang(.trainingTrainerEmployer)) \(i)"></td>
                <td><input type="checkbox" name="trainer-industry-\(i)" value="true"\(industry ? HTML(raw: " checked") : "") aria-label="\(lang(.trainingFromIndustry)) \(i)"></td></tr>
                """
        }
        let trainers: HTML = """
            <fieldset class="field\(trainerErrors.isEmpty ? "" : " has-error")" id="trainers"><legend>\(lang(.trainingTrainers)) <span class="req">*</span></legend>
            <div class="hint">\(lang(.trainingTrainersHint))</div>
            <table class="grid"><thead><tr><th>#</th><th>\(lang(.trainingTrainerName))</th><th>\(lang(.trainingTrainerEmployer))</th><th>\(lang(.trainingFromIndustry))</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody></table>
            \(trainerErrors.isEmpty ? "" : HTML("<div class=\"error\">\(Components.messages(trainerErrors, on: lang))</div>"))
            </fieldset>
            """
        let body: HTML = """
            <h1>\(lang(.trainingNew))</h1>
            <p class="muted">\(lang(.trainingIntro))</p>
            \(formErrors.isEmpty && !trainerErrors.isEmpty ? Components.alert(lang(.formHasErrors)) : "")
            \(Components.form(action: "/training/new", csrf: CSRF.token(for: req), fields: fields, values: values,
                              errors: formErrors, submit: lang(.trainingAnnounce), cancel: "/training", lang: lang, extra: trainers))
            """
        let response = try await Layout.page(
            req: req, title: lang(.trainingNew),
            crumbs: [.init(title: lang(.navTraining), path: .training), .init(title: lang(.trainingNew))],
            body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .trainingCourses)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        let trainers = (1...trainerRows).map { i in
            TrainingService.TrainerDraft(
                name: values["trainer-name-\(i)"], employer: values["trainer-employer-\(i)"],
                fromIndustry: values["trainer-industry-\(i)"] == "true")
        }
        let draft = TrainingService.Draft(
            certificate: values["certificate"], level: values["level"].flatMap(Level.init(rawValue:)),
            title: values["title"], startsOn: values["startsOn"], endsOn: values["endsOn"],
            place: values["place"],
            feePerHead: values["feePerHead"].map { Fen.parseYuan($0) ?? -1 },
            seats: values["seats"].map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 },
            trainers: trainers)
        do {
            let id = try await TrainingService.create(draft, actor: actor, now: req.now, on: req.db)
            return req.redirect(local: SitePath.trainingCourse(id).path)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await new(req, values: values, errors: e.errors, status: e.status)
        }
    }

    static func qualifications(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .trainingParticipants)
        let lines = try await TrainingService.qualifications(actor: actor, on: req.db)
        let rows = lines.enumerated().map { i, l -> [HTML] in
            [
                "\(i + 1)", Components.userText(l.name), "\(l.tally.teachers)", "\(l.tally.trainers)",
                "\(l.tally.examiners)", "\(l.tally.qualified)",
                "\(l.tally.share.map { String(format: "%.1f%%", $0 * 100) } ?? "—")",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.trainingQualifications))</h1>
            <p class="muted">\(lang(.trainingQualificationsIntro))</p>
            <p class="toolbar">\(ListTools.exports(path: "/training/qualifications", query: [], lang: lang))</p>
            \(Components.table(
                headers: [lang(.trainingRank), lang(.school), lang(.trainingTeachers), lang(.trainingTrainersQualified),
                          lang(.trainingExaminersQualified), lang(.trainingQualifiedCount), lang(.trainingQualifiedShare)],
                rows: rows, numeric: [0, 2, 3, 4, 5, 6], empty: lang(.noRecords)))
            """
        return try await Layout.page(
            req: req, title: lang(.trainingQualifications),
            crumbs: [
                .init(title: lang(.navTraining), path: .training),
                .init(title: lang(.trainingQualifications)),
            ],
            body: body
        ).encodeResponse(for: req)
    }

    static func qualificationsExport(_ req: Request, _ format: SitePath.ExportFormat) async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .trainingParticipants)
        let lines = try await TrainingService.qualifications(actor: actor, on: req.db)
        let header = [
            lang(.trainingRank), lang(.schoolCode), lang(.school), lang(.trainingTeachers),
            lang(.trainingTrainersQualified), lang(.trainingExaminersQualified),
            lang(.trainingQualifiedCount),
            lang(.trainingQualifiedShare),
        ]
        let rows = lines.enumerated().map { i, l in
            [
                "\(i + 1)", l.tally.school, l.name, "\(l.tally.teachers)", "\(l.tally.trainers)",
                "\(l.tally.examiners)",
                "\(l.tally.qualified)", l.tally.share.map { String(format: "%.1f%%", $0 * 100) } ?? "",
            ]
        }
        return Download.file([header] + rows, name: "教师资格情况-\(LocalDate(req.now))", format: format)
    }
}
