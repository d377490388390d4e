import Foundation
import OneXDomain

/// The tools over a list: a search box with a status choice, and the Excel and CSV exports of
/// what the filter shows. The filter travels as query parameters, so the exports and the pager
/// (`Components.pager`) keep it.
enum ListTools {
    /// The search form; `statuses` as value and label, `extra` any further controls.
    static func search(
        action: String, text: String?, placeholder: String, statuses: [(String, String)], status: String?,
        extra: HTML = "", lang: Lang
    ) -> HTML {
        let options = ([("", lang(.status))] + statuses).map { v, l -> HTML in
            "<option value=\"\(v)\"\(v == (status ?? "") ? HTML(raw: " selected") : "")>\(l)</option>"
        }
        let statusBox: HTML =
            statuses.isEmpty
            ? "" : "<select name=\"status\" aria-label=\"\(lang(.status))\">\(HTML.join(options))</select>"
        return """
            <form method="get" action="\(action)" class="toolbar">
            <input type="search" name="q" value="\(text ?? "")" placeholder="\(placeholder)" aria-label="\(placeholder)">
            \(statusBox)\(extra)
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            </form>
            """
    }

    /// Links to `path/export.xlsx` and `path/export.csv` with the filter.
    static func exports(path: String, query: [(String, String)], lang: Lang) -> HTML {
        let kept = query.filter { !$0.1.isEmpty }.map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        let suffix = kept.isEmpty ? "" : "?" + kept
        return """
            <a class="btn secondary" href="\(path)/export.xlsx\(suffix)">\(lang(.exportXLSX))</a>
            <a class="btn secondary" href="\(path)/export.csv\(suffix)">\(lang(.exportCSV))</a>
            """
    }
}
