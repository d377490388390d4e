/// The reader's language: Simplified Chinese by default, English as the alternative.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en

    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    public func callAsFunction(_ text: UIText) -> String { pick(text.zh, text.en) }

    /// Punctuation between the page's own words, full-width in Chinese, ASCII in English.
    public var colon: String { pick("：", ": ") }
    public var comma: String { pick("，", ", ") }
    public var semicolon: String { pick("；", "; ") }
    /// Between the items of a list: 初级、中级、高级 / junior, intermediate, senior.
    public var listSeparator: String { pick("、", ", ") }

    /// A detail in brackets: 郑州市财贸学校（Z001）, Zhengzhou … (Z001).
    public func bracketed(_ text: String) -> String { pick("（\(text)）", " (\(text))") }
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
