/// The reader's language: Simplified Chinese by default, English as the alternative.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en

    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    public func callAsFunction(_ text: UIText) -> String { pick(text.zh, text.en) }

    /// A typed value (a level, a status, a kind) in the reader's words.
    public func callAsFunction(_ value: some InWords) -> String { pick(value.chinese, value.english) }

    /// A calendar day on a page: 2026年3月15日 / 2026-03-15.
    public func callAsFunction(_ day: LocalDate) -> String { pick(day.chinese, day.description) }

    /// A stored `YYYY-MM-DD` day the same way; text that is not one is shown as it is.
    public func day(_ text: String) -> String { LocalDate(text).map { self($0) } ?? text }

    /// Punctuation between the page's own words, full-width in Chinese, ASCII in English.
    public var colon: String { pick("：", ": ") }
    public var comma: String { pick("，", ", ") }
    public var semicolon: String { pick("；", "; ") }
    /// Between the items of a list: 初级、中级、高级 / junior, intermediate, senior.
    public var listSeparator: String { pick("、", ", ") }

    /// A detail in brackets: 郑州市财贸学校（Z001）, Zhengzhou … (Z001).
    public func bracketed(_ text: String) -> String { pick("（\(text)）", " (\(text))") }
}

/// A typed value people read in words, in both languages.
public protocol InWords {
    var chinese: String { get }
    var english: String { get }
}

extension Level: InWords {}
extension FeeStandardStatus: InWords {}
extension FundingSource: InWords {}
extension FeeFilePurpose: InWords {}
extension PaymentStatus: InWords {}
extension PlanStatus: InWords {}
extension PlanChangeKind: InWords {}
extension AttachmentPurpose: InWords {}
extension LineKind: InWords {}
extension DecreaseReason: InWords {}
extension ApplicationStatus: InWords {}
extension Role: InWords {}
extension SchoolKind: InWords {}
extension RegionKind: InWords {}
extension RectificationCategory: InWords {}
extension ResponsibleKind: InWords {}
extension RectificationStatus: InWords {}
extension RectificationStep: InWords {}
extension RectificationEntryKind: InWords {}
extension RectificationFlag: InWords {}
extension ClosureDesk: InWords {}
extension ExamSiteStatus: InWords {}
extension ExamSiteStep: InWords {}
extension ExamSiteDesk: InWords {}
extension TrainingOutcome: InWords {}
extension TermHalf: InWords {}
extension ComplaintStatus: InWords {}
extension ComplaintStep: InWords {}
extension CertificateDecisionKind: InWords {}
extension ActivityKind: InWords {}
extension FilingStatus: InWords {}
extension FilingStep: InWords {}

/// One entry of the UI text catalogue (`Catalogue.swift`): the Chinese text and its English.
public struct UIText: Sendable, Equatable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}
