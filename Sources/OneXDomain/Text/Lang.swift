/// The reader's language: Simplified Chinese by default, English as the alternative.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en

    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    public func callAsFunction(_ text: UIText) -> String { pick(text.zh, text.en) }
}

/// One entry of the UI text catalogue (`Catalogue.swift`): the Chinese text and its English.
public struct UIText: Sendable, Equatable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}
