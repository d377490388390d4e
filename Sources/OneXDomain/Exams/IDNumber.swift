import Foundation

/// A personal ID number as printed in the national platform's result export. Only its keyed
/// hash is ever stored; this type validates it and never leaves the import.
///
/// Accepted forms (documented in README): the 18-character resident identity number of
/// GB 11643-1999 with its ISO 7064 MOD 11-2 check character (this also covers the residence
/// permits for Hong Kong, Macao and Taiwan residents, which use the same layout), and the
/// legacy 15-digit number (digits only, with a valid YYMMDD birth date).
public struct IDNumber: Sendable, Equatable {
    /// Upper-cased, trimmed.
    public let normalized: String

    public init?(_ text: String) {
        let t = text.trimmingSpaces.uppercased()
        let chars = Array(t.utf8)
        switch chars.count {
        case 18:
            guard chars[0..<17].allSatisfy(Self.isDigit), Self.isDigit(chars[17]) || chars[17] == UInt8(ascii: "X"),
                Self.validDate(chars[6..<14]), Self.checkCharacter(chars[0..<17]) == chars[17]
            else { return nil }
        case 15:
            guard chars.allSatisfy(Self.isDigit), Self.validDate([UInt8(ascii: "1"), UInt8(ascii: "9")] + chars[6..<12])
            else { return nil }
        default:
            return nil
        }
        normalized = t
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checks = Array("10X98765432".utf8)

    /// ISO 7064 MOD 11-2 over the first 17 digits.
    static func checkCharacter<C: Collection<UInt8>>(_ digits: C) -> UInt8 {
        var sum = 0
        for (w, d) in zip(weights, digits) { sum += w * Int(d - 48) }
        return checks[sum % 11]
    }

    /// The check character for 17 digits, for generating valid test and demo numbers.
    public static func complete(_ first17: String) -> String {
        first17 + String(UnicodeScalar(checkCharacter(Array(first17.utf8))))
    }

    private static func validDate<C: Collection<UInt8>>(_ yyyymmdd: C) -> Bool {
        let n = yyyymmdd.reduce(0) { $0 * 10 + Int($1 - 48) }
        let (y, m, d) = (n / 10000, n / 100 % 100, n % 100)
        return (1900...2100).contains(y) && (1...12).contains(m) && d >= 1 && d <= LocalDate.daysIn(month: m, year: y)
    }
}

/// A name as it may be shown anywhere: the first character, the rest masked (张*, 欧阳**).
public enum NameMask {
    public static func mask(_ name: String) -> String {
        let t = name.trimmingSpaces
        guard let first = t.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, t.count - 1))
    }
}
