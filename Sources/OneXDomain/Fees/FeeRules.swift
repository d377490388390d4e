/// The rules of the fee chain (MOE12-1, MOE12-2), in plain Swift.
public enum FeeRules {
    /// The standard in force on `day` among a certificate level's versions: the published one
    /// with the latest effective date on or before the day. A day is a Shanghai calendar day,
    /// so a standard effective from 2026-09-01 applies from 00:00 Beijing time that day.
    public static func inForce(on day: LocalDate, among versions: [FeeStandard]) -> FeeStandard? {
        versions.filter { $0.status == .published && $0.effectiveFrom <= day }.max {
            $0.effectiveFrom < $1.effectiveFrom
        }
    }

    /// Everything wrong with a proposal, given the certificate level's cost cap and the
    /// versions already there. A raise needs the organisation's written request (`raiseRequest`).
    public static func problems(
        _ proposal: FeeStandard, cap: Int?, versions: [FeeStandard], raiseRequest: String?
    )
        -> [FieldError]
    {
        var out: [FieldError] = []
        if proposal.amount <= 0 || !Limits.fen.contains(proposal.amount) {
            out.append(
                FieldError(
                    code: "invalid", UIText(zh: "考核费用标准应为大于0的金额", en: "The fee must be an amount above zero"),
                    field: "amount"))
        }
        if let cap {
            if proposal.amount > cap {
                out.append(
                    FieldError(
                        code: "above_cost_cap",
                        UIText(
                            zh:
                                "考核费用标准\(Fen.displayText(proposal.amount))高于国家核定的成本上限\(Fen.displayText(cap))，请按不高于上限的金额申报",
                            en:
                                "The fee \(Fen.displayText(proposal.amount)) is above the national cost cap of \(Fen.displayText(cap)); propose at most the cap"
                        ),
                        field: "amount"))
            }
        } else {
            out.append(
                FieldError(
                    code: "no_cost_cap",
                    UIText(
                        zh: "该证书\(proposal.level.chinese)尚未录入国家成本上限，请先请省级管理员在证书目录中录入",
                        en:
                            "No national cost cap is entered for this certificate's \(proposal.level.english) level; ask the province office to enter it in the certificate catalog"
                    ),
                    field: "amount"))
        }
        if let pending = versions.first(where: { $0.status.isPending }) {
            out.append(
                FieldError(
                    code: "pending_exists",
                    UIText(
                        zh: "该证书等级已有一项费用标准（生效日期\(pending.effectiveFrom.chinese)）正在审核，请待其办结后再申报",
                        en:
                            "A fee standard for this certificate level (effective \(pending.effectiveFrom)) is still under review; propose again once it is settled"
                    ),
                    field: "effectiveFrom"))
        }
        if let latest = versions.filter({ $0.status == .published }).map(\.effectiveFrom).max(),
            proposal.effectiveFrom <= latest
        {
            out.append(
                FieldError(
                    code: "effective_too_early",
                    UIText(
                        zh: "生效日期应晚于现行标准的生效日期（\(latest.chinese)）",
                        en: "The effective date must be after the current standard's (\(latest))"),
                    field: "effectiveFrom"))
        }
        if isRaise(proposal, versions: versions),
            (raiseRequest ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            out.append(
                FieldError(
                    code: "raise_needs_request",
                    UIText(
                        zh: "本次标准高于现行标准，属于上调，须填写培训评价组织的书面申请理由",
                        en:
                            "This standard is above the one in force, a raise: the organisation's written request is required"
                    ),
                    field: "raiseRequest"))
        }
        return out
    }

    /// Whether a proposal is above the standard in force on its effective date (MOE12-2).
    public static func isRaise(_ proposal: FeeStandard, versions: [FeeStandard]) -> Bool {
        guard let current = inForce(on: proposal.effectiveFrom, among: versions) else { return false }
        return proposal.amount > current.fee
    }

    /// The province's verification: it may lower the amount, never raise it.
    public static func verificationProblems(proposed: Int, verified: Int) -> [FieldError] {
        guard verified > 0, verified <= proposed else {
            return [
                FieldError(
                    code: "invalid",
                    UIText(
                        zh: "核定金额应大于0且不高于申报金额\(Fen.displayText(proposed))",
                        en:
                            "The verified amount must be above zero and at most the proposed \(Fen.displayText(proposed))"
                    ),
                    field: "amount")
            ]
        }
        return []
    }
}
