import OneXDomain
import Vapor

extension Request {
    /// The reader's language: the `lang` cookie, else Simplified Chinese.
    var lang: Lang {
        // Asked by every part of a page; the cookie header is parsed once per request.
        if let known = storage[LangKey.self] { return known }
        let lang = cookies["lang"].flatMap { Lang(rawValue: $0.string) } ?? .zh
        storage[LangKey.self] = lang
        return lang
    }

    private struct LangKey: StorageKey {
        typealias Value = Lang
    }
}
