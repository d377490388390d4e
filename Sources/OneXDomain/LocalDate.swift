import Foundation

/// A calendar day in Asia/Shanghai, the zone of every date and deadline in the pilot.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, also `YYYY/M/D` and `YYYY年M月D日` as Chinese spreadsheets write them.
    public init?(_ text: String) {
        if let d = LocalDate(iso: text) {
            self = d
            return
        }
        var t = text.trimmingCharacters(in: .whitespaces)
        t = t.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "/", with: "-")
        let parts = t.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
            (1900...2999).contains(y), (1...12).contains(m),
            (1...LocalDate.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The common case, exactly `YYYY-MM-DD` in ASCII digits, without building strings.
    private init?(iso text: String) {
        var digits: [Int] = []
        digits.reserveCapacity(8)
        var count = 0
        for (i, b) in text.utf8.enumerated() {
            count += 1
            if i == 4 || i == 7 {
                guard b == UInt8(ascii: "-") else { return nil }
            } else {
                guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
                digits.append(Int(b - UInt8(ascii: "0")))
            }
            if count > 10 { return nil }
        }
        guard count == 10 else { return nil }
        let y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let m = digits[4] * 10 + digits[5]
        let d = digits[6] * 10 + digits[7]
        guard (1900...2999).contains(y), (1...12).contains(m),
            (1...LocalDate.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(_ date: Date) {
        let c = Shanghai.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The civil date `days` after 1970-01-01 (days from civil, H. Hinnant), for days >= 0.
    init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// 00:00:00 of this day in Asia/Shanghai.
    public var startOfDay: Date {
        Shanghai.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The day as Chinese documents write it: 2026年3月15日.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Whole days from `other` to this day (negative when `other` is later).
    public func days(since other: LocalDate) -> Int { Self.dayNumber(self) - Self.dayNumber(other) }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDate {
        LocalDate(daysSince1970: Self.dayNumber(self) + count)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (no time zone involved).
    static func dayNumber(_ d: LocalDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "日期格式应为 YYYY-MM-DD：\(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// The pilot's time zone and calendar.
public enum Shanghai {
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    public static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }()

    /// `2026-11-22 08:30` in Shanghai time, for pages and logs. Pages list many instants, so
    /// later ones are converted by arithmetic rather than through `Calendar`.
    public static func minuteText(_ date: Date) -> String {
        guard let (day, second) = localDayAndSecond(date) else {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            return LocalDate(year: c.year!, month: c.month!, day: c.day!).description + " " + two(c.hour!)
                + ":" + two(c.minute!)
        }
        return day.description + " " + two(second / 3600) + ":" + two(second % 3600 / 60)
    }

    /// RFC 3339 with the +08:00 offset, as the API writes instants. A list answer writes one per
    /// change and review; setting up an `ISO8601DateFormatter` for each cost more than the
    /// database query, so the formatter is left to the instants before 1991.
    public static func rfc3339(_ date: Date) -> String {
        // The formatter rounds to the millisecond, then drops the milliseconds.
        let toMillisecond = Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
        guard let (day, second) = localDayAndSecond(toMillisecond) else {
            let f = ISO8601DateFormatter()
            f.timeZone = timeZone
            f.formatOptions = [.withInternetDateTime]
            return f.string(from: date)
        }
        return day.description + "T" + two(second / 3600) + ":" + two(second % 3600 / 60) + ":"
            + two(second % 60) + "+08:00"
    }

    /// The Shanghai day and second of the day, by arithmetic: China has kept UTC+8 without
    /// daylight saving since September 1991; nil before then.
    private static func localDayAndSecond(_ date: Date) -> (LocalDate, Int)? {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        guard local >= 685_000_000 else { return nil }
        return (LocalDate(daysSince1970: local / 86_400), local % 86_400)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static func parseInstant(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }
}
