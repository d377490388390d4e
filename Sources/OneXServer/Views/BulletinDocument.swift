import FluentKit
import OneXDomain

/// The printable 通报 of pace warnings (AH22-8) on A4: the issuing office, the title, the
/// document number, the warned schools slowest first and the place for the stamp. The same
/// sheet inside the app and, once the province makes it public, on the public pages.
enum BulletinDocument {
    struct Content {
        var day: String
        var documentNumber: String?
        var issuer: String
        var threshold: String
        var warned: [MonitoringService.SchoolPace]
    }

    /// `above` is what the screen shows over the sheet and the printer leaves out.
    static func html(_ c: Content, above: HTML, lang: Lang) -> HTML {
        let rows = c.warned.enumerated().map { i, s -> [HTML] in
            [
                HTML(raw: String(i + 1)), "\(s.region)", "\(s.name)", HTML(raw: String(s.planned)),
                HTML(raw: String(s.completed)),
                HTML(raw: String(Int(clampingRounded: s.expected.rounded()))),
                "\(IndicatorSet.percent(s.pace))",
            ]
        }
        // On the document the day is written the Chinese way (2026年7月1日).
        let written = lang.day(c.day)
        return """
            <div class="a4">
            <p class="noprint">\(above)</p>
            <p class="issuer">\(c.issuer)</p>
            <h1 class="form-title">\(lang(.bulletinTitle))</h1>
            <p class="doc-number">\(c.documentNumber ?? lang(.documentNumberBlank))</p>
            <p>\(lang(.bulletinIntro(day: written, threshold: c.threshold)))</p>
            \(Components.table(headers: [lang(.serialNumber), lang(.region), lang(.school), lang(.plannedPeople), lang(.completedPeople),
                                         lang(.expectedPeople), lang(.paceRatio)], rows: rows, numeric: [0, 3, 4, 5, 6], empty: lang(.noRecords)))
            <div class="stamp-block"><p>\(c.issuer)<span class="stamp">\(lang(.stampHere))</span></p><p>\(written)</p></div>
            </div>
            """
    }

    /// The sheet's content for a snapshot day, the warned schools limited to `region` if given.
    static func content(_ day: String, documentNumber: String?, region: String?, on db: any Database)
        async throws -> Content
    {
        let policy = try await PolicyVersion.current(on: db)?.policy()
        return Content(
            day: day, documentNumber: documentNumber, issuer: try await MonitoringService.issuingUnit(on: db),
            threshold: IndicatorSet.percent(policy?.monitoring.warnBelowExpectedPace ?? 0.8),
            warned: try await MonitoringService.warnings(takenOn: day, region: region, on: db))
    }
}
