import OneXDomain

/// A policy in words for people: its windows as dates, each rule and threshold with its value.
/// `withKeys` adds the document's field name for whoever edits the JSON.
enum PolicyWords {
    static func render(_ policy: Policy, lang: Lang, withKeys: Bool) -> HTML {
        let windows = (policy.recurringWindows + policy.extraWindows).map { w -> [HTML] in
            ["\(w.name)", "\(span(w.school, lang))", "\(span(w.city, lang))", "\(span(w.province, lang))"]
        }
        let r = policy.rules
        func yn(_ b: Bool) -> String { b ? lang(.yes) : lang(.no) }
        func pct(_ d: Double?) -> String { d.map { "\(Int(($0 * 100).rounded()))%" } ?? lang(.policyNoLimit) }
        let rules: [(String, UIText, String)] = [
            ("increaseAnyTime", .ruleIncreaseAnyTime, yn(r.increaseAnyTime)),
            ("decreaseLimit", .ruleDecreaseLimit, pct(r.decreaseLimit)),
            (
                "decreaseReasons", .ruleDecreaseReasons,
                r.decreaseReasons.map {
                    DecreaseReason(rawValue: $0).map { lang($0) } ?? $0
                }
                .joined(separator: lang.listSeparator)
            ),
            ("minCandidates", .ruleMinCandidates, yn(r.minCandidates)),
            (
                "lowCompletionCap", .ruleLowCompletionCap,
                r.lowCompletionCap.map { lang(.policyCompletionBelow) + pct($0.threshold) } ?? lang(.no)
            ),
            (
                "newCertificateJustification", .ruleNewCertificateJustification,
                yn(r.newCertificateJustification)
            ),
            (
                "increaseNeedsAdjustmentForm", .ruleIncreaseNeedsAdjustmentForm,
                yn(r.increaseNeedsAdjustmentForm)
            ),
            (
                "requireNationalPlatformRegistration", .ruleNationalPlatformRegistration,
                yn(r.requireNationalPlatformRegistration)
            ),
            ("stampedScanAtSubmission", .ruleStampedScanAtSubmission, yn(r.stampedScanAtSubmission ?? false)),
            ("registrationsOverPlan", .ruleRegistrationsOverPlan, pct(r.registrationTolerance)),
            (
                "forcedExit", .ruleForcedExit,
                r.forcedExit.map {
                    "\(span([$0.from, $0.to], lang))\(lang.comma)≥ \($0.minAgeDays) \(lang(.policyDays))"
                } ?? lang(.no)
            ),
            (
                "settlementDeadline", .ruleSettlementDeadline,
                r.settlementDeadlineDay.map { lang($0) } ?? lang(.no)
            ),
            (
                "monitoring.warnBelowExpectedPace", .ruleWarnBelowExpectedPace,
                pct(policy.monitoring.warnBelowExpectedPace)
            ),
            (
                "monitoring.snapshotEveryMonths", .ruleSnapshotEveryMonths,
                lang(.everyMonths(policy.monitoring.snapshotEveryMonths))
            ),
            (
                "reporting.biweeklyDueDays", .ruleBiweeklyDueDays,
                policy.reporting.biweeklyDueDays.map { lang(.dayOfMonth($0)) }.joined(
                    separator: lang.listSeparator)
            ),
            (
                "reporting.maxConsecutiveMisses", .ruleMaxConsecutiveMisses,
                String(policy.reporting.maxConsecutiveMisses)
            ),
        ]
        let rows = rules.map { key, label, value -> [HTML] in
            // The key is the document's field name: code, not text.
            (withKeys ? [HTML(raw: "<code>\(key)</code>")] : []) + ["\(lang(label))", "\(value)"]
        }
        return """
            <h2>\(lang(.windows))</h2>
            \(Components.table(headers: ["", lang(.phaseSchool), lang(.phaseCity), lang(.phaseProvince)], rows: windows, empty: lang(.noRecords)))
            <h2>\(lang(.policyRules))</h2>
            \(Components.table(headers: (withKeys ? [lang(.policyRuleKey)] : []) + [lang(.policyRule), lang(.policyInForce)],
                               rows: rows, empty: ""))
            """
    }

    /// `["03-11", "03-20"]` → 3月11日至3月20日 (or 11 Mar – 20 Mar); a one-off window's
    /// `YYYY-MM-DD` days keep their year.
    static func span(_ days: [String], _ lang: Lang) -> String {
        days.map { lang(UIText.windowDay($0)) }.joined(separator: lang(.dayRangeTo))
    }
}
