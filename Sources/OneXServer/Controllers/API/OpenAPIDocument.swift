import OneXDomain
import Vapor

/// A JSON value, for building documents whose shape is not a Swift type.
indirect enum JSONValue: Encodable, Sendable {
    case string(String), int(Int), bool(Bool), array([JSONValue]), object([(String, JSONValue)])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .int(let n): var c = encoder.singleValueContainer(); try c.encode(n)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .array(let a): var c = encoder.unkeyedContainer(); for v in a { try c.encode(v) }
        case .object(let pairs):
            var c = encoder.container(keyedBy: AnyKey.self)
            for (k, v) in pairs { try c.encode(v, forKey: AnyKey(k)) }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// The OpenAPI 3.1 description served at `/openapi.json`. A test checks that it lists exactly
/// the routes registered under `/api/v1`.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var tag: String
        var request: String? = nil
        var success: Int = 200
        var isPublic = false
        var query: [QueryParameter] = []
    }

    /// The query parameters an operation reads, with the bounds `Limits` enforces, so
    /// generated clients and fuzzers see what the server will accept.
    enum QueryParameter: String {
        case limit, offset, year, q, status, planStatus, school, region, kind, certificate, organization, asOf, format

        /// The parameter's name in the URL: a plan's status is `status` too.
        var name: String { self == .planStatus ? "status" : rawValue }

        static let paging: [QueryParameter] = [.limit, .offset]

        var schema: JSONValue {
            func bounded(_ r: ClosedRange<Int>) -> JSONValue {
                .object([("type", .string("integer")), ("minimum", .int(r.lowerBound)), ("maximum", .int(r.upperBound))])
            }
            switch self {
            case .limit: return bounded(Limits.pageLimit)
            case .offset: return bounded(Limits.pageOffset)
            case .year: return bounded(Limits.year)
            case .status: return OpenAPIDocument.enumeration(ApplicationStatus.allCases.map(\.rawValue))
            case .planStatus: return OpenAPIDocument.enumeration(PlanStatus.allCases.map(\.rawValue))
            case .kind: return OpenAPIDocument.enumeration(SchoolKind.allCases.map(\.rawValue))
            case .asOf: return OpenAPIDocument.str([("format", .string("date"))])
            case .format: return OpenAPIDocument.enumeration(["xlsx"])
            case .q, .school, .region, .certificate, .organization: return OpenAPIDocument.str([("maxLength", .int(200))])
            }
        }
    }

    static var operations: [Operation] {
        var ops: [Operation] = [
            Operation(method: "post", path: "/api/v1/auth/token", summary: "Log in: exchange username and password for a bearer token",
                      tag: "auth", request: "Credentials", isPublic: true),
            Operation(method: "delete", path: "/api/v1/auth/token", summary: "Log out: revoke the token used", tag: "auth", success: 204),
            Operation(method: "get", path: "/api/v1/me", summary: "The calling user", tag: "auth"),
            Operation(method: "get", path: "/api/v1/users", summary: "List accounts", tag: "users", query: QueryParameter.paging),
            Operation(method: "post", path: "/api/v1/users", summary: "Create an account", tag: "users", request: "Account", success: 201),
            Operation(method: "get", path: "/api/v1/users/{username}", summary: "One account", tag: "users"),
            Operation(method: "put", path: "/api/v1/users/{username}", summary: "Edit an account", tag: "users", request: "Account"),
            Operation(method: "post", path: "/api/v1/imports/{table}",
                      summary: "Import a CSV (UTF-8 or GB18030) or XLSX file into regions, organizations, certificates, schools, alliances or experts; all or nothing; cost caps in yuan (two decimals at most)",
                      tag: "imports", request: "File"),
            Operation(method: "get", path: "/api/v1/fee-standards",
                      summary: "Fee standards the caller may see (?certificate=&status=); published ones without an account (MOE12-1)",
                      tag: "fees"),
            Operation(method: "get", path: "/api/v1/fee-standards/{id}", summary: "One fee standard", tag: "fees"),
            Operation(method: "post", path: "/api/v1/fee-standards",
                      summary: "Propose a fee standard {certificate, level, amount (fen), effectiveFrom, breakdown?, raiseRequest?} (organisation)",
                      tag: "fees", request: "FeeProposal", success: 201),
            Operation(method: "post", path: "/api/v1/fee-standards/{id}/review",
                      summary: "Record the expert review {meetingOn, opinions: [{expert, opinion}], conclusion} (the alliance's lead school)",
                      tag: "fees", request: "FeeReview"),
            Operation(method: "post", path: "/api/v1/fee-standards/{id}/decision",
                      summary: "Verify (may lower the amount) or reject with a comment {decision, amount?, comment?} (province)",
                      tag: "fees", request: "FeeDecision"),
            Operation(method: "post", path: "/api/v1/fee-standards/{id}/publish",
                      summary: "Publish a verified standard {documentNumber?, publishedOn?} (province office)", tag: "fees", request: "FeePublication"),
            Operation(method: "get", path: "/api/v1/fee-coverage",
                      summary: "Fee-standard coverage (AH38-1): piloted certificates, those with a standard in force for every planned level, the missing ones",
                      tag: "fees"),
            Operation(method: "get", path: "/api/v1/fee-budget",
                      summary: "A school's fee budget for a year (GD-1): planned candidates × the standard in force, and paid by funding source (?school=&year=)",
                      tag: "fees"),
            Operation(method: "get", path: "/api/v1/payments", summary: "Payments the caller may see (?school=&organization=)", tag: "fees"),
            Operation(method: "post", path: "/api/v1/payments",
                      summary: "Record a payment to an organisation (school; amount in fen); warns when the school has no exams with it",
                      tag: "fees", request: "Payment", success: 201),
            Operation(method: "post", path: "/api/v1/payments/{id}/confirm", summary: "Confirm receipt (the organisation paid)", tag: "fees"),
            Operation(method: "post", path: "/api/v1/payments/{id}/dispute", summary: "Dispute a payment {reason} (the organisation paid)",
                      tag: "fees", request: "PaymentAnswer"),
            Operation(method: "post", path: "/api/v1/payments/{id}/correction",
                      summary: "Reverse a payment by an entry of the opposite amount {reason?} (the paying school)", tag: "fees",
                      request: "PaymentAnswer", success: 201),
            Operation(method: "get", path: "/api/v1/arrears",
                      summary: "Payable, paid, confirmed and outstanding per school and organisation, the largest debts first (?school=&organization=&region=&limit=&offset=); unpriced attended, ageing, overdue",
                      tag: "fees", query: [.school, .organization, .region, .limit, .offset]),
            Operation(method: "post", path: "/api/v1/fee-standards/{id}/attachments",
                      summary: "Add a file to an undecided standard: purpose costBreakdown or raiseRequest (the proposing organisation; multipart)",
                      tag: "fees", request: "Upload", success: 201),
            Operation(method: "get", path: "/api/v1/fee-standards/{id}/attachments/{attachment}",
                      summary: "Download a file of a standard", tag: "fees"),
            Operation(method: "post", path: "/api/v1/payments/{id}/attachments",
                      summary: "Add the voucher to a payment: purpose voucher (the paying school; multipart)", tag: "fees",
                      request: "Upload", success: 201),
            Operation(method: "get", path: "/api/v1/payments/{id}/attachments/{attachment}",
                      summary: "Download a file of a payment", tag: "fees"),
            Operation(method: "post", path: "/api/v1/biweekly-reports",
                      summary: "File a biweekly report {dueDate?, progress, experience?, cases?, problems?, suggestions?} or {dueDate?, text} (school; AH41-9); after its due date it is kept and marked late",
                      tag: "reporting", request: "BiweeklyReport", success: 201),
            Operation(method: "get", path: "/api/v1/biweekly-reports", summary: "Biweekly reports the caller may see (?school=)", tag: "reporting"),
            Operation(method: "post", path: "/api/v1/biweekly-reports/import",
                      summary: "Import the national platform's records (CSV/XLSX: school, dueDate, submittedAt), all or nothing; records already there do not count twice (province office)",
                      tag: "reporting", request: "File"),
            Operation(method: "get", path: "/api/v1/compliance/biweekly",
                      summary: "Per pilot school this year: reports due, submitted, on time, late, missed, consecutive misses, flagged (AH41-9); ?by=region: summed per region with a last line for the whole scope",
                      tag: "reporting"),
            Operation(method: "post", path: "/api/v1/compliance/biweekly/{school}/{action}",
                      summary: "revocation: take next year's pilot eligibility from a school on the notice list {reason?}; lift: give it back {reason} (province office; AH41-9)",
                      tag: "reporting", request: "PaymentAnswer"),
            Operation(method: "post", path: "/api/v1/rectification-items",
                      summary: "Add a ledger item with its four lists (province office; a city bureau for its own schools and itself; AH38-3)",
                      tag: "reporting", request: "RectificationItem", success: 201),
            Operation(method: "get", path: "/api/v1/rectification-items",
                      summary: "Ledger items the caller may see, with flags overdue / noMonthlyProgress (?status=&category=&unit=&flagged=1&q= part of the number, problem or unit)",
                      tag: "reporting"),
            Operation(method: "post", path: "/api/v1/rectification-items/import",
                      summary: "Import items from CSV/XLSX (category, problem, task, responsibleKind, responsibleUnit, person, phone, deadline), all or nothing (province office; a city bureau for its own schools)",
                      tag: "reporting", request: "File", success: 201),
            Operation(method: "post", path: "/api/v1/rectification-items/generate",
                      summary: "One item per certificate without a published standard and per school × organisation with arrears, unless one is still open {deadline} (province office)",
                      tag: "reporting", request: "RectificationGenerate", success: 201),
            Operation(method: "get", path: "/api/v1/rectification-items/notice-list",
                      summary: "Units with overdue items or items without this month's progress, worst first (AH38-6)", tag: "reporting"),
            Operation(method: "get", path: "/api/v1/rectification-items/{id}",
                      summary: "One item with its history and, for a data-linked item, the live figure", tag: "reporting"),
            Operation(method: "post", path: "/api/v1/rectification-items/{id}/progress",
                      summary: "Progress or the leader's review {kind: progress|leaderReview, text, leader?, onDay?} (the responsible unit; JSON or multipart with file)",
                      tag: "reporting", request: "RectificationProgress", success: 201),
            Operation(method: "put", path: "/api/v1/rectification-items/{id}/person",
                      summary: "Change the responsible person and phone {person, phone} (the responsible unit)", tag: "reporting",
                      request: "RectificationPerson"),
            Operation(method: "post", path: "/api/v1/rectification-items/{id}/closure-requests",
                      summary: "Apply for closure: multipart text and file (evidence); refused while a linked figure still shows the problem (the responsible unit; AH38-4)",
                      tag: "reporting", request: "RectificationStep", success: 201),
            Operation(method: "post", path: "/api/v1/rectification-items/{id}/confirm",
                      summary: "The city bureau's confirmation of a secondary school's application {text?}", tag: "reporting",
                      request: "RectificationStep"),
            Operation(method: "post", path: "/api/v1/rectification-items/{id}/close",
                      summary: "Close (对账销号): the province office, or the province reviewer as 高教处 for undergraduate institutions {text?}",
                      tag: "reporting", request: "RectificationStep"),
            Operation(method: "post", path: "/api/v1/rectification-items/{id}/return",
                      summary: "Send an application back to the responsible unit {text} (whoever it waits for)", tag: "reporting",
                      request: "RectificationStep"),
            Operation(method: "post", path: "/api/v1/rectification-items/{id}/reopen",
                      summary: "Reopen a closed item (巩固) {text} (province)", tag: "reporting", request: "RectificationStep"),
            Operation(method: "get", path: "/api/v1/rectification-items/{id}/entries/{entry}/file",
                      summary: "Download the file of an entry", tag: "reporting"),
            Operation(method: "get", path: "/api/v1/exam-sites",
                      summary: "Exam sites the caller may see: a school its own and, as an alliance's lead school, those it reviews; approved sites are public (?status=&certificate=&region=&q=&waiting=1&limit=&offset=; AH41-3)",
                      tag: "quality", query: [.status, .certificate, .region, .q, .limit, .offset]),
            Operation(method: "post", path: "/api/v1/exam-sites",
                      summary: "A school applies to host a site for a certificate it pilots {certificate, place, address, capacity, equipment, contact, phone}",
                      tag: "quality", request: "ExamSite", success: 201),
            Operation(method: "get", path: "/api/v1/exam-sites/coverage",
                      summary: "Certificate × city cells with pilot schools of the year and their approved sites, and per-city tallies (?year=)",
                      tag: "quality"),
            Operation(method: "get", path: "/api/v1/exam-sites/coverage/schools",
                      summary: "The pilot schools of a certificate in a city, with planned candidates (?certificate=&region=&year=)",
                      tag: "quality"),
            Operation(method: "get", path: "/api/v1/exam-sites/{id}",
                      summary: "One site with who it waits for and the caller's possible steps", tag: "quality"),
            Operation(method: "post", path: "/api/v1/exam-sites/{id}/{step}",
                      summary: "resubmit (the school, with changed fields), agree (the alliance's lead school), approve (the organisation), return {reason} (whoever it waits for), suspend {reason} / resume (the organisation or the province office)",
                      tag: "quality", request: "ExamSiteStep"),
            Operation(method: "get", path: "/api/v1/training-courses",
                      summary: "Teacher-training courses, newest first (public; ?organization=&q=&limit=&offset=; AH41-6)", tag: "quality",
                      query: [.organization, .q, .limit, .offset]),
            Operation(method: "post", path: "/api/v1/training-courses",
                      summary: "An organisation announces a course of its certificate {certificate, level, title, startsOn, endsOn, place, feePerHead (fen), seats, trainers[{name, employer, fromIndustry}]}; refused under the policy's industry share (industry_share_below) or above its fee cap (fee_above_cap)",
                      tag: "quality", request: "TrainingCourse", success: 201),
            Operation(method: "get", path: "/api/v1/training-courses/qualifications",
                      summary: "Per school in the caller's scope: teachers trained, trainers, examiners, qualified and share, ranked", tag: "quality"),
            Operation(method: "get", path: "/api/v1/training-courses/{id}",
                      summary: "One course with the teachers the caller may see (phones masked)", tag: "quality"),
            Operation(method: "post", path: "/api/v1/training-courses/{id}/participants",
                      summary: "A school enrols its teacher {name, idNumber? (kept as a keyed hash), phone?}", tag: "quality",
                      request: "TrainingEnrolment", success: 201),
            Operation(method: "put", path: "/api/v1/training-courses/{id}/participants/{participant}",
                      summary: "The course's organisation records the outcome {outcome: enrolled|completed|trainer|examiner|trainerAndExaminer, certificateNumber}",
                      tag: "quality", request: "TrainingOutcome"),
            Operation(method: "get", path: "/api/v1/teacher-workloads",
                      summary: "Each teacher's year in the caller's scope: hours, payable hours (× the policy's multiplier), terms, certificates, years of X-certificate training (?year=&q=&limit=&offset=; AH41-7)",
                      tag: "quality", query: [.year, .q, .limit, .offset]),
            Operation(method: "post", path: "/api/v1/teacher-workloads",
                      summary: "A school records a teacher's hours {teacher, idNumber?, year, half: spring|autumn, certificate, hours}; the same teacher, term and certificate again replaces them",
                      tag: "quality", request: "TeacherWorkload", success: 201),
            Operation(method: "get", path: "/api/v1/complaints",
                      summary: "Complaints the caller may see: the province all; a school or city what it filed (a city also its schools'); an organisation what it filed and, once sent for a reply, those about it (?status=&q=&limit=&offset=; AH41-2)",
                      tag: "quality", query: [.status, .q, .limit, .offset]),
            Operation(method: "post", path: "/api/v1/complaints",
                      summary: "File a complaint {organization, certificate?, occurredOn, what} as JSON, or multipart with an evidence file (a school, city bureau or organisation)",
                      tag: "quality", request: "Complaint", success: 201),
            Operation(method: "get", path: "/api/v1/complaints/{id}", summary: "One complaint with its history", tag: "quality"),
            Operation(method: "get", path: "/api/v1/complaints/{id}/evidence", summary: "The complaint's evidence file", tag: "quality"),
            Operation(method: "post", path: "/api/v1/complaints/{id}/{step}",
                      summary: "accept, forward (to the organisation for a reply), reportToMoE {text, day}, close {text: findings} by the province office; reply {text} by the organisation complained about",
                      tag: "quality", request: "ComplaintStep"),
            Operation(method: "get", path: "/api/v1/certificate-decisions",
                      summary: "Schools' admissions and exits of certificates in the caller's scope, newest first (?certificate=&q=&limit=&offset=; AH41-2)",
                      tag: "quality", query: [.certificate, .q, .limit, .offset]),
            Operation(method: "post", path: "/api/v1/certificate-decisions",
                      summary: "A school records {certificate, kind: admit|exit, decidedOn, justification (the experts' for an admission, the reason for an exit), experts (required to admit)}",
                      tag: "quality", request: "CertificateDecision", success: 201),
            Operation(method: "get", path: "/api/v1/filings",
                      summary: "Filed provincial activities in the caller's scope: an organisation its own, a lead school those it co-signs, the province all (?month=YYYY-MM&status=&q=&limit=&offset=; AH41-4)",
                      tag: "quality", query: [.status, .q, .limit, .offset]),
            Operation(method: "post", path: "/api/v1/filings",
                      summary: "An organisation files an activity of its certificate {certificate, kind: standardBriefing|teacherTraining|exam, title, startsOn, endsOn, place, participants}",
                      tag: "quality", request: "Filing", success: 201),
            Operation(method: "get", path: "/api/v1/filings/unfiled-exams",
                      summary: "Exam days of the year of a certificate that no exam filing covers, newest first, with the schools examined that day (province; an organisation its own; ?year=&limit=&offset=)",
                      tag: "quality", query: [.year, .limit, .offset]),
            Operation(method: "get", path: "/api/v1/filings/{id}", summary: "One filing with the caller's possible steps", tag: "quality"),
            Operation(method: "post", path: "/api/v1/filings/{id}/{step}",
                      summary: "cosign (the alliance's lead school), acknowledge / requestMore {reason} (the province office), resubmit with changed fields (the organisation)",
                      tag: "quality", request: "FilingStep"),
            Operation(method: "get", path: "/api/v1/policy", summary: "The province policy in force, with its version", tag: "policy"),
            Operation(method: "put", path: "/api/v1/policy", summary: "Publish a new policy version", tag: "policy", request: "Policy"),
            Operation(method: "get", path: "/api/v1/admin/clock", summary: "The manual clock (ONEX_CLOCK=manual only)", tag: "admin"),
            Operation(method: "put", path: "/api/v1/admin/clock", summary: "Set the manual clock (ONEX_CLOCK=manual only)", tag: "admin", request: "Clock"),
            Operation(method: "get", path: "/api/v1/audit", summary: "Audit log, newest first", tag: "audit", query: QueryParameter.paging),
            Operation(method: "get", path: "/api/v1/audit/verify", summary: "Verify the audit log's hash chain", tag: "audit"),
            Operation(method: "get", path: "/api/v1/applications", summary: "Applications visible to the caller (?status=&year=)", tag: "applications",
                      query: [.status, .year] + QueryParameter.paging),
            Operation(method: "post", path: "/api/v1/applications", summary: "A school starts a draft application",
                      tag: "applications", request: "ApplicationDraft", success: 201),
            Operation(method: "get", path: "/api/v1/applications/{id}", summary: "One application with lines, reviews, attachments and, for a draft, its violations", tag: "applications"),
            Operation(method: "put", path: "/api/v1/applications/{id}", summary: "Replace a draft's year and lines", tag: "applications", request: "ApplicationDraft"),
            Operation(method: "post", path: "/api/v1/applications/{id}/submit", summary: "Submit: every rule is checked; 422 lists every violation", tag: "applications"),
            Operation(method: "delete", path: "/api/v1/applications/{id}", summary: "Delete a draft never submitted (its school); 409 otherwise",
                      tag: "applications", success: 204),
            Operation(method: "delete", path: "/api/v1/applications/{id}/attachments/{attachment}",
                      summary: "Remove a file while the application is a draft (its school); 409 after submission", tag: "applications",
                      success: 204),
            Operation(method: "post", path: "/api/v1/applications/{id}/withdraw",
                      summary: "Withdraw (撤回) a submitted application before any review decision, back to a draft (its school); 409 after",
                      tag: "applications"),
            Operation(method: "post", path: "/api/v1/applications/{id}/reviews", summary: "Approve, return or reject in the reviewer's phase", tag: "applications", request: "Review"),
            Operation(method: "post", path: "/api/v1/applications/{id}/attachments", summary: "Upload a stamped scan, justification (with line) or adjustment form (multipart)", tag: "applications", request: "Upload", success: 201),
            Operation(method: "get", path: "/api/v1/applications/{id}/forms/{name}",
                      summary: "Printable form (HN-12: henan-1..3, anhui-1..3) as A4 HTML; ?format=xlsx for a spreadsheet", tag: "applications",
                      query: [.format]),
            Operation(method: "get", path: "/api/v1/plans", summary: "Plans with their change history (?school=&year=&certificate=&status=)", tag: "plans",
                      query: [.school, .region, .kind, .certificate, .organization, .year, .planStatus] + QueryParameter.paging),
            Operation(method: "post", path: "/api/v1/admin/jobs/{job}/run", summary: "Run a scheduled job now (forcedExit, windowNotices, monitoringSnapshot, biweeklyCheck)", tag: "admin"),
            Operation(method: "post", path: "/api/v1/exams", summary: "Record an exam session of a plan (organization of the certificate, or provinceAdmin)",
                      tag: "exams", request: "Exam", success: 201),
            Operation(method: "get", path: "/api/v1/exams", summary: "Exam sessions the caller may see, newest first (?school=&year=)", tag: "exams",
                      query: [.school, .year, .limit]),
            Operation(method: "post", path: "/api/v1/exams/import",
                      summary: "Per-candidate results (CSV/XLSX, raw body or multipart `file`); all or nothing; ID numbers hashed", tag: "exams"),
            Operation(method: "put", path: "/api/v1/pilot-students", summary: "A school declares its pilot students for a year (AH41-10)",
                      tag: "indicators", request: "PilotStudents"),
            Operation(method: "post", path: "/api/v1/monitoring/bulletins/{day}",
                      summary: "Publish the pace-warning bulletin (通报) of a snapshot day (AH22-8); optional body {documentNumber} (文号, at most 40 characters)", tag: "monitoring"),
            Operation(method: "post", path: "/api/v1/monitoring/bulletins/{day}/public",
                      summary: "Put a published bulletin on the public pages, or take it off them (AH41-12); body {public: true|false}; 409 not_published before it is published", tag: "monitoring"),
            Operation(method: "get", path: "/api/v1/indicators",
                      summary: "Indicators of indicators.md (?year=&asOf=&school=|region=|certificate=|organization=)", tag: "indicators",
                      query: [.year, .asOf, .school, .region, .certificate, .organization]),
            Operation(method: "get", path: "/api/v1/notices", summary: "In-app notices for the caller, newest first", tag: "notices", query: [.limit]),
        ]
        for kind in CatalogKind.allCases {
            let k = kind.rawValue
            let schema = schemaName(kind)
            ops += [
                Operation(method: "get", path: "/api/v1/\(k)", summary: "List \(k) visible to the caller (?q=&limit=&offset=)", tag: "catalog",
                          query: [.q] + QueryParameter.paging),
                Operation(method: "post", path: "/api/v1/\(k)", summary: "Create one of \(k)", tag: "catalog", request: schema, success: 201),
                Operation(method: "get", path: "/api/v1/\(k)/{code}", summary: "One of \(k) by code", tag: "catalog"),
                Operation(method: "put", path: "/api/v1/\(k)/{code}", summary: "Update one of \(k)", tag: "catalog", request: schema),
            ]
        }
        return ops
    }

    static func schemaName(_ kind: CatalogKind) -> String {
        switch kind {
        case .regions: "Region"
        case .organizations: "Organization"
        case .certificates: "Certificate"
        case .schools: "School"
        case .alliances: "Alliance"
        case .experts: "Expert"
        }
    }

    static func str(_ extra: [(String, JSONValue)] = []) -> JSONValue { .object([("type", .string("string"))] + extra) }
    static func int() -> JSONValue { .object([("type", .string("integer"))]) }
    static func bool() -> JSONValue { .object([("type", .string("boolean"))]) }
    static func obj(_ props: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([("type", .string("object")), ("properties", .object(props)), ("required", .array(required.map { .string($0) }))])
    }
    static func enumeration(_ values: [String]) -> JSONValue {
        .object([("type", .string("string")), ("enum", .array(values.map { .string($0) }))])
    }

    static var schemas: [(String, JSONValue)] {
        let levels = enumeration(Level.allCases.map(\.rawValue))
        var out: [(String, JSONValue)] = []
        out.append(("Credentials", obj([("username", str()), ("password", str())], required: ["username", "password"])))
        out.append(("Account", obj([("username", str()), ("password", str()), ("role", enumeration(Role.allCases.map(\.rawValue))),
                         ("unit", str()), ("active", bool())], required: ["username", "role"])))
        out.append(("Region", obj([("code", str()), ("name", str()), ("kind", enumeration(RegionKind.allCases.map(\.rawValue)))],
                       required: ["code", "name", "kind"])))
        out.append(("Organization", obj([("code", str()), ("name", str())], required: ["code", "name"])))
        out.append(("Certificate", obj([("code", str()), ("name", str()), ("batch", int()), ("organization", str()),
                             ("levels", .object([("type", .string("array")), ("items", levels)])),
                             ("minCandidates", int()),
                             ("costCaps", .object([("type", .string("object")), ("description", .string("fen per level")),
                                                   ("additionalProperties", int())]))],
                            required: ["code", "name", "batch", "organization", "levels"])))
        out.append(("School", obj([("code", str()), ("name", str()), ("kind", enumeration(SchoolKind.allCases.map(\.rawValue))),
                        ("region", str()), ("nationalPlatformRegistered", bool()),
                        ("filedOn", str([("format", .string("date"))]))],
                       required: ["code", "name", "kind", "region", "nationalPlatformRegistered"])))
        out.append(("Alliance", obj([("certificate", str()), ("leadSchool", str()),
                          ("members", .object([("type", .string("array")), ("items", str())]))],
                         required: ["certificate", "leadSchool", "members"])))
        out.append(("Expert", obj([("code", str()), ("name", str()), ("field", str()), ("unit", str())],
                       required: ["code", "name", "field", "unit"])))
        out.append(("ApplicationDraft", obj([("year", int()), ("lines", .object([("type", .string("array")), ("items", obj(
            [("certificate", str()), ("level", levels), ("kind", enumeration(LineKind.allCases.map(\.rawValue))),
             ("count", int()), ("reason", enumeration(DecreaseReason.allCases.map(\.rawValue)))],
            required: ["certificate", "level", "kind", "count"]))]))], required: ["year", "lines"])))
        out.append(("PilotStudents", obj([("year", int()), ("count", int())], required: ["year", "count"])))
        out.append(("Exam", obj([("school", str()), ("certificate", str()), ("level", levels), ("year", int()),
                      ("date", str([("format", .string("date"))])), ("site", str()), ("siteNumber", str()), ("registered", int()), ("attended", int()),
                      ("passed", int())],
                     required: ["school", "certificate", "level", "year", "date", "registered", "attended", "passed"])))
        out.append(("Review", obj([("decision", enumeration(["approve", "return", "reject"])), ("comment", str())], required: ["decision"])))
        let day = str([("format", .string("date"))])
        out.append(("FeeProposal", obj([("certificate", str()), ("level", levels), ("amount", int()), ("effectiveFrom", day),
                                        ("breakdown", str()), ("raiseRequest", str())],
                                       required: ["certificate", "level", "amount", "effectiveFrom"])))
        out.append(("FeeReview", obj([("meetingOn", day), ("opinions", .object([("type", .string("array")), ("items", obj(
            [("expert", str()), ("opinion", str())], required: ["expert", "opinion"]))])), ("conclusion", str())],
                                     required: ["meetingOn", "opinions", "conclusion"])))
        out.append(("FeeDecision", obj([("decision", enumeration(["verify", "reject"])), ("amount", int()), ("comment", str())],
                                       required: ["decision"])))
        out.append(("FeePublication", obj([("documentNumber", str()), ("publishedOn", day)], required: [])))
        out.append(("Payment", obj([("organization", str()), ("amount", int()), ("paidOn", day),
                                    ("fundingSource", enumeration(FundingSource.allCases.map(\.rawValue))), ("voucher", str()), ("note", str()),
                                    ("allocation", .object([("type", .string("array")), ("items", obj(
                                        [("certificate", str()), ("amount", int())], required: ["certificate", "amount"]))]))],
                                   required: ["organization", "amount", "paidOn", "fundingSource"])))
        out.append(("PaymentAnswer", obj([("reason", str())], required: [])))
        out.append(("BiweeklyReport", obj([("dueDate", day), ("progress", str()), ("experience", str()), ("cases", str()),
                                           ("problems", str()), ("suggestions", str()), ("text", str())], required: [])))
        out.append(("RectificationItem", obj([("category", enumeration(RectificationCategory.allCases.map(\.rawValue))),
                                              ("problem", str()), ("task", str()),
                                              ("responsibleKind", enumeration(ResponsibleKind.allCases.map(\.rawValue))),
                                              ("responsibleUnit", str()), ("person", str()), ("phone", str()), ("deadline", day)],
                                             required: ["category", "problem", "task", "responsibleKind", "responsibleUnit", "person", "phone", "deadline"])))
        out.append(("RectificationGenerate", obj([("deadline", day)], required: ["deadline"])))
        out.append(("RectificationProgress", obj([("kind", enumeration(["progress", "leaderReview"])), ("text", str()),
                                                  ("leader", str()), ("onDay", day)], required: ["text"])))
        out.append(("RectificationPerson", obj([("person", str()), ("phone", str())], required: ["person", "phone"])))
        out.append(("RectificationStep", obj([("text", str()),
                                              ("file", .object([("type", .string("string")), ("format", .string("binary"))]))],
                                             required: [])))
        let siteFields: [(String, JSONValue)] = [("place", str()), ("address", str()), ("capacity", int()), ("equipment", str()),
                                                 ("contact", str()), ("phone", str())]
        out.append(("ExamSite", obj([("certificate", str())] + siteFields,
                                    required: ["certificate", "place", "address", "capacity", "equipment", "contact", "phone"])))
        out.append(("ExamSiteStep", obj([("reason", str())] + siteFields, required: [])))
        out.append(("TrainingCourse", obj([("certificate", str()), ("level", enumeration(Level.allCases.map(\.rawValue))),
                                           ("title", str()), ("startsOn", day), ("endsOn", day), ("place", str()),
                                           ("feePerHead", int()), ("seats", int()),
                                           ("trainers", .object([("type", .string("array")),
                                                                 ("items", obj([("name", str()), ("employer", str()),
                                                                                ("fromIndustry", .object([("type", .string("boolean"))]))],
                                                                               required: ["name", "employer"]))]))],
                                          required: ["certificate", "level", "title", "startsOn", "endsOn", "place", "feePerHead", "seats", "trainers"])))
        out.append(("TrainingEnrolment", obj([("name", str()), ("idNumber", str()), ("phone", str())], required: ["name"])))
        out.append(("TrainingOutcome", obj([("outcome", enumeration(TrainingOutcome.allCases.map(\.rawValue))),
                                            ("certificateNumber", str())], required: ["outcome"])))
        out.append(("TeacherWorkload", obj([("teacher", str()), ("idNumber", str()), ("year", int()),
                                            ("half", enumeration(TermHalf.allCases.map(\.rawValue))), ("certificate", str()),
                                            ("hours", int())], required: ["teacher", "year", "half", "certificate", "hours"])))
        out.append(("Complaint", obj([("organization", str()), ("certificate", str()), ("occurredOn", day), ("what", str()),
                                      ("file", .object([("type", .string("string")), ("format", .string("binary"))]))],
                                     required: ["organization", "occurredOn", "what"])))
        out.append(("ComplaintStep", obj([("text", str()), ("day", day)], required: ["text"])))
        out.append(("CertificateDecision", obj([("certificate", str()), ("kind", enumeration(CertificateDecisionKind.allCases.map(\.rawValue))),
                                                ("decidedOn", day), ("justification", str()), ("experts", str())],
                                               required: ["certificate", "kind", "decidedOn", "justification"])))
        let filingFields: [(String, JSONValue)] = [("kind", enumeration(ActivityKind.allCases.map(\.rawValue))), ("title", str()),
                                                   ("startsOn", day), ("endsOn", day), ("place", str()), ("participants", int())]
        out.append(("Filing", obj([("certificate", str())] + filingFields,
                                  required: ["certificate", "kind", "title", "startsOn", "endsOn", "place", "participants"])))
        out.append(("FilingStep", obj([("reason", str())] + filingFields, required: [])))
        out.append(("Policy", .object([("type", .string("object")), ("description", .string("See policies.md"))])))
        out.append(("Clock", obj([("now", str([("format", .string("date-time"))]))], required: ["now"])))
        out.append(("File", .object([("type", .string("string")), ("format", .string("binary"))])))
        out.append(("Upload", obj([("purpose", str()), ("line", int()),
                                   ("file", .object([("type", .string("string")), ("format", .string("binary"))]))],
                                  required: ["purpose", "file"])))
        out.append(("Problem", obj([("type", str()), ("title", str()), ("status", int()), ("detail", str()),
                         ("errors", .object([("type", .string("array")), ("items", obj(
                            [("code", str()), ("message", str()), ("line", int()), ("field", str())],
                            required: ["code", "message"]))]))],
                        required: ["type", "title", "status", "detail"])))
        return out
    }

    static var document: JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for op in operations {
            var fields: [(String, JSONValue)] = [("summary", .string(op.summary)), ("tags", .array([.string(op.tag)]))]
            var params = op.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { p -> JSONValue in
                .object([("name", .string(String(p.dropFirst().dropLast()))), ("in", .string("path")),
                         ("required", .bool(true)), ("schema", str())])
            }
            params += op.query.map { q in
                .object([("name", .string(q.name)), ("in", .string("query")), ("required", .bool(false)), ("schema", q.schema)])
            }
            if !params.isEmpty { fields.append(("parameters", .array(params))) }
            if let r = op.request {
                let type = r == "File" ? "text/csv" : r == "Upload" ? "multipart/form-data" : "application/json"
                var content: [(String, JSONValue)] = [(type, .object([("schema", .object([("$ref", .string("#/components/schemas/\(r)"))]))]))]
                if r == "File" {
                    content.append(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    .object([("schema", .object([("$ref", .string("#/components/schemas/File"))]))])))
                }
                fields.append(("requestBody", .object([("required", .bool(true)), ("content", .object(content))])))
            }
            let problem: JSONValue = .object([("description", .string("Problem")), ("content", .object([
                ("application/problem+json", .object([("schema", .object([("$ref", .string("#/components/schemas/Problem"))]))])),
            ]))])
            var responses: [(String, JSONValue)] = [(String(op.success), .object([("description", .string("OK"))]))]
            responses += [("400", problem), ("401", problem), ("403", problem), ("404", problem), ("422", problem)]
            fields.append(("responses", .object(responses)))
            if op.isPublic { fields.append(("security", .array([]))) }
            if let i = paths.firstIndex(where: { $0.0 == op.path }) {
                paths[i].1.append((op.method, .object(fields)))
            } else {
                paths.append((op.path, [(op.method, .object(fields))]))
            }
        }
        return .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([("title", .string("OneX API")), ("version", .string("1")),
                              ("description", .string("Provincial management platform for the 1+X certificate pilot"))])),
            ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
            ("components", .object([
                ("schemas", .object(schemas)),
                ("securitySchemes", .object([("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))]))])),
            ])),
            ("security", .array([.object([("bearer", .array([]))])])),
        ])
    }
}
