import OneXDomain
import Vapor

extension Request {
    /// The reader's language: the `lang` cookie, else Simplified Chinese.
    var lang: Lang {
        if let raw = cookies["lang"]?.string, let lang = Lang(rawValue: raw) { return lang }
        return .zh
    }
}
