import Foundation
import OneXDomain

/// A month as a grid of weeks, Monday first, with each activity on every day it spans (the
/// filings calendar of AH41-4). Server-rendered; on a phone the list below it carries the same.
enum MonthCalendar {
    struct Item {
        var starts: LocalDate
        var ends: LocalDate
        var label: HTML
        var link: String
        /// The CSS class of its badge (`ok`, `warn`, `muted`).
        var tone: String
    }

    /// `month` is `YYYY-MM`; nil when it is not one.
    static func html(month: String, items: [Item], today: LocalDate, lang: Lang) -> HTML? {
        guard let first = LocalDate(month + "-01") else { return nil }
        let days = LocalDate.daysIn(month: first.month, year: first.year)
        // 2024-01-01 was a Monday.
        let lead = ((first.days(since: LocalDate(year: 2024, month: 1, day: 1)) % 7) + 7) % 7
        let names =
            lang == .zh
            ? ["一", "二", "三", "四", "五", "六", "日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var cells: [HTML] = Array(repeating: "<td class=\"out\"></td>", count: lead)
        for d in 1...days {
            let day = LocalDate(year: first.year, month: first.month, day: d)
            let here = items.filter { !(day < $0.starts) && !($0.ends < day) }.map { i -> HTML in
                "<a class=\"badge \(i.tone)\" href=\"\(i.link)\">\(i.label)</a>"
            }
            let mark: HTML = day == today ? " class=\"today\"" : ""
            cells.append("<td\(mark)><span class=\"day\">\(d)</span>\(HTML.join(here))</td>")
        }
        cells += Array(repeating: "<td class=\"out\"></td>", count: (7 - cells.count % 7) % 7)
        let weeks = stride(from: 0, to: cells.count, by: 7).map {
            "<tr>\(HTML.join(Array(cells[$0..<$0 + 7])))</tr>" as HTML
        }
        let title =
            lang == .zh
            ? "\(first.year)年\(first.month)月" : "\(first.year)-\(String(format: "%02d", first.month))"
        return """
            <table class="calendar"><caption>\(title)</caption>
            <thead><tr>\(HTML.join(names.map { "<th scope=\"col\">\($0)</th>" as HTML }))</tr></thead>
            <tbody>\(HTML.join(weeks))</tbody></table>
            """
    }
}
