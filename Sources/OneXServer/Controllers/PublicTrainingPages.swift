import OneXDomain
import Vapor

/// Teacher-training notices without login (AH41-6, AH41-12: 主动公开…师资培训信息): each course
/// with its organisation, certificate, dates, place, fee and how many of its trainers come
/// from industry; as CSV and as an Atom feed. No teacher is named.
enum PublicTrainingPages {
    static func register(on web: any RoutesBuilder) {
        web.get("public", "training") { req in try await page(req) }
        web.get("public", "training.csv") { req in try await csv(req) }
        web.get("public", "training.atom") { req in try await feed(req) }
    }

    static func page(_ req: Request) async throws -> Response {
        let lang = req.lang
        let courses = try await TrainingService.list(limit: 500, on: req.db)
        let data = Components.userText
        let rows = courses.map { c -> [HTML] in
            [
                data(c.organizationName), "\(data(c.certificateName)) \(lang(c.level))", data(c.title),
                "\(lang.day(c.startsOn)) – \(lang.day(c.endsOn))", data(c.place), "\(Fen.displayText(c.feePerHead))",
                "\(c.industryTrainers)/\(c.trainers.count)",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.publicTraining))</h1>
            <p class="muted">\(lang(.trainingIntro))</p>
            <p class="toolbar"><a class="btn secondary" href="\(SitePath.publicTraining.path).csv">CSV</a>
            <a class="btn secondary" href="\(SitePath.publicTraining.path).atom">\(lang(.publicFeed))</a>
            <a href="\(SitePath.publicIndex.path)">\(lang(.publicIndex))</a></p>
            \(Components.table(
                headers: [lang(.nounOrganization), lang(.fieldCertificate), lang(.trainingTitle), lang(.trainingDays),
                          lang(.trainingPlace), lang(.trainingFee), lang(.trainingIndustryShare)],
                rows: rows, numeric: [5], empty: lang(.noRecords)))
            """
        return try await Layout.page(
            req: req, title: lang(.publicTraining),
            crumbs: [
                .init(title: lang(.publicIndex), path: .publicIndex), .init(title: lang(.publicTraining)),
            ],
            body: body
        ).encodeResponse(for: req)
    }

    static func csv(_ req: Request) async throws -> Response {
        let lang = req.lang
        let header = [
            lang(.trainingNumber), lang(.nounOrganization), lang(.fieldCertificate), lang(.trainingLevel),
            lang(.trainingTitle), lang(.trainingStartsOn), lang(.trainingEndsOn), lang(.trainingPlace),
            lang(.trainingFee), lang(.trainingSeats), lang(.trainingTrainers), lang(.trainingFromIndustry),
        ]
        let rows = try await TrainingService.list(on: req.db).map {
            [
                $0.number, $0.organizationName, $0.certificateName, lang($0.level), $0.title, $0.startsOn,
                $0.endsOn,
                $0.place, Fen.yuanText($0.feePerHead), "\($0.seats)", "\($0.trainers.count)",
                "\($0.industryTrainers)",
            ]
        }
        return Download.file([header] + rows, name: "teacher-training", format: .csv)
    }

    static func feed(_ req: Request) async throws -> Response {
        let courses = try await TrainingService.list(limit: 200, on: req.db)
        return AtomFeed(
            id: "urn:onex:public:teacher-training", title: "1+X证书师资培训", page: SitePath.publicTraining.path,
            entries: courses.compactMap { c in
                guard let day = LocalDate(c.startsOn) else { return nil }
                return .init(
                    id: "urn:onex:training:\(c.number)",
                    title: "\(c.certificateName)\(c.level.chinese)师资培训：\(c.title)",
                    updated: day.startOfDay,
                    summary:
                        "\(c.organizationName)于\(day.chinese)至\(LocalDate(c.endsOn)?.chinese ?? c.endsOn)在\(c.place)举办，每人\(Fen.displayText(c.feePerHead))，名额\(c.seats)人；培训师\(c.trainers.count)人，其中行业企业专家\(c.industryTrainers)人。"
                )
            }
        ).response(for: req)
    }
}
