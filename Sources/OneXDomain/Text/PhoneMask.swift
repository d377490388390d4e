/// A phone number as lists show it: the last four digits and the first three, the rest masked
/// (138****5678, 037****8888); a short number keeps only its last two digits.
public enum PhoneMask {
    public static func mask(_ phone: String) -> String {
        let t = Array(phone.trimmingSpaces)
        guard t.count > 7 else {
            return String(repeating: "*", count: max(0, t.count - 2)) + String(t.suffix(2))
        }
        return String(t.prefix(3)) + String(repeating: "*", count: t.count - 7) + String(t.suffix(4))
    }
}
