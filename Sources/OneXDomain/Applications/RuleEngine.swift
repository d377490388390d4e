import Foundation

/// A broken rule: a stable code of policies.md, the line it concerns (1-based, nil for the whole
/// application) and a message in Chinese.
public struct RuleViolation: Error, Codable, Sendable, Equatable {
    public var code: String
    public var line: Int?
    public var message: String
    /// The same in English, for pages read in English.
    public var english: String

    public init(_ code: String, line: Int?, _ message: String, _ english: String) {
        self.code = code
        self.line = line
        self.message = message
        self.english = english
    }

    public var fieldError: FieldError { FieldError(code: code, message: message, line: line) }
}

/// Everything the rules look at besides the application itself, gathered by the caller.
public struct RuleContext: Sendable {
    public var policy: Policy
    public var school: SchoolRecord
    public var certificates: [String: CertificateRecord]
    /// Current counts of the school's existing, active plans.
    public var plans: [PlanKey: Int]
    /// Certificates the school had plans for in the previous year (AH22-4).
    public var certificatesLastYear: Set<String>
    /// The previous year's total applied count and overall completion rate (AH22-2).
    public var previousYear: PreviousYear?
    /// The total of approved new and increase lines of this year so far (AH22-2, indicators.md).
    public var alreadyAppliedThisYear: Int
    /// 1-based lines that have their justification document attached (AH22-4).
    public var linesWithJustification: Set<Int>
    public var hasAdjustmentForm: Bool
    public var hasStampedScan: Bool
    /// Set when a reviewer returned the application for changes.
    public var correction: Correction?
    /// Why the school lost its eligibility for the application's year (AH41-9), if it did.
    public var eligibilityRevoked: String?
    public var now: Date

    public struct PreviousYear: Sendable, Equatable {
        public var total: Int
        public var completionRate: Double?

        public init(total: Int, completionRate: Double?) {
            self.total = total
            self.completionRate = completionRate
        }
    }

    public init(policy: Policy, school: SchoolRecord, certificates: [String: CertificateRecord], plans: [PlanKey: Int],
                certificatesLastYear: Set<String> = [], previousYear: PreviousYear? = nil, alreadyAppliedThisYear: Int = 0,
                linesWithJustification: Set<Int> = [], hasAdjustmentForm: Bool = false, hasStampedScan: Bool = false, correction: Correction? = nil,
                eligibilityRevoked: String? = nil, now: Date) {
        self.policy = policy
        self.school = school
        self.certificates = certificates
        self.plans = plans
        self.certificatesLastYear = certificatesLastYear
        self.previousYear = previousYear
        self.alreadyAppliedThisYear = alreadyAppliedThisYear
        self.linesWithJustification = linesWithJustification
        self.hasAdjustmentForm = hasAdjustmentForm
        self.hasStampedScan = hasStampedScan
        self.correction = correction
        self.eligibilityRevoked = eligibilityRevoked
        self.now = now
    }
}

/// Checks a school's application against the province policy and returns every violation at
/// once, line by line, so the school can fix them all in one go (HN-1..5, AH22-1..4, AH22-7).
public enum RuleEngine {
    public static func check(year: Int, lines: [ApplicationLine], context c: RuleContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        let rules = c.policy.rules
        let today = LocalDate(c.now)
        // A returned application may come back until its correction is due, judged in the
        // window it was first submitted in.
        let correcting = c.correction.flatMap { today <= $0.due ? $0 : nil }
        let window = c.policy.window(open: .school, on: today)
            ?? correcting.flatMap { cw in (c.policy.windows(in: year) + c.policy.windows(in: today.year)).first { $0.name == cw.window } }
        let inTime = window != nil || correcting != nil

        // AH22-1: the school must be registered on the national platform first.
        if rules.requireNationalPlatformRegistration && !c.school.nationalPlatformRegistered {
            out.append(RuleViolation("school_not_registered", line: nil,
                                     "\(c.school.name)尚未在职业技能等级证书信息管理服务平台注册，不能申报",
                                     "\(c.school.name) is not registered on the national certificate platform and cannot apply yet"))
        }
        // AH41-9: three biweekly reports missed in a row can cost next year's pilot eligibility.
        if let reason = c.eligibilityRevoked {
            out.append(RuleViolation("pilot_eligibility_revoked", line: nil,
                                     "\(c.school.name)已被取消\(year)年度参与试点资格（\(reason)），不能申报；如有异议请联系省教育厅",
                                     "\(c.school.name) has lost its pilot eligibility for \(year) (\(reason)) and cannot apply; contact the provincial department if you disagree"))
        }
        if lines.isEmpty {
            out.append(RuleViolation("no_lines", line: nil, "申报至少应包含一行", "An application needs at least one line"))
        }
        // HN-12: the printed forms, signed and stamped, scanned and uploaded before submission.
        if rules.stampedScanAtSubmission == true && !c.hasStampedScan {
            out.append(RuleViolation("stamped_scan_required", line: nil,
                                     "须先打印申报汇总表，签字盖章后扫描上传（用途选“加盖公章扫描件”），再提交申报",
                                     "Print the summary form, have it signed and stamped, upload the scan (purpose: stamped scan), then submit"))
        }

        var seen: [PlanKey: Int] = [:]
        for (index, line) in lines.enumerated() {
            let n = index + 1
            let key = PlanKey(certificate: line.certificate, level: line.level, year: year)
            if let first = seen[key] {
                out.append(RuleViolation("duplicate_line", line: n, "与第\(first)行为同一考核计划，请合并为一行",
                                         "Same plan as line \(first): merge the two lines"))
                continue
            }
            seen[key] = n
            if line.count <= 0 || line.count > Limits.headcount.upperBound {
                out.append(RuleViolation("invalid_count", line: n, "人数应为 1 到 \(Limits.headcount.upperBound) 之间的整数",
                                         "The count must be a whole number from 1 to \(Limits.headcount.upperBound)"))
                continue
            }

            // HN-2 / AH22-5 / HN-4: the school phase of a window, except increases where allowed.
            let exempt = line.kind == .increase && rules.increaseAnyTime
            if !inTime && !exempt {
                let overdue = c.correction.map { "退回修改的申报应于\($0.due.chinese)前重新提交，现已逾期；" } ?? ""
                let overdueEnglish = c.correction.map { "The returned application was due back by \($0.due); " } ?? ""
                out.append(RuleViolation("outside_window", line: n,
                                         "\(overdue)当前（\(today.chinese)）不在院校申报时间内，\(line.kind.chinese)申报只能在申报窗口内提交；\(c.policy.nextPhaseText(.school, after: today))",
                                         "\(overdueEnglish)today (\(today)) is outside the school phase; a \(line.kind.english.lowercased()) line can only be filed in a window. \(c.policy.nextPhaseEnglish(.school, after: today))"))
            }

            // AH22-1: only certificates of the published catalog, and levels they have.
            guard let cert = c.certificates[line.certificate] else {
                out.append(RuleViolation("unknown_certificate", line: n, "证书“\(line.certificate)”不在已公布的证书目录中",
                                         "Certificate \(line.certificate) is not in the published catalog"))
                continue
            }
            guard cert.levels.contains(line.level) else {
                out.append(RuleViolation("unknown_certificate", line: n, "证书“\(cert.name)”没有\(line.level.chinese)等级",
                                         "\(cert.name) has no \(line.level.english.lowercased()) level"))
                continue
            }

            let current = c.plans[key]
            var resulting = line.count
            switch line.kind {
            case .new:
                if current != nil {
                    out.append(RuleViolation("plan_exists", line: n, "\(year)年“\(cert.name)”\(line.level.chinese)考核计划已存在，请申报调增",
                                             "The \(year) plan for \(cert.name) (\(line.level.english.lowercased())) exists: apply for an increase"))
                }
                // AH22-4: one certificate, one justification, one application.
                if rules.newCertificateJustification && !c.certificatesLastYear.contains(line.certificate)
                    && !c.linesWithJustification.contains(n)
                {
                    out.append(RuleViolation("justification_required", line: n, "“\(cert.name)”为本校新申报证书，须上传该证书的申报表（论证材料）",
                                             "\(cert.name) is new to the school: upload its justification form"))
                }
            case .increase, .decrease:
                guard let current else {
                    out.append(RuleViolation("no_such_plan", line: n, "\(year)年“\(cert.name)”\(line.level.chinese)考核计划不存在，请申报新增",
                                             "There is no \(year) plan for \(cert.name) (\(line.level.english.lowercased())): apply for a new one"))
                    continue
                }
                if line.kind == .increase {
                    resulting = current.clampedAdding(line.count)
                    if rules.increaseNeedsAdjustmentForm && !c.hasAdjustmentForm {
                        out.append(RuleViolation("adjustment_form_required", line: n, "调增须上传经学校审批的调整申请表",
                                                 "An increase needs the adjustment form approved by the school"))
                    }
                } else {
                    resulting = current.clampedSubtracting(line.count)
                    out += decreaseViolations(line, n: n, current: current, window: window, policy: c.policy)
                }
            }

            // AH22-3: the resulting count meets the certificate's minimum exam takers.
            if rules.minCandidates && resulting > 0 && resulting < cert.minCandidates {
                out.append(RuleViolation("below_min_candidates", line: n,
                                         "“\(cert.name)”每次申报考核人数不得少于\(cert.minCandidates)人，本行后为\(resulting)人",
                                         "\(cert.name) needs at least \(cert.minCandidates) candidates per plan; this line leaves \(resulting)"))
            }
        }

        // AH22-2: a low-completion school may not apply for more than last year in total.
        if let cap = c.policy.rules.lowCompletionCap, let prev = c.previousYear, let rate = prev.completionRate,
            rate < cap.threshold
        {
            let added = lines.filter { $0.kind != .decrease }.reduce(0) { $0.clampedAdding(max(0, $1.count)) }
            let total = c.alreadyAppliedThisYear.clampedAdding(added)
            if total > prev.total {
                out.append(RuleViolation("over_previous_year_scale", line: nil,
                                         "上一年度考核完成率为\(percent(rate))，低于\(percent(cap.threshold))，本年度申报总数（\(total)人）不得超过上一年度申报总数（\(prev.total)人）",
                                         "Last year's completion was \(percent(rate)), below \(percent(cap.threshold)): this year's total (\(total)) may not exceed last year's (\(prev.total))"))
            }
        }
        return out
    }

    static func decreaseViolations(_ line: ApplicationLine, n: Int, current: Int, window: ResolvedWindow?,
                                   policy: Policy) -> [RuleViolation] {
        var out: [RuleViolation] = []
        let limit = policy.decreaseLimit(in: window)
        if limit == 0 {
            return [RuleViolation("decrease_not_allowed", line: n, "本省当前政策不允许调减考核计划",
                                  "The province's policy does not allow decreases")]
        }
        if let limit {
            let most = Int(clampingRounded: (Double(current) * limit + 1e-9).rounded(.down))
            if line.count > most {
                out.append(RuleViolation("decrease_limit_exceeded", line: n,
                                         "调减人数\(line.count)超过当前计划数\(current)的\(percent(limit))（最多\(most)人）",
                                         "A decrease of \(line.count) exceeds \(percent(limit)) of the current \(current) (at most \(most))"))
            }
        }
        if !policy.rules.decreaseReasons.isEmpty && !policy.rules.decreaseReasons.contains(line.reason ?? "") {
            let allowed = policy.rules.decreaseReasons.compactMap { DecreaseReason(rawValue: $0)?.chinese ?? $0 }
            let allowedEnglish = policy.rules.decreaseReasons.compactMap { DecreaseReason(rawValue: $0)?.english ?? $0 }
            out.append(RuleViolation("decrease_reason_required", line: n, "调减须说明原因：\(allowed.joined(separator: "、"))",
                                     "A decrease needs one of these reasons: \(allowedEnglish.joined(separator: ", "))"))
        }
        return out
    }

    static func percent(_ x: Double) -> String {
        let p = (x * 1000).rounded() / 10
        return p == p.rounded() ? "\(Int(p))%" : "\(p)%"
    }
}

/// Who reviews an application and when (AH22-6, HN-6, HN-7).
public enum ReviewRouting {
    /// The first review stage after submission: the city bureau for city-owned secondary
    /// schools, the province for every other kind.
    public static func firstStage(for kind: SchoolKind) -> ApplicationStatus {
        kind.reviewedByCityFirst ? .cityReview : .provinceReview
    }

    /// `review_phase_closed` when a reviewer acts outside the phase of `stage` (HN-2, AH22-5).
    public static func phaseViolation(_ stage: ApplicationStatus, lines: [ApplicationLine], policy: Policy,
                                      now: Date) -> RuleViolation? {
        if phaseOpen(stage, lines: lines, policy: policy, now: now) { return nil }
        let phase: ResolvedWindow.Phase = stage == .cityReview ? .city : .province
        let today = LocalDate(now)
        return RuleViolation("review_phase_closed", line: nil,
                             "当前（\(today.chinese)）不在\(phase.chinese)时间内；\(policy.nextPhaseText(phase, after: today))",
                             "Today (\(today)) is outside the \(phase.english); \(policy.nextPhaseEnglish(phase, after: today))")
    }

    /// Whether a reviewer may act on an application in `stage` now. Increase-only applications
    /// may be reviewed any time where the policy lets increases be filed any time (HN-4).
    public static func phaseOpen(_ stage: ApplicationStatus, lines: [ApplicationLine], policy: Policy, now: Date) -> Bool {
        if policy.rules.increaseAnyTime && !lines.isEmpty && lines.allSatisfy({ $0.kind == .increase }) { return true }
        let day = LocalDate(now)
        switch stage {
        case .cityReview: return policy.window(open: .city, on: day) != nil
        case .provinceReview: return policy.window(open: .province, on: day) != nil
        default: return false
        }
    }
}
