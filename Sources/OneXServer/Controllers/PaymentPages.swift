import Fluent
import OneXDomain
import Vapor

/// Payments and arrears in the browser (AH38-2, GD-1): a school records what it paid and may
/// reverse a mistake; the organisation confirms or disputes; everyone in scope reads what each
/// school owes each organisation, with an Excel export.
enum PaymentPages {
    static func register(on web: any RoutesBuilder) {
        web.get("fees", "payments") { req in
            try await list(req, values: [:], errors: [], notice: nil, status: .ok)
        }
        web.post("fees", "payments") { req in try await record(req) }
        web.post("fees", "payments", ":id", ":answer") { req in try await answer(req) }
        web.get("fees", "payments", ":id") { req in try await detail(req, errors: [], status: .ok) }
        web.get("fees", "arrears") { req in try await arrears(req) }
        web.get("fees", "budget") { req in try await budget(req) }
        web.get("fees", "arrears", "export.xlsx") { req in try await arrearsExport(req) }
    }

    static func list(
        _ req: Request, values: FieldValues, errors: [FieldError], notice: String?, status: HTTPResponseStatus
    )
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .payments)
        let items = try await PaymentService.list(
            actor: actor, school: req.queryText("school"), organization: req.queryText("organization"),
            on: req.db)
        // A drill-down from the arrears: the school and organisation it came for.
        let chips = filterChips(
            req, path: SitePath.payments.path,
            [
                ("school", lang(.school), items.first?.schoolName),
                ("organization", lang(.nounOrganization), items.first?.organizationName),
            ])
        let csrf = CSRF.token(for: req)
        let corrected = Set(items.compactMap(\.corrects))
        let rows = items.map { p -> [HTML] in
            var actions: HTML = ""
            if p.status == .recorded && Access.may(.review, .payments, actor) {
                actions = """
                    <form method="post" action="\(SitePath.payments.path)/\(p.id.uuidString)/confirm" class="inline">\
                    <input type="hidden" name="_csrf" value="\(csrf)"><button type="submit" class="btn secondary">\(lang(.paymentConfirm))</button></form>
                    <form method="post" action="\(SitePath.payments.path)/\(p.id.uuidString)/dispute" class="inline">\
                    <input type="hidden" name="_csrf" value="\(csrf)">\
                    <input type="text" name="reason" aria-label="\(lang(.paymentDisputeReason))" placeholder="\(lang(.paymentDisputeReason))">\
                    <button type="submit" class="btn secondary">\(lang(.paymentDispute))</button></form>
                    """
            } else if Access.may(.create, .payments, actor) && p.corrects == nil && !corrected.contains(p.id)
            {
                actions = """
                    <form method="post" action="\(SitePath.payments.path)/\(p.id.uuidString)/correction" class="inline">\
                    <input type="hidden" name="_csrf" value="\(csrf)"><button type="submit" class="link danger">\(lang(.paymentCorrect))</button></form>
                    """
            }
            let state =
                lang(p.status)
                + (p.disputeReason.map { lang.colon + $0 } ?? "")
                + (p.corrects != nil ? lang.bracketed(lang(.paymentCorrection)) : "")
            return [
                "<a href=\"\(SitePath.payments.path)/\(p.id.uuidString)\">\(lang.day(p.paidOn))</a>",
                "\(p.schoolName)",
                "\(p.organizationName)",
                "\(Fen.displayText(p.amount))",
                "\(lang(p.fundingSource))", "\(p.voucher ?? "")",
                "\(state)", actions,
            ]
        }
        var form: HTML = ""
        if Access.may(.create, .payments, actor) {
            let organizations = try await Organization.query(on: req.db).sort(\.$code).all().map {
                ($0.code, $0.name)
            }
            let fields: [Components.FormField] = [
                .init(
                    name: "organization", label: lang(.nounOrganization), kind: .select(organizations),
                    required: true),
                .init(name: "amount", label: lang(.paymentAmount), kind: .yuan, required: true),
                .init(name: "paidOn", label: lang(.paymentDate), kind: .date, required: true),
                .init(
                    name: "fundingSource", label: lang(.fundingSource),
                    kind: .select(
                        FundingSource.allCases.map { ($0.rawValue, lang($0)) }),
                    required: true),
                .init(name: "voucher", label: lang(.paymentVoucher)),
                .init(
                    name: "allocation", label: lang(.paymentAllocation), kind: .textarea,
                    hint: lang(.paymentAllocationHint)),
                .init(name: "note", label: lang(.paymentNote), kind: .textarea),
            ]
            form = """
                <section class="panel"><h2>\(lang(.paymentRecord))</h2>
                \(Components.form(action: SitePath.payments.path, csrf: csrf, fields: fields, values: values, errors: errors,
                                  submit: lang(.paymentRecord), cancel: nil, lang: lang))
                </section>
                """
        }
        let body: HTML = """
            <h1>\(lang(.navPayments))</h1>
            <p class="muted">\(lang(.paymentsIntro)) <a href="\(SitePath.arrears.path)">\(lang(.navArrears))</a>\(
                actor.role == .organization ? "" : " · <a href=\"/fees/budget\">\(lang(.budgetTitle))</a>" as HTML)</p>
            \(notice.map { Components.alert($0, ok: true) } ?? "")
            \(form)
            \(Components.filterChips(chips, lang: lang))
            \(Components.table(headers: [lang(.paymentDate), lang(.school), lang(.nounOrganization), lang(.paymentAmountShort), lang(.fundingSource),
                                         lang(.paymentVoucher), lang(.status), ""], rows: rows, numeric: [3], empty: lang(.noRecords)))
            """
        let page = Layout.page(
            req: req, title: lang(.navPayments), crumbs: [.init(title: lang(.navPayments))], body: body)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    static func record(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(may: .create, .payments)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        var errors: [FieldError] = []
        let amount = Fen.parseYuan(values["amount"] ?? "")
        if amount == nil {
            errors.append(
                .invalid("amount", .paymentAmount, value: values["amount"] ?? "", expected: .valuesYuan))
        }
        let source = FundingSource(rawValue: values["fundingSource"] ?? "")
        if source == nil { errors.append(.required("fundingSource", .fundingSource)) }
        let allocation = allocationLines(values["allocation"] ?? "")
        errors += allocation.errors
        guard errors.isEmpty, let amount, let source else {
            return try await list(
                req, values: values, errors: errors, notice: nil, status: .unprocessableEntity)
        }
        do {
            let saved = try await PaymentService.record(
                .init(
                    organization: values["organization"] ?? "", amount: amount,
                    paidOn: values["paidOn"] ?? "", fundingSource: source,
                    voucher: values["voucher"], note: values["note"], allocation: allocation.parts),
                actor: actor, now: req.now, on: req.db)
            if let warning = saved.warnings?.first {
                // Recorded all the same: the page says so and what to check.
                return try await list(
                    req, values: [:], errors: [], notice: lang(.paymentRecordedWith(warning)), status: .ok)
            }
            return req.redirect(local: SitePath.payments.path)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await list(
                req, values: values,
                errors: e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors,
                notice: nil, status: .unprocessableEntity)
        }
    }

    static func answer(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameters.require("id")) else { throw AppError.notFound }
        struct Form: Content { var reason: String? }
        let form = try? req.content.decode(Form.self)
        do {
            switch try req.parameters.require("answer") {
            case "confirm":
                let actor = try req.actor(may: .review, .payments)
                _ = try await PaymentService.answer(id, dispute: nil, actor: actor, now: req.now, on: req.db)
            case "dispute":
                let actor = try req.actor(may: .review, .payments)
                _ = try await PaymentService.answer(
                    id, dispute: form?.reason ?? "", actor: actor, now: req.now, on: req.db)
            case "correction":
                let actor = try req.actor(may: .create, .payments)
                _ = try await PaymentService.correct(
                    id, note: form?.reason, actor: actor, now: req.now, on: req.db)
            default:
                throw AppError.notFound
            }
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await list(
                req, values: [:],
                errors: e.errors.isEmpty ? [FieldError(code: e.kind, message: e.detail)] : e.errors,
                notice: nil, status: e.status)
        }
        return req.redirect(local: SitePath.payments.path)
    }

    /// The allocation box: one certificate per line, its code and the amount in yuan
    /// (`1-004 1,000.00`, `1-004：1000`); empty lines are skipped.
    static func allocationLines(_ text: String) -> (parts: [PaymentAllocation], errors: [FieldError]) {
        var parts: [PaymentAllocation] = []
        var errors: [FieldError] = []
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let words = line.split(whereSeparator: { $0.isWhitespace || $0 == "：" || $0 == ":" })
            guard !words.isEmpty else { continue }
            guard words.count == 2, let fen = Fen.parseYuan(String(words[1])) else {
                errors.append(
                    FieldError(
                        code: "invalid",
                        UIText(
                            zh: "分配明细第\(n + 1)行“\(line.prefix(40))”应为“证书代码 金额”，如 1-004 1000.00",
                            en:
                                "Allocation line \(n + 1) “\(line.prefix(40))” should read “code amount”, e.g. 1-004 1000.00"
                        ),
                        field: "allocation"))
                continue
            }
            parts.append(PaymentAllocation(certificate: String(words[0]), amount: fen))
        }
        return (parts, errors)
    }

    /// One payment: what it is, what it was allocated to, its files.
    static func detail(_ req: Request, errors: [FieldError], status: HTTPResponseStatus) async throws
        -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .payments)
        let row = try await PaymentService.find(try FeesAPI.id(req), actor: actor, on: req.db)
        let p = try await PaymentService.body(row.requireID(), on: req.db)
        let names = try await AccountNames.labels([row.recordedBy], lang: lang, on: req.db)
        var facts: [(String, String)] = [
            (lang(.paymentDate), lang.day(p.paidOn)), (lang(.school), p.schoolName),
            (lang(.nounOrganization), p.organizationName),
            (lang(.paymentAmountShort), Fen.displayText(p.amount)),
            (lang(.fundingSource), lang(p.fundingSource)), (lang(.paymentVoucher), p.voucher ?? ""),
            (lang(.status), lang(p.status) + (p.disputeReason.map { lang.colon + $0 } ?? "")),
            (lang(.paymentRecordedBy), names[row.recordedBy] ?? row.recordedBy),
        ]
        if let note = p.note { facts.append((lang(.paymentNote), note)) }
        var allocation: HTML = ""
        if let parts = p.allocation, !parts.isEmpty {
            let certificates = try await Certificate.query(on: req.db).filter(
                \.$code ~~ parts.map(\.certificate)
            ).all()
            let named = Dictionary(uniqueKeysWithValues: certificates.map { ($0.code, $0.name) })
            let rows = parts.map { a -> [HTML] in
                [
                    "\(named[a.certificate] ?? a.certificate)\(lang.bracketed(a.certificate))",
                    "\(Fen.displayText(a.amount))",
                ]
            }
            let rest = p.amount - parts.reduce(0) { $0 + $1.amount }
            allocation = """
                <section class="panel"><h2>\(lang(.paymentAllocated))</h2>
                \(Components.table(headers: [lang(.fieldCertificate), lang(.paymentAmountShort)], rows: rows, numeric: [1], empty: ""))
                <p class="muted">\(lang(.paymentUnallocated))\(lang.colon)\(Fen.displayText(rest))</p>
                </section>
                """
        }
        let files = FeeFileRoutes.section(
            .payment, id: p.id, files: try await FeeFileService.list(.payment(row), on: req.db),
            canUpload: actor.role == .school && actor.unit == p.school, req: req)
        let title = "\(lang(.navPayments)) · \(lang.day(p.paidOn)) · \(Fen.displayText(p.amount))"
        let alert: HTML = errors.isEmpty ? "" : Components.alert(html: Components.messages(errors, on: lang))
        let page = Layout.page(
            req: req, title: title,
            crumbs: [.init(title: lang(.navPayments), path: .payments), .init(title: title)],
            body: """
                <h1>\(title)</h1>
                \(alert)
                \(Components.facts(facts))
                \(allocation)
                \(files)
                """)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    /// Rows of the school × organisation table on the page (a province has hundreds of thousands).
    static let arrearsShown = 500

    /// The arrears filters a link may carry (a dashboard drill-down, a row of a total).
    static let arrearsFilters = ["region", "school", "organization"]

    static func arrearsRows(_ req: Request) async throws -> [ArrearsService.Item] {
        let actor = try req.actor(reading: .payments)
        return try await ArrearsService.items(
            actor: actor, school: req.queryText("school"), organization: req.queryText("organization"),
            region: req.queryText("region"), today: LocalDate(req.now), on: req.db)
    }

    /// The filters a link applied, named (a filtered list's rows all share them), each with a
    /// link that removes it.
    static func filterChips(
        _ req: Request, path: String, _ filters: [(key: String, label: String, name: String?)]
    )
        -> [Components.FilterChip]
    {
        filters.compactMap { f in
            req.queryText(f.key).map {
                .init(label: f.label, value: f.name ?? $0, remove: link(path, req, remove: [f.key]))
            }
        }
    }

    /// `path` with the page's filters, some set to other values and some removed.
    static func link(_ path: String, _ req: Request, set: [String: String] = [:], remove: Set<String> = [])
        -> String
    {
        var pairs: [String] = []
        for key in arrearsFilters where !remove.contains(key) {
            let value = set[key] ?? req.queryText(key)
            if let value {
                pairs.append(
                    "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
        }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    static func arrears(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(reading: .payments)
        let (school, organization, region) = (
            req.queryText("school"), req.queryText("organization"), req.queryText("region")
        )
        let today = LocalDate(req.now)
        // The largest debts first, at most `arrearsShown` rows on the page; the workbook has all.
        // The totals are the database's sums over every row, not only those shown.
        let page = try await ArrearsService.page(
            actor: actor, school: school, organization: organization, region: region,
            paging: Paging(limit: Self.arrearsShown, offset: 0), today: today, on: req.db)
        let sums = try await ArrearsService.summed(
            actor: actor, school: school, organization: organization, region: region,
            by: [.region, .organization],
            today: today, on: req.db)
        let here = SitePath.arrears.path
        func anchor(_ text: String, _ href: String) -> HTML { "<a href=\"\(href)\">\(text)</a>" }
        let shown = page.items
        let rows = shown.map { i -> [HTML] in
            let behind: HTML = """
                \(anchor(lang(.navPayments), link(SitePath.payments.path, req, set: ["school": i.school, "organization": i.organization], remove: ["region"]))) · \
                \(anchor(lang(.navExams), SitePath.exams.path + "?school=" + i.school))
                """
            return [
                anchor(i.schoolName, link(here, req, set: ["school": i.school])),
                anchor(i.organizationName, link(here, req, set: ["organization": i.organization])),
                "\(Fen.displayText(i.payable))", "\(Fen.displayText(i.paid))",
                "\(Fen.displayText(i.confirmed))", "\(outstanding(i.outstanding, lang))",
                HTML(raw: String(i.unpricedAttended)),
                "\(IndicatorSet.percent(i.settlementRate))", behind,
            ]
        }
        let total = sums.total
        // What is still owed, by how old its exams are; only rows that owe something.
        let aged = shown.filter { $0.ageing.contains { $0 > 0 } }.map { i -> [HTML] in
            ["\(i.schoolName)", "\(i.organizationName)"] + i.ageing.map { "\(Fen.displayText($0))" } + [
                "\(Fen.displayText(i.overdue))"
            ]
        }
        // Totals per city and per organisation, when the rows span more than one.
        var groups: [HTML] = []
        for (totals, key, title) in [
            (sums.groups[0], "region", UIText.arrearsByRegion),
            (sums.groups[1], "organization", .arrearsByOrganization),
        ] {
            guard totals.count > 1 else { continue }
            groups.append(
                """
                <h2>\(lang(title))</h2>
                \(totalsTable(totals, lang: lang) { link(here, req, set: [key: $0]) })
                """)
        }
        let chips = filterChips(
            req, path: here,
            [
                ("region", lang(.region), shown.first?.regionName),
                ("school", lang(.school), shown.first?.schoolName),
                ("organization", lang(.nounOrganization), shown.first?.organizationName),
            ])
        let body: HTML = """
            <h1>\(lang(.navArrears))</h1>
            <p class="muted">\(lang(.arrearsIntro))</p>
            \(Components.filterChips(chips, lang: lang))
            \(Components.facts([(lang(.arrearsPayable), Fen.displayText(total.payable)), (lang(.arrearsSettled), Fen.displayText(total.settled)),
                                (lang(.arrearsOutstanding), Fen.displayText(total.owed)),
                                (lang(.arrearsOverdue), Fen.displayText(total.overdue)),
                                (lang(.settlementRate), IndicatorSet.percent(total.settlementRate))]))
            <p><a class="btn secondary" href="\(link(here + "/export.xlsx", req))">\(lang(.exportXLSX))</a>
            <a class="btn secondary" href="\(here)/form">\(lang(.feeFormPayments))</a></p>
            \(HTML.join(groups))
            <h2>\(lang(.arrearsBySchoolAndOrganization))</h2>
            \(page.total > shown.count ? "<p class=\"muted\">\(lang(.arrearsTopRows(shown.count, page.total)))</p>" as HTML : "")
            \(Components.table(headers: [lang(.school), lang(.nounOrganization), lang(.arrearsPayable), lang(.arrearsPaid), lang(.arrearsConfirmed),
                                         lang(.arrearsOutstanding), lang(.arrearsUnpriced), lang(.settlementRate), lang(.arrearsBehind)],
                               rows: rows, numeric: [2, 3, 4, 5, 6, 7], empty: lang(.noRecords)))
            <h2>\(lang(.arrearsAgeing))</h2>
            <p class="muted">\(lang(.arrearsAgeingIntro))</p>
            \(Components.table(headers: [lang(.school), lang(.nounOrganization), lang(.ageUnder3), lang(.age3to6), lang(.age6to12),
                                         lang(.ageOver12), lang(.arrearsOverdue)],
                               rows: aged, numeric: [2, 3, 4, 5, 6], empty: lang(.noRecords)))
            """
        return Layout.page(
            req: req, title: lang(.navArrears),
            crumbs: [
                .init(title: lang(.navPayments), path: .payments),
                .init(title: lang(.navArrears)),
            ], body: body)
    }

    /// Totals per region, school or organisation, each name a link to what is behind it.
    static func totalsTable(_ totals: [ArrearsService.Total], lang: Lang, link: (String) -> String) -> HTML {
        let rows = totals.map { t -> [HTML] in
            [
                "<a href=\"\(link(t.key))\">\(t.name)</a>", "\(Fen.displayText(t.payable))",
                "\(Fen.displayText(t.settled))", "\(Fen.displayText(t.owed))",
                "\(Fen.displayText(t.overdue))",
                HTML(raw: String(t.unpricedAttended)), "\(IndicatorSet.percent(t.settlementRate))",
            ]
        }
        return Components.table(
            headers: [
                lang(.name), lang(.arrearsPayable), lang(.arrearsSettled), lang(.arrearsOutstanding),
                lang(.arrearsOverdue), lang(.arrearsUnpriced), lang(.settlementRate),
            ], rows: rows, numeric: [1, 2, 3, 4, 5, 6], empty: lang(.noRecords))
    }

    /// GD-1: a school's fee budget for a year beside what it paid, by funding source.
    static func budget(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(reading: .payments)
        try FeeBudgetService.authorise(actor)
        let today = LocalDate(req.now)
        let year = try req.queryYear() ?? today.year
        let code =
            req.queryText("school")
            ?? (actor.role == .school ? actor.unit : nil)
        var content: HTML = "<p class=\"muted\">\(lang(.budgetPickSchool))</p>"
        if let code {
            let b = try await FeeBudgetService.budget(
                school: code, year: year, actor: actor, today: today, on: req.db)
            let rows = b.lines.map { l -> [HTML] in
                [
                    "\(l.certificateName) <span class=\"muted\">\(l.certificate)</span>",
                    "\(l.organizationName)",
                    "\(lang(l.level))", HTML(raw: String(l.planned)),
                    "\(l.fee.map(Fen.displayText) ?? lang(.budgetUnpriced))", "\(Fen.displayText(l.amount))",
                ]
            }
            let paid = FundingSource.allCases.map { source -> (String, String) in
                (lang(source), Fen.displayText(b.paid[source.rawValue] ?? 0))
            }
            content = """
                <h2>\(b.schoolName) · \(String(b.year))</h2>
                \(Components.facts([(lang(.budgetTotal), Fen.displayText(b.total)), (lang(.budgetPricedOn), lang.day(b.pricedOn)),
                                    (lang(.budgetUnpricedCandidates), String(b.unpricedCandidates))]))
                \(Components.table(headers: [lang(.fieldCertificate), lang(.nounOrganization), lang(.level), lang(.planCount), lang(.feeAmount),
                                             lang(.budgetAmount)], rows: rows, numeric: [3, 4, 5], empty: lang(.noRecords)))
                <h2>\(lang(.budgetPaid))</h2>
                \(Components.facts(paid))
                """
        }
        let schoolBox: HTML =
            actor.role == .school
            ? ""
            : CodePicker.input(
                "school", value: code ?? "",
                options: try await CodePicker.options(SchoolStore.self, actor: actor, on: req.db),
                placeholder: lang(.schoolPicker))
        let body: HTML = """
            <h1>\(lang(.budgetTitle))</h1>
            <p class="muted">\(lang(.budgetIntro))</p>
            <form method="get" action="/fees/budget" class="toolbar">\(schoolBox)
            <input type="number" name="year" value="\(String(year))" aria-label="\(lang(.year))">
            <button type="submit" class="btn secondary">\(lang(.filter))</button></form>
            \(content)
            """
        return Layout.page(
            req: req, title: lang(.budgetTitle),
            crumbs: [
                .init(title: lang(.navPayments), path: .payments),
                .init(title: lang(.budgetTitle)),
            ], body: body)
    }

    /// Owed money as is; a negative balance is money paid ahead, said so rather than as a minus.
    static func outstanding(_ fen: Int, _ lang: Lang) -> String {
        fen < 0 ? lang(.arrearsCredit) + Fen.displayText(-fen) : Fen.displayText(fen)
    }

    static func arrearsExport(_ req: Request) async throws -> Response {
        let lang = req.lang
        let items = try await arrearsRows(req)
        let header = [
            lang(.school), lang(.schoolCode), lang(.region), lang(.nounOrganization),
            lang(.arrearsPayableYuan),
            lang(.arrearsPaidYuan), lang(.arrearsConfirmedYuan),
            lang(.arrearsOutstandingYuan), lang(.arrearsUnpriced), lang(.settlementRate),
            lang(.ageUnder3), lang(.age3to6), lang(.age6to12), lang(.ageOver12), lang(.arrearsOverdue),
        ]
        let rows = items.map { i in
            [
                i.schoolName, i.school, i.regionName, i.organizationName, Fen.yuanText(i.payable),
                Fen.yuanText(i.paid),
                Fen.yuanText(i.confirmed),
                Fen.yuanText(i.outstanding), String(i.unpricedAttended),
                IndicatorSet.percent(i.settlementRate),
            ] + i.ageing.map(Fen.yuanText) + [Fen.yuanText(i.overdue)]
        }
        return Download.file([header] + rows, name: "arrears-\(LocalDate(req.now))", format: .xlsx)
    }
}
