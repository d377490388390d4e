/// What a file kept with an application is for (HN-12, AH22-4, Anhui 附件3).
public enum AttachmentPurpose: String, CaseIterable, Codable, Sendable {
    case stampedScan, justification, adjustmentForm

    public var chinese: String {
        switch self {
        case .stampedScan: "加盖公章扫描件"
        case .justification: "申报表（论证材料）"
        case .adjustmentForm: "调整申请表"
        }
    }

    public var english: String {
        switch self {
        case .stampedScan: "Stamped scan"
        case .justification: "Justification"
        case .adjustmentForm: "Adjustment form"
        }
    }
}

/// The kinds of file an application accepts, recognised by their first bytes rather than by
/// their name: a scan or a PDF, nothing a reviewer's computer would run.
public enum AttachmentFormat: String, CaseIterable, Sendable {
    case pdf, jpeg, png

    /// The largest file accepted, as the upload routes collect it.
    public static let maxBytes = 20 * 1024 * 1024
    public static let rule = "仅接受 PDF、JPEG 或 PNG 文件，不超过20 MB"

    public static func detect<C: Collection>(_ bytes: C) -> AttachmentFormat? where C.Element == UInt8 {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }
}
