/// The number an application carries from its first submission on, as offices cite it in
/// letters and notices: 豫1X-2026-春-0012 — province, year, batch, sequence in that batch.
public enum ApplicationNumber {
    /// The one-character names of the provincial units, as document numbers use them.
    static let shortNames: [String: String] = [
        "北京市": "京", "天津市": "津", "河北省": "冀", "山西省": "晋", "内蒙古自治区": "蒙", "辽宁省": "辽", "吉林省": "吉",
        "黑龙江省": "黑", "上海市": "沪", "江苏省": "苏", "浙江省": "浙", "安徽省": "皖", "福建省": "闽", "江西省": "赣",
        "山东省": "鲁", "河南省": "豫", "湖北省": "鄂", "湖南省": "湘", "广东省": "粤", "广西壮族自治区": "桂", "海南省": "琼",
        "重庆市": "渝", "四川省": "川", "贵州省": "贵", "云南省": "云", "西藏自治区": "藏", "陕西省": "陕", "甘肃省": "甘",
        "青海省": "青", "宁夏回族自治区": "宁", "新疆维吾尔自治区": "新",
    ]

    public static func provinceShort(_ province: String) -> String {
        shortNames[province] ?? String(province.prefix(1))
    }

    /// The batch of the window an application was submitted in: 春 and 秋 for the recurring
    /// windows named so, 专 for a one-off window the province added, 增 for an increase filed
    /// outside any window (HN-4).
    public static func batch(windowName: String?, isRecurring: Bool) -> String {
        guard let name = windowName else { return "增" }
        guard isRecurring else { return "专" }
        if name.hasPrefix("春") { return "春" }
        if name.hasPrefix("秋") { return "秋" }
        return String(name.prefix(1))
    }

    /// Everything before the sequence: 豫1X-2026-春-
    public static func prefix(province: String, year: Int, batch: String) -> String {
        "\(provinceShort(province))1X-\(year)-\(batch)-"
    }

    public static func make(prefix: String, sequence: Int) -> String {
        let digits = String(sequence)
        return prefix + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
