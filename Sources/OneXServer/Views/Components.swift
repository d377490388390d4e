import OneXDomain
import Vapor

/// Building blocks every page uses: tables, pager, forms with inline errors, alerts.
enum Components {
    static func table(headers: [String], rows: [[HTML]], numeric: Set<Int> = [], empty: String) -> HTML {
        if rows.isEmpty { return "<p class=\"muted\">\(empty)</p>" }
        // One buffer for the whole table: long lists are built on every view.
        var out = "<table class=\"grid\"><thead><tr>"
        out.reserveCapacity(256 + rows.count * 64 * max(1, headers.count))
        for (i, h) in headers.enumerated() {
            out += numeric.contains(i) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"
            out += HTML.escape(h)
            out += "</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, c) in row.enumerated() {
                out += numeric.contains(i) ? "<td class=\"num\">" : "<td>"
                out += c.raw
                out += "</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        return HTML(raw: out)
    }

    /// A filter a link applied (a dashboard drill-down) that has no box of its own on the page.
    struct FilterChip {
        var label: String
        var value: String
        var remove: String
    }

    /// The applied filters, each with a link that removes it.
    static func filterChips(_ chips: [FilterChip], lang: Lang) -> HTML {
        guard !chips.isEmpty else { return "" }
        let items = chips.map { c -> HTML in
            """
            <li>\(c.label)\(lang.colon)<strong>\(c.value)</strong> \
            <a href="\(c.remove)" aria-label="\(lang(.removeFilter))\(lang.colon)\(c.label)" title="\(lang(.removeFilter))">×</a></li>
            """
        }
        return "<ul class=\"chips\" aria-label=\"\(lang(.appliedFilters))\">\(HTML.join(items))</ul>"
    }

    /// Previous/next links keeping the other query parameters.
    static func pager(total: Int, paging: Paging, path: String, query: [(String, String)], lang: Lang) -> HTML
    {
        func link(_ offset: Int) -> String {
            var items = query.filter { !$0.1.isEmpty }.map {
                "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            items.append("offset=\(offset)")
            return path + "?" + items.joined(separator: "&")
        }
        let page = paging.offset / paging.limit + 1
        let pages = max(1, (total + paging.limit - 1) / paging.limit)
        let prev: HTML =
            paging.offset > 0
            ? "<a href=\"\(link(max(0, paging.offset - paging.limit)))\" rel=\"prev\">\(lang(.previousPage))</a>"
            : ""
        let next: HTML =
            paging.offset + paging.limit < total
            ? "<a href=\"\(link(paging.offset + paging.limit))\" rel=\"next\">\(lang(.nextPage))</a>" : ""
        let count =
            lang == .zh
            ? "共 \(total) 条 · 第 \(page)/\(pages) 页" : "\(total) records · page \(page) of \(pages)"
        return "<div class=\"pager\"><span>\(count)</span>\(prev)\(next)</div>"
    }

    /// A record's facts as label–value pairs (the `dl.facts` grid of detail pages).
    static func facts(_ pairs: [(String, String)]) -> HTML {
        facts(pairs.map { ($0.0, HTML("\($0.1)")) })
    }

    static func facts(_ pairs: [(String, HTML)]) -> HTML {
        "<dl class=\"facts\">\(HTML.join(pairs.map { label, value -> HTML in "<dt>\(label)</dt><dd>\(value)</dd>" }))</dl>"
    }

    /// What a user typed (a problem, a task, a name), shown as it is in either language:
    /// marked so that neither a translator nor the language check touches it.
    static func userText(_ text: String) -> HTML {
        "<span translate=\"no\">\(text)</span>"
    }

    /// Stored Chinese text (notices, rule messages) on a page: marked `lang="zh-CN"` when the
    /// page is English, so readers and screen readers know it is not the page's language.
    static func inChinese(_ text: String, on lang: Lang) -> HTML {
        lang == .zh ? "\(text)" : "<span lang=\"zh-CN\">\(text)</span>"
    }

    static func alert(_ message: String, ok: Bool = false) -> HTML {
        alert(html: "\(message)", ok: ok)
    }

    static func alert(html message: HTML, ok: Bool = false) -> HTML {
        "<div class=\"alert \(ok ? "alert-ok" : "alert-error")\" role=\"\(ok ? "status" : "alert")\">\(message)</div>"
    }

    /// An import's problems by line: the column by its label, the message without the line
    /// number the table already shows.
    static func errorList(_ errors: [FieldError], lang: Lang, fieldLabel: (String) -> String) -> HTML {
        let rows = errors.map { e -> [HTML] in
            [
                HTML(raw: e.line.map(String.init) ?? "—"), "\(e.field.map(fieldLabel) ?? "")",
                e.text(lang) == nil ? inChinese(problemText(e), on: lang) : "\(problemText(e, lang: lang))",
            ]
        }
        return table(
            headers: [lang(.line), lang(.field), lang(.reason)], rows: rows, numeric: [0], empty: "")
    }

    /// A problem's text without its line prefix (the line has a column of its own), in the
    /// reader's language where it has one.
    static func problemText(_ e: FieldError, lang: Lang = .zh) -> String {
        let text = e.text(lang) ?? e.message
        guard let line = e.line else { return text }
        for prefix in ["第\(line)行：", "Line \(line): "] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count))
        }
        return text
    }

    /// Problems as text for people: each in the reader's language, or marked as Chinese where
    /// it has no English yet.
    static func messages(_ errors: [FieldError], on lang: Lang) -> HTML {
        HTML.join(
            errors.map { e -> HTML in e.text(lang).map { "\($0)" } ?? inChinese(e.message, on: lang) },
            separator: HTML(raw: lang.semicolon))
    }

    struct FormField {
        enum Kind {
            case text, password, date, number
            /// An amount in yuan: two decimals allowed, so not `type="number"` with its whole steps.
            case yuan
            case select([(value: String, label: String)])
            /// A code with suggestions by name (`CodePicker`).
            case picker([(code: String, name: String)])
            case checkbox
            /// A few lines of text.
            case textarea
            /// A document to edit (the policy's JSON).
            case document
            /// A file to upload with the form (the form is then multipart).
            case file
        }

        var name: String
        var label: String
        var kind: Kind = .text
        var required = false
        var readOnly = false
        var hint: String? = nil
    }

    static func form(
        action: String, csrf: String, fields: [FormField], values: FieldValues, errors: [FieldError],
        submit: String, cancel: String?, lang: Lang, multipart: Bool = false, idPrefix: String = "f",
        extra: HTML = ""
    ) -> HTML {
        let general = errors.filter { e in e.field == nil || !fields.contains { $0.name == e.field } }
        var html: HTML = errors.isEmpty ? "" : alert(lang(.formHasErrors))
        if !general.isEmpty { html = "\(html)\(alert(html: messages(general, on: lang)))" }
        let inputs = fields.map { f -> HTML in
            let value = values[f.name] ?? ""
            let fieldErrors = errors.filter { $0.field == f.name }
            // Unique on a page with several forms.
            let id = "\(idPrefix)-\(f.name)"
            let req: HTML = f.required ? " <span class=\"req\" title=\"\(lang(.requiredMark))\">*</span>" : ""
            let attrs = HTML(
                raw: (f.required ? " required" : "") + (f.readOnly ? " readonly" : "")
                    + (fieldErrors.isEmpty ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-err\""))
            let control: HTML
            switch f.kind {
            case .text:
                control = "<input type=\"text\" id=\"\(id)\" name=\"\(f.name)\" value=\"\(value)\"\(attrs)>"
            case .password:
                control =
                    "<input type=\"password\" id=\"\(id)\" name=\"\(f.name)\" autocomplete=\"new-password\"\(attrs)>"
            case .date:
                control = "<input type=\"date\" id=\"\(id)\" name=\"\(f.name)\" value=\"\(value)\"\(attrs)>"
            case .number:
                control = "<input type=\"number\" id=\"\(id)\" name=\"\(f.name)\" value=\"\(value)\"\(attrs)>"
            case .yuan:
                control = """
                    <span class="with-unit"><input type="text" inputmode="decimal" id="\(id)" name="\(f.name)" value="\(value)"\(attrs)> \
                    <span class="unit">\(lang(.yuanUnit))</span></span>
                    """
            case .textarea:
                control = "<textarea id=\"\(id)\" name=\"\(f.name)\" rows=\"4\"\(attrs)>\(value)</textarea>"
            case .document:
                control =
                    "<textarea class=\"document\" id=\"\(id)\" name=\"\(f.name)\" rows=\"24\"\(attrs)>\(value)</textarea>"
            case .file:
                control = "<input type=\"file\" id=\"\(id)\" name=\"\(f.name)\"\(attrs)>"
            case .checkbox:
                let on = ["true", "1", "on", "是"].contains(value.lowercased())
                control =
                    "<input type=\"checkbox\" id=\"\(id)\" name=\"\(f.name)\" value=\"true\"\(on ? HTML(raw: " checked") : "")>"
            case .picker(let options):
                control = """
                    <input type="text" id="\(id)" name="\(f.name)" value="\(value)" list="\(id)-list" autocomplete="off"\(attrs)>\
                    \(CodePicker.datalist("\(id)-list", options))
                    """
            case .select(let options):
                let opts = ([(value: "", label: "—")] + options).map { o -> HTML in
                    "<option value=\"\(o.value)\"\(o.value == value ? HTML(raw: " selected") : "")>\(o.label)</option>"
                }
                control = "<select id=\"\(id)\" name=\"\(f.name)\"\(attrs)>\(opts)</select>"
            }
            let hint: HTML = f.hint.map { "<div class=\"hint\">\($0)</div>" } ?? ""
            let err: HTML =
                fieldErrors.isEmpty
                ? ""
                : "<div class=\"error\" id=\"\(id)-err\">\(messages(fieldErrors, on: lang))</div>"
            return
                "<div class=\"field\(fieldErrors.isEmpty ? "" : " has-error")\"><label for=\"\(id)\">\(f.label)\(req)</label>\(control)\(hint)\(err)</div>"
        }
        let cancelLink: HTML =
            cancel.map { " <a class=\"btn secondary\" href=\"\($0)\">\(lang(.cancel))</a>" } ?? ""
        let enctype: HTML = multipart ? " enctype=\"multipart/form-data\"" : ""
        return """
            \(html)<form method="post" action="\(action)" class="stack"\(enctype) novalidate>
            <input type="hidden" name="_csrf" value="\(csrf)">
            \(inputs)
            \(extra)
            <div class="field"><button type="submit" class="btn">\(submit)</button>\(cancelLink)</div>
            </form>
            """
    }
}
