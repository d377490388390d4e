import OneXDomain
import Vapor

/// With `ONEX_CLOCK=manual` (demos, trials), the province office moves OneX's time from a page,
/// to try the flow in any window: the school phase, a review phase, the forced exit.
enum ClockPage {
    static func register(on web: any RoutesBuilder) {
        web.get("admin", "clock") { req in try render(req, error: nil) }
        web.post("admin", "clock") { req -> Response in
            _ = try req.actor(in: .provinceAdmin)
            guard let clock = req.application.onex.manualClock else { throw AppError.notFound }
            struct Form: Content {
                var day: String?
                var time: String?
            }
            let form = try req.content.decode(Form.self)
            let time = (form.time?.isEmpty ?? true) ? "09:00" : form.time ?? ""
            // The day strictly (no 30 February), then the instant in Beijing time.
            guard let day = LocalDate(form.day ?? ""),
                let date = Shanghai.parseInstant("\(day)T\(time):00+08:00")
            else {
                let page = try render(req, error: req.lang(.clockInvalid))
                let response = try await page.encodeResponse(for: req)
                response.status = .unprocessableEntity
                return response
            }
            try await SharedManualClock.set(date, clock: clock, on: req.db)
            return req.redirect(local: SitePath.home.path)
        }
    }

    static func render(_ req: Request, error: String?) throws -> HTML {
        let lang = req.lang
        _ = try req.actor(in: .provinceAdmin)
        guard req.application.onex.manualClock != nil else { throw AppError.notFound }
        let now = LocalDate(req.now)
        let minute = String(Shanghai.minuteText(req.now).suffix(5))
        let body: HTML = """
            <h1>\(lang(.clockTitle))</h1>
            <p class="muted">\(lang(.clockIntro))</p>
            \(error.map { Components.alert($0) } ?? "")
            \(Components.facts([(lang(.clockNow), "\(lang(now)) \(minute)")]))
            <form method="post" action="/admin/clock" class="stack">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <div class="field"><label for="day">\(lang(.clockDay))</label><input type="date" id="day" name="day" value="\(now.description)" required></div>
            <div class="field"><label for="time">\(lang(.clockTime))</label><input type="time" id="time" name="time" value="\(minute)"></div>
            <div class="field"><button type="submit" class="btn">\(lang(.clockSet))</button></div>
            </form>
            """
        return Layout.page(
            req: req, title: lang(.clockTitle), crumbs: [.init(title: lang(.clockTitle))], body: body)
    }
}
