import Foundation
import OneXDomain
import Testing

@testable import OneXServer

/// Issue 13, charts: labels of 12 px or more, a number on every bar, the warning line explained
/// in a legend, nothing drawn for an empty series, the title once (the section's heading).
@Suite("Charts")
struct ChartTests {
    static func fontSizes(_ svg: String) -> [Int] {
        svg.matches(of: #/font-size="(\d+)"/#).compactMap { Int($0.output.1) }
    }

    @Test(
        "Bars: a number on each, 12 px labels, a legend for the threshold, no caption repeating the heading")
    func bars() {
        let bars = [
            Charts.Bar(label: "郑州市", value: 0.45, note: "45.0% (9/20)", link: nil),
            Charts.Bar(label: "洛阳市", value: nil, note: "—", link: nil),
        ]
        let svg = Charts.bars(bars, title: "各地市完成率", reference: (0.8, "80%", "虚线为预警线"), lang: .zh).raw
        #expect(svg.contains(">45.0% (9/20)</text>") && svg.contains(">—</text>"))
        #expect(Self.fontSizes(svg).allSatisfy { $0 >= 12 } && !Self.fontSizes(svg).isEmpty)
        #expect(svg.contains(">虚线为预警线</text>"))
        #expect(!svg.contains("figcaption"))
        #expect(Charts.bars([], title: "空", lang: .zh).raw.isEmpty)
    }

    @Test("Line: 12 px ticks; a series without a value is not drawn")
    func line() {
        let svg = Charts.line(
            [("2026-05-01", 0.2), ("2026-07-01", 0.4)], title: "趋势", empty: "暂无快照", lang: .zh
        ).raw
        #expect(Self.fontSizes(svg).allSatisfy { $0 >= 12 })
        #expect(
            Charts.line([("2026-05-01", nil)], title: "趋势", empty: "暂无快照", lang: .zh).raw.contains("暂无快照"))
    }
}
