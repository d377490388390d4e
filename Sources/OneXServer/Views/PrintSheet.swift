import OneXDomain
import OneXTabular
import Vapor

/// A printable form of the seeds (HN-12, AH38-7): a title, header fields, tables in the seed's
/// column order, and signature and stamp blocks.
struct PrintForm {
    var title: String
    var header: [(String, String)]
    var tables: [(headers: [String], rows: [[String]])]
    var signatures: [String]
}

/// One way to hand a form out: an A4 sheet without the app's chrome, or (`?format=xlsx`) the
/// same rows as a workbook.
enum PrintSheet {
    /// `attachment` is the seed's label above the title (附件1); `file` names the workbook.
    static func response(
        _ form: PrintForm, attachment: String, file: String, back: String, req: Request
    ) async throws -> Response {
        if (try? req.query.get(String.self, at: "format")) == "xlsx" {
            var rows: [[String]] = [[form.title]] + form.header.map { [$0.0, $0.1] } + [[]]
            for t in form.tables { rows += [t.headers] + t.rows + [[]] }
            rows += form.signatures.map { [$0] }
            return Download.file(rows, name: file, format: .xlsx)
        }
        let header = form.header.map { k, v -> HTML in "<p>\(k)：<u>\(v)</u></p>" }
        // An empty list still prints its columns, with lines to write on.
        let tables = form.tables.map { t -> HTML in
            let rows = t.rows.isEmpty ? Array(repeating: t.headers.map { _ in "" }, count: 3) : t.rows
            let table = Components.table(headers: t.headers, rows: rows.map { $0.map { "\($0)" } }, empty: "")
            // A 序号 column needs room for a number only, a form's 项目 column for a label; the
            // others share the rest.
            let narrow = [("序号", "numbered"), ("项目", "fields")].first { t.headers.first == $0.0 }
            guard let narrow else { return table }
            return HTML(
                raw: table.raw.replacingOccurrences(
                    of: "<table class=\"grid\">", with: "<table class=\"grid \(narrow.1)\">"))
        }
        let signatures = form.signatures.map { s -> HTML in
            "<p class=\"sign\">\(s)<span class=\"blank\"></span></p>"
        }
        let html: HTML = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(form.title)</title>
            <link rel="stylesheet" href="\(SitePath.stylesheet.path)"></head>
            <body class="print"><div class="a4">
            <p class="attachment">\(attachment)</p>
            <h1 class="form-title">\(form.title)</h1>
            \(header)
            \(tables)
            \(signatures)
            <p class="noprint"><a href="?format=xlsx">Excel</a> · <a href="\(back)">返回</a></p>
            </div></body></html>
            """
        return try await html.encodeResponse(for: req)
    }
}
