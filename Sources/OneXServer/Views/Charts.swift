import Foundation
import OneXDomain

/// Charts drawn on the server as SVG: no script, no CDN, they print, and the same numbers are
/// always in a table next to them.
enum Charts {
    struct Bar {
        var label: String
        var value: Double?
        var note: String
        var link: String?
    }

    /// Horizontal bars of rates in 0…1 (a bar may exceed 1, drawn capped), with an optional
    /// reference line such as the warning threshold.
    /// The section's heading names the chart; the SVG carries the title for screen readers only.
    /// No bars, no chart: the table beside it says there is nothing.
    static func bars(_ bars: [Bar], title: String, reference: (value: Double, label: String, legend: String)? = nil, lang: Lang) -> HTML {
        guard !bars.isEmpty else { return "" }
        let labelWidth = 150.0, barWidth = 380.0, rowHeight = 24.0, top = 8.0
        let extra: Double = reference == nil ? 0 : 40
        let height: Double = top * 2 + rowHeight * Double(max(bars.count, 1)) + extra
        var parts: [HTML] = []
        for (i, bar) in bars.enumerated() {
            let y: Double = top + rowHeight * Double(i)
            let clamped: Double = min(1, max(0, bar.value ?? 0))
            let w: Double = barWidth * clamped
            let color = barColor(bar.value, reference: reference?.value)
            let label: HTML = "<text x=\"\(fmt(labelWidth - 6))\" y=\"\(fmt(y + 16))\" text-anchor=\"end\" font-size=\"12\">\(String(bar.label.prefix(12)))</text>"
            let rect: HTML = "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(w))\" height=\"16\" fill=\"\(color)\"><title>\(bar.label)\(lang.colon)\(bar.note)</title></rect>"
            let value: HTML = "<text x=\"\(fmt(labelWidth + w + 6))\" y=\"\(fmt(y + 16))\" font-size=\"12\">\(bar.note)</text>"
            let row: HTML = "\(label)\(rect)\(value)"
            if let link = bar.link {
                parts.append("<a href=\"\(link)\">\(row)</a>")
            } else {
                parts.append(row)
            }
        }
        if let reference {
            let x: Double = labelWidth + barWidth * min(1, reference.value)
            let bottom: Double = top + rowHeight * Double(bars.count)
            let refLine: HTML = """
                <line x1="\(fmt(x))" y1="\(fmt(top))" x2="\(fmt(x))" y2="\(fmt(bottom + 4))" stroke="#555" stroke-dasharray="4 3"/>\
                <text x="\(fmt(x))" y="\(fmt(bottom + 16))" text-anchor="middle" font-size="12" fill="#555">\(reference.label)</text>\
                <line x1="\(fmt(labelWidth))" y1="\(fmt(bottom + 31))" x2="\(fmt(labelWidth + 24))" y2="\(fmt(bottom + 31))" stroke="#555" stroke-dasharray="4 3"/>\
                <text x="\(fmt(labelWidth + 30))" y="\(fmt(bottom + 35))" font-size="12" fill="#555">\(reference.legend)</text>
                """
            parts.append(refLine)
        }
        return """
            <figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(title)" viewBox="0 0 \(fmt(labelWidth + barWidth + 90)) \(fmt(height))">\
            <title>\(title)</title>\(HTML.join(parts))</svg></figure>
            """
    }

    /// A tile per place, coloured by a share in 0…1 (green when whole, amber from a half, red
    /// below), with a line of text under its name; each tile may link to its detail.
    struct Tile {
        var label: String
        var note: String
        var share: Double?
        var link: String?
    }

    static func tiles(_ tiles: [Tile], title: String, perRow: Int = 6) -> HTML {
        guard !tiles.isEmpty else { return "" }
        let w = 120.0, h = 64.0, gap = 8.0
        let rows = (tiles.count + perRow - 1) / perRow
        let parts = tiles.enumerated().map { i, t -> HTML in
            let x = Double(i % perRow) * (w + gap), y = Double(i / perRow) * (h + gap)
            let fill =
                switch t.share {
                case nil: "#e5e7eb"
                case let s? where s >= 1: "#bbf7d0"
                case let s? where s >= 0.5: "#fde68a"
                default: "#fecaca"
                }
            let tile: HTML = """
                <rect x="\(fmt(x))" y="\(fmt(y))" width="\(fmt(w))" height="\(fmt(h))" rx="6" fill="\(fill)" stroke="#9ca3af"><title>\(t.label) \(t.note)</title></rect>\
                <text x="\(fmt(x + w / 2))" y="\(fmt(y + 26))" text-anchor="middle" font-size="14">\(String(t.label.prefix(8)))</text>\
                <text x="\(fmt(x + w / 2))" y="\(fmt(y + 48))" text-anchor="middle" font-size="12">\(t.note)</text>
                """
            return t.link.map { "<a href=\"\($0)\">\(tile)</a>" } ?? tile
        }
        let width = Double(min(tiles.count, perRow)) * (w + gap)
        return """
            <figure class="chart tiles"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(title)" viewBox="0 0 \(fmt(width)) \(fmt(Double(rows) * (h + gap)))" width="\(fmt(width))">\
            <title>\(title)</title>\(HTML.join(parts))</svg></figure>
            """
    }

    /// A line of rates over time (the snapshots' trend).
    static func line(_ points: [(label: String, value: Double?)], title: String, empty: String, lang: Lang) -> HTML {
        guard points.contains(where: { $0.value != nil }) else { return "<p class=\"muted\">\(empty)</p>" }
        let width = 560.0, height = 200.0, left = 40.0, bottom = 30.0, top = 10.0
        let step: Double = points.count > 1 ? (width - left - 20) / Double(points.count - 1) : 0
        func y(_ v: Double) -> Double {
            let share: Double = 1 - min(1, max(0, v))
            return top + (height - top - bottom) * share
        }
        var parts: [HTML] = []
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let ty = y(tick)
            let grid: HTML = "<line x1=\"\(fmt(left))\" y1=\"\(fmt(ty))\" x2=\"\(fmt(width - 10))\" y2=\"\(fmt(ty))\" stroke=\"#e5e5e5\"/>"
            let label: HTML = "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(ty + 4))\" text-anchor=\"end\" font-size=\"12\">\(String(Int(tick * 100)))%</text>"
            parts.append(grid)
            parts.append(label)
        }
        var coords: [String] = []
        for (i, p) in points.enumerated() {
            guard let v = p.value else { continue }
            let x: Double = left + step * Double(i)
            coords.append(fmt(x) + "," + fmt(y(v)))
        }
        if coords.count > 1 {
            let polyline: HTML = "<polyline fill=\"none\" stroke=\"#2e86c1\" stroke-width=\"2\" points=\"\(coords.joined(separator: " "))\"/>"
            parts.append(polyline)
        }
        for (i, p) in points.enumerated() {
            let x: Double = left + step * Double(i)
            if let v = p.value {
                let dot: HTML = "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y(v)))\" r=\"3.5\" fill=\"#2e86c1\"><title>\(p.label)\(lang.colon)\(IndicatorSet.percent(v))</title></circle>"
                parts.append(dot)
            }
            let tick: HTML = "<text x=\"\(fmt(x))\" y=\"\(fmt(height - 10))\" text-anchor=\"middle\" font-size=\"12\">\(String(p.label.suffix(5)))</text>"
            parts.append(tick)
        }
        return """
            <figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(title)" viewBox="0 0 \(fmt(width)) \(fmt(height))">\
            <title>\(title)</title>\(HTML.join(parts))</svg></figure>
            """
    }

    /// A plan's progress: completed against planned, with a tick at the expected pace.
    static func progress(completed: Int, planned: Int, expected: Double) -> HTML {
        let w = 160.0
        let doneShare: Double = planned > 0 ? min(1, Double(completed) / Double(planned)) : 0
        let tickShare: Double = planned > 0 ? min(1, expected / Double(planned)) : 0
        let done: Double = w * doneShare
        let tick: Double = w * tickShare
        let behind = Double(completed) < expected
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(w))" height="14" role="img" aria-label="\(completed)/\(planned)">\
            <rect width="\(fmt(w))" height="14" fill="#eee"/><rect width="\(fmt(done))" height="14" fill="\(behind ? "#c0392b" : "#27ae60")"/>\
            <line x1="\(fmt(tick))" y1="0" x2="\(fmt(tick))" y2="14" stroke="#333" stroke-width="2"/></svg>
            """
    }

    private static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    private static func barColor(_ value: Double?, reference: Double?) -> String {
        guard let value else { return "#bbb" }
        if let reference, value < reference { return "#c0392b" }
        return "#2e86c1"
    }
}
