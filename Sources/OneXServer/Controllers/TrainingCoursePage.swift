import OneXDomain
import Vapor

/// One training course: what it is, its trainers and their industry share, the teachers the
/// reader may see with their outcomes, and the reader's forms — a school enrols a teacher, the
/// organisation records outcomes. A refused form comes back with what was typed.
enum TrainingCoursePage {
    static func register(on web: any RoutesBuilder) {
        web.get("training", ":id") { req in try await page(req, values: [:], errors: [], status: .ok) }
        web.post("training", ":id", "enrol") { req in try await enrol(req) }
        web.post("training", ":id", "participants", ":participant") { req in try await record(req) }
    }

    static func page(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .trainingCourses)
        let course = try await TrainingService.find(try FeesAPI.id(req), actor: actor, on: req.db)
        let data = Components.userText
        let path = SitePath.trainingCourse(course.id).path
        let csrf = CSRF.token(for: req)
        let share =
            course.trainers.isEmpty
            ? "—"
            : String(format: "%.1f%%", Double(course.industryTrainers) * 100 / Double(course.trainers.count))
        let facts: [(String, HTML)] = [
            (lang(.trainingNumber), "\(course.number)"), (lang(.trainingTitle), data(course.title)),
            (
                lang(.fieldCertificate),
                "\(data(course.certificateName))\(lang.bracketed(course.certificate)) \(lang(course.level))"
            ),
            (lang(.siteOrganization), data(course.organizationName)),
            (lang(.trainingDays), "\(lang.day(course.startsOn)) – \(lang.day(course.endsOn))"),
            (lang(.trainingPlace), data(course.place)),
            (lang(.trainingFee), "\(Fen.displayText(course.feePerHead))"),
            (lang(.trainingEnrolled), "\(course.enrolled)/\(course.seats)"),
            (
                lang(.trainingIndustryShare),
                "\(course.industryTrainers)/\(course.trainers.count)\(lang.bracketed(share))"
            ),
        ]
        let trainers = course.trainers.enumerated().map { i, t -> [HTML] in
            ["\(i + 1)", data(t.name), data(t.employer), "\(lang(t.fromIndustry ? .yes : .no))"]
        }
        let mayRecord = actor.role == .organization && actor.unit == course.organization
        let outcomes = TrainingOutcome.allCases.map { ($0.rawValue, lang($0)) }
        let participants = (course.participants ?? []).map { p -> [HTML] in
            var row: [HTML] = [data(p.schoolName), data(p.name), "\(p.phone ?? "")"]
            if mayRecord {
                let options = outcomes.map { v, l -> HTML in
                    "<option value=\"\(v)\"\(v == p.outcome.rawValue ? HTML(raw: " selected") : "")>\(l)</option>"
                }
                row.append(
                    """
                    <form method="post" action="\(path)/participants/\(p.id.uuidString)" class="toolbar">
                    <input type="hidden" name="_csrf" value="\(csrf)">
                    <select name="outcome" aria-label="\(lang(.trainingOutcome))">\(HTML.join(options))</select>
                    <input type="text" name="certificateNumber" value="\(p.certificateNumber ?? "")" placeholder="\(lang(.trainingCertificateNumber))" aria-label="\(lang(.trainingCertificateNumber))">
                    <button type="submit" class="btn secondary">\(lang(.trainingSave))</button>
                    </form>
                    """)
            } else {
                row.append("\(lang(p.outcome))\(p.certificateNumber.map { lang.bracketed($0) } ?? "")")
            }
            return row
        }
        let enrolForm: HTML =
            Access.may(.create, .trainingParticipants, actor)
            ? """
            <section class="panel"><h2>\(lang(.trainingEnrol))</h2>
            \(Components.form(action: "\(path)/enrol", csrf: csrf,
                              fields: [.init(name: "name", label: lang(.trainingTeacherName), required: true),
                                       .init(name: "idNumber", label: lang(.trainingTeacherID), hint: lang(.trainingTeacherIDHint)),
                                       .init(name: "phone", label: lang(.ledgerPhone))],
                              values: values, errors: errors, submit: lang(.trainingEnrol), cancel: nil, lang: lang,
                              idPrefix: "enrol"))
            </section>
            """ : ""
        let recordErrors: HTML =
            mayRecord && !errors.isEmpty ? Components.alert(html: Components.messages(errors, on: lang)) : ""
        let body: HTML = """
            <h1>\(lang(.navTraining)) \(course.number)</h1>
            \(recordErrors)
            \(Components.facts(facts))
            <section class="panel"><h2>\(lang(.trainingTrainers))</h2>
            \(Components.table(headers: ["#", lang(.trainingTrainerName), lang(.trainingTrainerEmployer), lang(.trainingFromIndustry)],
                               rows: trainers, empty: lang(.noRecords)))
            </section>
            \(course.participants == nil ? "" : HTML("""
                <section class="panel"><h2>\(lang(.trainingParticipants))</h2>
                \(Components.table(headers: [lang(.school), lang(.trainingTeacherName), lang(.ledgerPhone), lang(.trainingOutcome)],
                                   rows: participants, empty: lang(.noRecords)))
                </section>
                """))
            \(enrolForm)
            """
        let response = try await Layout.page(
            req: req, title: "\(lang(.navTraining)) \(course.number)",
            crumbs: [.init(title: lang(.navTraining), path: .training), .init(title: course.number)],
            body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func enrol(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .trainingParticipants)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        let id = try FeesAPI.id(req)
        do {
            _ = try await TrainingService.enrol(
                id, .init(name: values["name"], idNumber: values["idNumber"], phone: values["phone"]),
                actor: actor,
                now: req.now, hasher: req.application.onex.idHasher, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors
            return try await page(req, values: values, errors: errors, status: e.status)
        }
        return req.redirect(local: SitePath.trainingCourse(id).path)
    }

    static func record(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .update, .trainingParticipants)
        let values = try req.content.decode([String: String].self)
        let id = try FeesAPI.id(req)
        guard let participant = UUID(uuidString: try req.parameters.require("participant")) else {
            throw AppError.notFound
        }
        do {
            try await TrainingService.record(
                id, participant: participant,
                .init(
                    outcome: values["outcome"].flatMap(TrainingOutcome.init(rawValue:)),
                    certificateNumber: values["certificateNumber"]), actor: actor, now: req.now, on: req.db)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await page(req, values: [:], errors: e.errors, status: e.status)
        }
        return req.redirect(local: SitePath.trainingCourse(id).path)
    }
}
