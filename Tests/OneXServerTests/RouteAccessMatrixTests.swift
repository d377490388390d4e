import Fluent
import Foundation
import OneXDomain
import Testing
import Vapor
import VaporTesting

@testable import OneXServer

/// Issue 12, "Done when": every route the router has × every role × a record of the actor's own
/// unit, of another unit of the same region, of another region and of another organisation.
/// The expected status comes from the access policy (`Access.scope`, `Access.may`) and the
/// record's owner: 403 when the kind or action is not for the role, 404 when the record is
/// another unit's, otherwise granted; lists hold only records inside the actor's scope. A route
/// without an entry in `rules` fails the test.
@Suite("Every route × every role × own unit, same region, other region, other organisation")
struct RouteAccessMatrixTests {
    /// What a route is, for the policy.
    enum Rule {
        /// No sign-in needed (login, health, static files).
        case open
        /// Any signed-in actor, about itself (home, `me`, the policy in force).
        case signedIn
        /// A list or a view over many records of a kind: 403 if the kind is not for the actor,
        /// otherwise 200 with only records inside its scope.
        case list(RecordKind)
        /// One record, named in the path.
        case read(RecordKind)
        /// An action on a kind; on the record named in the path, if there is one.
        case act(RecordAction, RecordKind)
        /// Not a record (the clock, jobs, the policy document, a school's own declaration).
        case roles(Set<Role>)
        /// Ends the session; checked with a session of its own.
        case endsSession
        /// `/metrics`: loopback or a token, tested in OperationsTests.
        case operations
    }

    /// Every route, by method and path as the router prints it.
    static let rules: [String: Rule] = {
        var r: [String: Rule] = [
            "GET /healthz": .open, "GET /openapi.json": .open, "GET /metrics": .operations,
            "GET /static/onex.css": .open,
            "GET /static/import.js": .open, "POST /api/v1/auth/token": .open,
            "DELETE /api/v1/auth/token": .endsSession,
            "GET /api/v1/me": .signedIn, "GET /login": .open, "GET /public/policy": .open,
            "POST /login": .open, "POST /logout": .endsSession,
            "GET /lang/:lang": .open, "GET /": .signedIn,
            "GET /api/v1/users": .list(.users), "POST /api/v1/users": .act(.create, .users),
            "GET /api/v1/users/:username": .read(.users),
            "PUT /api/v1/users/:username": .act(.update, .users),
            "GET /users": .list(.users), "GET /users/export.csv": .list(.users),
            "GET /users/export.xlsx": .list(.users),
            "GET /users/new": .act(.create, .users), "POST /users/new": .act(.create, .users),
            "GET /users/:username": .read(.users), "GET /users/:username/edit": .act(.update, .users),
            "POST /users/:username/edit": .act(.update, .users),
            "POST /api/v1/imports/:table": .act(.importFile, .schools),
            "GET /imports": .act(.importFile, .schools),
            "POST /imports": .act(.importFile, .schools),
            "GET /imports/template/:file": .act(.importFile, .schools),
            "GET /api/v1/policy": .signedIn, "PUT /api/v1/policy": .roles([.provinceAdmin]),
            "GET /policy": .signedIn, "POST /policy": .roles([.provinceAdmin]),
            "GET /api/v1/admin/clock": .roles([.provinceAdmin]),
            "PUT /api/v1/admin/clock": .roles([.provinceAdmin]),
            "POST /api/v1/admin/jobs/:job/run": .roles([.provinceAdmin]),
            "GET /api/v1/audit": .list(.auditEntries), "GET /api/v1/audit/verify": .list(.auditEntries),
            "GET /audit": .list(.auditEntries), "GET /audit/export.csv": .list(.auditEntries),
            "GET /audit/export.xlsx": .list(.auditEntries),
            "GET /api/v1/applications": .list(.applications),
            "POST /api/v1/applications": .act(.create, .applications),
            "GET /api/v1/applications/:id": .read(.applications),
            "PUT /api/v1/applications/:id": .act(.update, .applications),
            "POST /api/v1/applications/:id/submit": .act(.update, .applications),
            "POST /api/v1/applications/:id/reviews": .act(.review, .applications),
            "POST /api/v1/applications/:id/attachments": .act(.create, .attachments),
            "GET /api/v1/applications/:id/forms/:name": .read(.applications),
            "GET /applications": .list(.applications), "GET /applications/new": .act(.create, .applications),
            "POST /applications/new": .act(.create, .applications),
            "GET /applications/:id": .read(.applications),
            "GET /applications/:id/edit": .act(.update, .applications),
            "POST /applications/:id/edit": .act(.update, .applications),
            "GET /applications/:id/forms/:name": .read(.applications),
            "POST /applications/:id/submit": .act(.update, .applications),
            "POST /applications/:id/review": .act(.review, .applications),
            "POST /applications/:id/attachments": .act(.create, .attachments),
            "GET /applications/:id/attachments/:attachment": .read(.attachments),
            "GET /api/v1/plans": .list(.plans), "GET /plans": .list(.plans),
            "GET /api/v1/notices": .list(.notices), "GET /notices": .list(.notices),
            "POST /api/v1/exams": .act(.create, .examSessions), "GET /api/v1/exams": .list(.examSessions),
            "GET /exams": .list(.examSessions), "POST /exams": .act(.create, .examSessions),
            "POST /api/v1/exams/import": .act(.importFile, .candidateResults),
            "GET /exams/import": .act(.importFile, .candidateResults),
            "POST /exams/import": .act(.importFile, .candidateResults),
            "GET /exams/import/:id": .read(.importJobs),
            "GET /exams/import/:id/progress.json": .read(.importJobs),
            "GET /exams/import/:id/problems.csv": .read(.importJobs),
            "GET /exams/imports": .list(.importJobs),
            "GET /admin/clock": .roles([.provinceAdmin]), "POST /admin/clock": .roles([.provinceAdmin]),
            "DELETE /api/v1/applications/:id/attachments/:attachment": .act(.create, .attachments),
            "POST /applications/:id/attachments/:attachment/delete": .act(.create, .attachments),
            "DELETE /api/v1/applications/:id": .act(.update, .applications),
            "POST /api/v1/applications/:id/withdraw": .act(.update, .applications),
            "POST /applications/:id/delete": .act(.update, .applications),
            "POST /applications/:id/withdraw": .act(.update, .applications),
            "GET /plans/export.csv": .list(.plans), "GET /plans/export.xlsx": .list(.plans),
            "PUT /api/v1/pilot-students": .roles([.school]),
            "POST /dashboard/pilot-students": .roles([.school]),
            "GET /api/v1/indicators": .list(.indicators), "GET /dashboard": .list(.indicators),
            "GET /dashboard/export.xlsx": .list(.indicators),
            "POST /api/v1/monitoring/bulletins/:day": .act(.publish, .bulletins),
            "POST /monitoring/bulletins/:day": .act(.publish, .bulletins),
            "GET /monitoring/bulletins/:day": .list(.bulletins),
            "POST /monitoring/snapshot": .act(.create, .snapshots),
            // The warnings list is the province's and, once published, a bureau's for its region; a
            // school reads the 通报 itself (the bulletin route above).
            "GET /monitoring": .roles([.provinceAdmin, .provinceReviewer, .auditor, .cityReviewer]),
            "GET /api/v1/fee-standards": .list(.feeStandards),
            "GET /api/v1/fee-standards/:id": .read(.feeStandards),
            "POST /api/v1/fee-standards": .act(.create, .feeStandards),
            "POST /api/v1/fee-standards/:id/review": .act(.review, .feeStandards),
            "POST /api/v1/fee-standards/:id/decision": .act(.verify, .feeStandards),
            "POST /api/v1/fee-standards/:id/publish": .act(.publish, .feeStandards),
            "GET /api/v1/payments": .list(.payments), "POST /api/v1/payments": .act(.create, .payments),
            "POST /api/v1/payments/:id/confirm": .act(.review, .payments),
            "POST /api/v1/payments/:id/dispute": .act(.review, .payments),
            "POST /api/v1/payments/:id/correction": .act(.create, .payments),
            "GET /api/v1/arrears": .list(.payments),
            "GET /public/fee-standards": .open, "GET /public": .open, "GET /public/schools": .open,
            "GET /public/schools.csv": .open, "GET /public/schools.atom": .open,
            "GET /public/organizations": .open,
            "GET /public/organizations.csv": .open, "GET /public/fee-standards.csv": .open,
            "GET /public/fee-standards.atom": .open, "GET /public/sites": .open,
            "GET /public/sites.csv": .open,
            "GET /public/sites.atom": .open, "GET /public/organizations.atom": .open, "GET /public/bulletins": .open,
            "GET /public/bulletins.csv": .open,
            "GET /public/bulletins.atom": .open, "GET /public/bulletins/:day": .open,
            "POST /api/v1/monitoring/bulletins/:day/public": .act(.publish, .bulletins),
            "POST /monitoring/bulletins/:day/public": .act(.publish, .bulletins),
            "GET /api/v1/fee-coverage": .roles([.provinceAdmin, .provinceReviewer, .auditor]),
            "GET /fees/coverage": .roles([.provinceAdmin, .provinceReviewer, .auditor]),
            "GET /fees/coverage/form": .roles([.provinceAdmin, .provinceReviewer, .auditor]),
            "GET /fees/arrears/form": .list(.payments),
            "GET /fees/payments": .list(.payments), "POST /fees/payments": .act(.create, .payments),
            // The matrix sends `confirm`, the organisation's answer; the school's correction is the API's.
            "POST /fees/payments/:id/:answer": .act(.review, .payments),
            "GET /api/v1/fee-budget": .roles([
                .provinceAdmin, .provinceReviewer, .auditor, .cityReviewer, .school,
            ]),
            "GET /fees/budget": .roles([.provinceAdmin, .provinceReviewer, .auditor, .cityReviewer, .school]),
            "GET /fees/arrears": .list(.payments), "GET /fees/arrears/export.xlsx": .list(.payments),
            "GET /fees/standards": .list(.feeStandards),
            "GET /fees/standards/new": .act(.create, .feeStandards),
            "POST /fees/standards/new": .act(.create, .feeStandards),
            "GET /fees/standards/:id": .read(.feeStandards),
            // The matrix sends the lead school's step (`review`); the others are the API's.
            "POST /fees/standards/:id/:step": .act(.review, .feeStandards),
            "POST /api/v1/fee-standards/:id/attachments": .act(.create, .feeStandards),
            "GET /api/v1/fee-standards/:id/attachments/:attachment": .read(.feeStandards),
            "POST /fees/standards/:id/attachments": .act(.create, .feeStandards),
            "GET /fees/standards/:id/attachments/:attachment": .read(.feeStandards),
            "POST /api/v1/payments/:id/attachments": .act(.create, .payments),
            "GET /api/v1/payments/:id/attachments/:attachment": .read(.payments),
            "POST /fees/payments/:id/attachments": .act(.create, .payments),
            "GET /fees/payments/:id/attachments/:attachment": .read(.payments),
            "GET /fees/payments/:id": .read(.payments),
            "POST /api/v1/rectification-items": .act(.create, .ledgerItems),
            "GET /api/v1/rectification-items": .list(.ledgerItems),
            "POST /api/v1/rectification-items/generate": .roles([.provinceAdmin]),
            "POST /api/v1/rectification-items/import": .act(.create, .ledgerItems),
            "POST /ledger/import": .act(.create, .ledgerItems),
            "GET /api/v1/rectification-items/notice-list": .list(.ledgerItems),
            "GET /api/v1/rectification-items/:id": .read(.ledgerItems),
            "POST /api/v1/rectification-items/:id/progress": .act(.update, .ledgerItems),
            "PUT /api/v1/rectification-items/:id/person": .act(.update, .ledgerItems),
            "POST /api/v1/rectification-items/:id/closure-requests": .act(.update, .ledgerItems),
            "POST /api/v1/rectification-items/:id/confirm": .act(.review, .ledgerItems),
            "POST /api/v1/rectification-items/:id/close": .act(.review, .ledgerItems),
            "POST /api/v1/rectification-items/:id/return": .act(.review, .ledgerItems),
            "POST /api/v1/rectification-items/:id/reopen": .act(.review, .ledgerItems),
            "GET /api/v1/rectification-items/:id/entries/:entry/file": .read(.ledgerItems),
            "GET /ledger": .list(.ledgerItems), "GET /ledger/export.xlsx": .list(.ledgerItems),
            "GET /ledger/new": .act(.create, .ledgerItems), "POST /ledger/new": .act(.create, .ledgerItems),
            "POST /ledger/generate": .roles([.provinceAdmin]), "GET /ledger/:id": .read(.ledgerItems),
            // The matrix sends `progress`, the responsible unit's entry.
            "POST /ledger/:id/:action": .act(.update, .ledgerItems),
            "GET /ledger/:id/entries/:entry/file": .read(.ledgerItems),
            "GET /ledger/:id/form": .read(.ledgerItems),
            "GET /ledger/notice-list": .roles([.provinceAdmin, .provinceReviewer, .auditor, .cityReviewer]),
            "POST /api/v1/biweekly-reports": .act(.create, .reports),
            "GET /api/v1/biweekly-reports": .list(.reports),
            "GET /api/v1/compliance/biweekly": .list(.reports),
            "GET /reports": .list(.reports), "POST /reports": .act(.create, .reports),
            "GET /reports/compliance.xlsx": .list(.reports),
            "POST /api/v1/biweekly-reports/import": .act(.importFile, .reports),
            "POST /reports/import": .act(.importFile, .reports),
            "POST /api/v1/compliance/biweekly/:school/:action": .roles([.provinceAdmin]),
            "POST /reports/eligibility/:school/:action": .roles([.provinceAdmin]),
            "GET /reports/notice-list": .roles([.provinceAdmin, .provinceReviewer, .auditor]),
            "GET /api/v1/exam-sites": .list(.sites), "POST /api/v1/exam-sites": .act(.create, .sites),
            "GET /api/v1/exam-sites/coverage": .list(.plans),
            "GET /api/v1/exam-sites/coverage/schools": .list(.plans),
            "GET /api/v1/exam-sites/:id": .read(.sites),
            "POST /api/v1/exam-sites/:id/:step": .act(.review, .sites),
            "GET /sites": .list(.sites), "GET /sites/export.xlsx": .list(.sites),
            "GET /sites/export.csv": .list(.sites),
            "GET /sites/new": .act(.create, .sites), "POST /sites/new": .act(.create, .sites),
            "GET /sites/coverage": .list(.plans), "GET /sites/coverage/export.xlsx": .list(.plans),
            "GET /sites/coverage/export.csv": .list(.plans),
            "GET /sites/:id": .read(.sites), "POST /sites/:id/:step": .act(.review, .sites),
            "GET /api/v1/training-courses": .list(.trainingCourses),
            "POST /api/v1/training-courses": .act(.create, .trainingCourses),
            "GET /api/v1/training-courses/qualifications": .list(.trainingParticipants),
            "GET /api/v1/training-courses/:id": .read(.trainingCourses),
            // Any school enrols its own teacher in any course (courses are public).
            "POST /api/v1/training-courses/:id/participants": .roles([.school]),
            "PUT /api/v1/training-courses/:id/participants/:participant": .act(
                .update, .trainingParticipants),
            "GET /training": .list(.trainingCourses), "GET /training/new": .act(.create, .trainingCourses),
            "GET /training/export.xlsx": .list(.trainingCourses),
            "GET /training/export.csv": .list(.trainingCourses),
            "POST /training/new": .act(.create, .trainingCourses),
            "GET /training/qualifications": .list(.trainingParticipants),
            "GET /training/qualifications/export.xlsx": .list(.trainingParticipants),
            "GET /training/qualifications/export.csv": .list(.trainingParticipants),
            "GET /training/:id": .read(.trainingCourses),
            "POST /training/:id/enrol": .roles([.school]),
            "POST /training/:id/participants/:participant": .act(.update, .trainingParticipants),
            "GET /public/training": .open, "GET /public/training.csv": .open,
            "GET /public/training.atom": .open,
            "GET /api/v1/teacher-workloads": .list(.workloads),
            "POST /api/v1/teacher-workloads": .act(.create, .workloads),
            "GET /workload": .list(.workloads), "POST /workload": .act(.create, .workloads),
            "GET /workload/export.xlsx": .list(.workloads), "GET /workload/export.csv": .list(.workloads),
            "GET /api/v1/complaints": .list(.complaints),
            "POST /api/v1/complaints": .act(.create, .complaints),
            "GET /api/v1/complaints/:id": .read(.complaints),
            "GET /api/v1/complaints/:id/evidence": .read(.complaints),
            "POST /api/v1/complaints/:id/:step": .act(.review, .complaints),
            "GET /complaints": .list(.complaints), "GET /complaints/new": .act(.create, .complaints),
            "GET /complaints/export.xlsx": .list(.complaints),
            "GET /complaints/export.csv": .list(.complaints),
            "POST /complaints/new": .act(.create, .complaints), "GET /complaints/:id": .read(.complaints),
            "GET /complaints/:id/evidence": .read(.complaints),
            "POST /complaints/:id/:step": .act(.review, .complaints),
            "GET /api/v1/certificate-decisions": .list(.certificateDecisions),
            "POST /api/v1/certificate-decisions": .act(.create, .certificateDecisions),
            "GET /certificate-decisions": .list(.certificateDecisions),
            "POST /certificate-decisions": .act(.create, .certificateDecisions),
            "GET /certificate-decisions/export.xlsx": .list(.certificateDecisions),
            "GET /certificate-decisions/export.csv": .list(.certificateDecisions),
            "GET /api/v1/filings": .list(.filings), "POST /api/v1/filings": .act(.create, .filings),
            "GET /api/v1/filings/unfiled-exams": .roles([
                .provinceAdmin, .provinceReviewer, .auditor, .organization,
            ]),
            "GET /api/v1/filings/:id": .read(.filings),
            "POST /api/v1/filings/:id/:step": .act(.review, .filings),
            "GET /filings": .list(.filings), "GET /filings/new": .act(.create, .filings),
            "GET /filings/export.xlsx": .list(.filings), "GET /filings/export.csv": .list(.filings),
            "POST /filings/new": .act(.create, .filings), "GET /filings/:id": .read(.filings),
            "POST /filings/:id/:step": .act(.review, .filings),
        ]
        for kind in CatalogKind.allCases {
            let k = RecordKind(kind)
            let n = kind.rawValue
            r["GET /api/v1/\(n)"] = .list(k)
            r["POST /api/v1/\(n)"] = .act(.create, k)
            r["GET /api/v1/\(n)/:code"] = .read(k)
            r["PUT /api/v1/\(n)/:code"] = .act(.update, k)
            for path in ["/\(n)", "/\(n)/export.csv", "/\(n)/export.xlsx"] { r["GET \(path)"] = .list(k) }
            r["GET /\(n)/new"] = .act(.create, k)
            r["POST /\(n)/new"] = .act(.create, k)
            r["GET /\(n)/:code"] = .read(k)
            r["GET /\(n)/:code/edit"] = .act(.update, k)
            r["POST /\(n)/:code/edit"] = .act(.update, k)
        }
        return r
    }()

    /// One signed-in actor of the matrix: a role, and for unit roles the unit.
    struct Who {
        var username: String
        var actor: Actor

        var password: String { username == "admin" ? adminPassword : DemoProvince.password }
    }

    static let who: [Who] = [
        ("admin", Role.provinceAdmin, nil), ("reviewer", .provinceReviewer, nil), ("auditor", .auditor, nil),
        ("zhengzhou", .cityReviewer, "4101"), ("luoyang", .cityReviewer, "4103"),
        ("secondary", .school, "Z001"), ("school-z005", .school, "Z005"),
        ("org", .organization, "ORG-ZWL"), ("org-gxbjk", .organization, "ORG-GXBJK"),
        ("expert", .expert, nil),
    ].map { Who(username: $0.0, actor: Actor(username: $0.0, role: $0.1, unit: $0.2)) }

    /// A value for a path's parameters, with the owner of the record it names.
    struct Subject {
        var parameters: [String: String]
        var owner: RecordOwner
        var label: String
    }

    /// The records the matrix addresses, each relative to the actors above: Z001 (own school of
    /// `secondary`, in 郑州 with Z002), Z005 (洛阳, another region), certificates of ORG-ZWL and
    /// of ORG-GXBJK (another organisation).
    struct Fixture {
        var applications: [(id: String, attachment: String, owner: RecordOwner)] = []
        var importID = ""
        let day = "2026-03-15"
        var feeStandards: [(id: String, attachment: String, owner: RecordOwner)] = []
        var payments: [(id: String, attachment: String, owner: RecordOwner)] = []
        var ledgerItems: [(id: String, entry: String, owner: RecordOwner)] = []
        var sites: [(id: String, owner: RecordOwner)] = []
        var trainingCourse = ""
        var trainingParticipant = ""
        var complaint = ""
        var filing = ""
    }

    static let schoolRegion = Dictionary(
        uniqueKeysWithValues: DemoProvince.schools.map { ($0.code, $0.region) })
    static let certificateOrganization = Dictionary(
        uniqueKeysWithValues: DemoProvince.certificates.map { ($0.code, $0.organization) })

    static func owner(school: String?, certificate: String?) -> RecordOwner {
        RecordOwner(
            school: school, region: school.flatMap { schoolRegion[$0] },
            organization: certificate.flatMap { certificateOrganization[$0] })
    }

    static func subjects(for path: [String], fixture: Fixture) -> [Subject] {
        let params = path.filter { $0.hasPrefix(":") }
        guard !params.isEmpty else { return [Subject(parameters: [:], owner: RecordOwner(), label: "")] }
        let kindName = path.first == "api" ? path[2] : path[0]
        if params == [":code"], let kind = CatalogKind(rawValue: kindName) {
            let codes: [(String, RecordOwner)] =
                switch kind {
                case .schools: ["Z001", "Z002", "Z005"].map { ($0, owner(school: $0, certificate: nil)) }
                case .certificates: ["1-004", "1-002"].map { ($0, owner(school: nil, certificate: $0)) }
                case .regions: [("4101", RecordOwner(region: "4101")), ("4103", RecordOwner(region: "4103"))]
                case .organizations:
                    [
                        ("ORG-ZWL", RecordOwner(organization: "ORG-ZWL")),
                        ("ORG-GXBJK", RecordOwner(organization: "ORG-GXBJK")),
                    ]
                case .alliances: [("1-004", owner(school: nil, certificate: "1-004"))]
                case .experts: [("E001", RecordOwner())]
                }
            return codes.map { Subject(parameters: [":code": $0.0], owner: $0.1, label: $0.0) }
        }
        if kindName == "payments" || path.starts(with: ["fees", "payments"]) {
            return fixture.payments.map {
                Subject(
                    parameters: [":id": $0.id, ":answer": "confirm", ":attachment": $0.attachment],
                    owner: $0.owner,
                    label: $0.owner.school ?? "")
            }
        }
        if kindName == "fee-standards" || kindName == "fees" {
            return fixture.feeStandards.map {
                Subject(
                    parameters: [":id": $0.id, ":step": "review", ":attachment": $0.attachment],
                    owner: $0.owner,
                    label: $0.owner.organization ?? "")
            }
        }
        if kindName == "rectification-items" || kindName == "ledger" {
            return fixture.ledgerItems.map {
                Subject(
                    parameters: [":id": $0.id, ":entry": $0.entry, ":action": "progress"], owner: $0.owner,
                    label: $0.owner.school ?? $0.owner.organization ?? "")
            }
        }
        if kindName == "exam-sites" || kindName == "sites" {
            // "agree" is the lead school's (G005, not in the matrix): everyone else granted gets 409.
            return fixture.sites.map {
                Subject(
                    parameters: [":id": $0.id, ":step": "agree"], owner: $0.owner,
                    label: $0.owner.school ?? "")
            }
        }
        if kindName == "training-courses" || kindName == "training" {
            // A course of ORG-ZWL's 1-004 with Z001's teacher: its scope is the participant's.
            return [
                Subject(
                    parameters: [":id": fixture.trainingCourse, ":participant": fixture.trainingParticipant],
                    owner: owner(school: "Z001", certificate: "1-004"), label: "Z001")
            ]
        }
        if kindName == "filings" {
            // ORG-ZWL's filing for 1-004, waiting for G005's co-signature; "acknowledge" is the office's.
            var o = owner(school: nil, certificate: "1-004")
            o.leadSchool = "G005"
            return [
                Subject(
                    parameters: [":id": fixture.filing, ":step": "acknowledge"], owner: o, label: "ORG-ZWL")
            ]
        }
        if kindName == "complaints" {
            // Z001's complaint about ORG-GXBJK, not yet sent to it; "accept" is the office's.
            return [
                Subject(
                    parameters: [":id": fixture.complaint, ":step": "accept"],
                    owner: RecordOwner(school: "Z001", region: "4101"), label: "Z001")
            ]
        }
        if kindName == "applications" {
            return fixture.applications.map { a in
                Subject(
                    parameters: [":id": a.id, ":name": "henan-1", ":attachment": a.attachment],
                    owner: a.owner,
                    label: a.owner.school ?? "")
            }
        }
        let one: [String: String] = [
            ":username": "school-z002", ":table": "schools", ":file": "schools", ":job": "windowNotices",
            ":lang": "zh",
            ":day": fixture.day, ":id": fixture.importID,
            // A school not on the notice list: the office's revocation is refused (409), not missing.
            ":school": "Z001", ":action": "revocation",
        ]
        return [Subject(parameters: one.filter { params.contains($0.key) }, owner: RecordOwner(), label: "")]
    }

    enum Expected: Equatable, CustomStringConvertible {
        case ok, granted, forbidden, notFound, answered

        var description: String {
            switch self {
            case .ok: "200"
            case .granted: "granted (not 401/403/404/5xx)"
            case .forbidden: "403"
            case .notFound: "404"
            case .answered: "any answer but 5xx"
            }
        }

        func holds(_ status: HTTPResponseStatus, isRead: Bool) -> Bool {
            switch self {
            case .ok:
                isRead
                    ? status == .ok
                    : ![.unauthorized, .forbidden, .notFound].contains(status) && status.code < 500
            case .granted: ![.unauthorized, .forbidden, .notFound].contains(status) && status.code < 500
            case .forbidden: status == .forbidden
            case .notFound: status == .notFound
            case .answered: status.code < 500
            }
        }
    }

    static func expected(_ rule: Rule, _ who: Who, _ subject: Subject, hasRecord: Bool) -> Expected {
        let actor = who.actor
        switch rule {
        case .open, .operations: return .answered
        case .signedIn: return .ok
        case .endsSession: return .granted
        case .list(let kind):
            return Access.scope(of: kind, for: actor) == .none ? .forbidden : .ok
        case .read(let kind):
            let scope = Access.scope(of: kind, for: actor)
            if scope == .none { return .forbidden }
            return scope.contains(subject.owner) || !hasRecord || !kind.isOwnedByUnits ? .ok : .notFound
        case .act(let action, let kind):
            guard Access.may(action, kind, actor), Access.scope(of: kind, for: actor) != .none else {
                return .forbidden
            }
            guard hasRecord, kind.isOwnedByUnits else { return .granted }
            return Access.scope(of: kind, for: actor).contains(subject.owner) ? .granted : .notFound
        case .roles(let roles):
            return roles.contains(actor.role) ? .granted : .forbidden
        }
    }

    /// Builds the records the matrix addresses: three submitted applications with an attachment
    /// each, their approved plans, an exam session of each, a snapshot and an import by the admin.
    static func fixture(_ app: Application) async throws -> Fixture {
        var f = Fixture()
        for (username, school, certificate) in [
            ("secondary", "Z001", "1-004"), ("school-z002", "Z002", "1-002"),
            ("school-z005", "Z005", "1-004"),
        ] {
            let c = Client(app)
            try await c.login(username)
            let draft = try await c.send(
                .POST, "/api/v1/applications",
                json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line(certificate)))
            let id = try #require(draft.json["id"] as? String, "\(draft.body)")
            let up = try await c.multipart(
                "/api/v1/applications/\(id)/attachments",
                fields: [("purpose", "justification"), ("line", "1")],
                file: ("file", "申报表.pdf", "application/pdf", "%PDF-1.4 test"))
            let attachment = try #require(up.json["id"] as? String, "\(up.body)")
            let submitted = try await c.send(.POST, "/api/v1/applications/\(id)/submit")
            #expect(submitted.json["status"] as? String == "cityReview", "\(submitted.body)")
            // Decided on by the city, so the bodyless withdraw and delete the matrix sends as the
            // school are refused (409) rather than taking the application from everyone else.
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-03-22T09:00:00+08:00")!)
            let city = Client(app)
            try await city.login(school == "Z005" ? "luoyang" : "zhengzhou")
            let decided = try await city.send(
                .POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            #expect(decided.json["status"] as? String == "provinceReview", "\(decided.body)")
            app.onex.manualClock?.set(fixedNow)
            f.applications.append((id, attachment, owner(school: school, certificate: certificate)))
            let schoolID = try #require(try await CodeResolver(app.db).id(.schools, school))
            let certificateID = try #require(try await CodeResolver(app.db).id(.certificates, certificate))
            _ = try await PlanService.applyChange(
                school: schoolID, certificate: certificateID, level: .junior, year: 2026, kind: .new,
                count: 40, application: nil, reviewer: "test", countsInIndicators: true,
                now: fixedNow, on: app.db)
            let org = Client(app)
            try await org.login(try #require(certificateOrganization[certificate]).lowercased())
            let exam =
                #"{"school":"\#(school)","certificate":"\#(certificate)","level":"junior","year":2026,"date":"2026-03-10","registered":3,"attended":2,"passed":1}"#
            #expect(try await org.send(.POST, "/api/v1/exams", json: exam).status == .created)
        }
        let admin = Client(app)
        try await admin.webLogin("admin", adminPassword)
        let token = admin.csrf(from: try await admin.send(.GET, "/monitoring"))
        #expect(try await admin.form("/monitoring/snapshot", [("_csrf", token)]).status == .seeOther)
        let csv = ExamTests.header + ExamTests.row(1, school: "Z001", date: "2026-03-12")
        let upload = try await admin.multipart(
            "/exams/import", fields: [("_csrf", token)], file: ("file", "r.csv", "text/csv", csv))
        let location = try #require(upload.headers.first(name: .location), "\(upload.status) \(upload.body)")
        f.importID = try #require(location.split(separator: "/").last.map(String.init))
        // Two fee standards: ORG-ZWL's 1-004 proposal, which its lead school G005 reviews, and
        // ORG-BJXNY's 1-006 (no alliance), verified and published.
        for (certificate, organization, publish) in [("1-004", "org", false), ("1-006", "org-bjxny", true)] {
            let org = Client(app)
            try await org.login(organization)
            let proposal =
                #"{"certificate":"\#(certificate)","level":"junior","amount":30000,"effectiveFrom":"2026-09-01"}"#
            let id = try #require(
                try await org.send(.POST, "/api/v1/fee-standards", json: proposal).json["id"] as? String)
            let file = try await org.multipart(
                "/api/v1/fee-standards/\(id)/attachments", fields: [("purpose", "costBreakdown")],
                file: ("file", "成本测算.pdf", "application/pdf", "%PDF-1.4 cost"))
            let attachment = try #require(file.json["id"] as? String, "\(file.body)")
            if publish {
                let api = Client(app)
                try await api.login("admin", adminPassword)
                #expect(
                    try await api.send(
                        .POST, "/api/v1/fee-standards/\(id)/decision", json: #"{"decision":"verify"}"#
                    ).status == .ok)
                #expect(
                    try await api.send(.POST, "/api/v1/fee-standards/\(id)/publish", json: "{}").status == .ok
                )
            }
            var owner = owner(school: nil, certificate: certificate)
            owner.published = publish
            owner.leadSchool = certificate == "1-004" ? "G005" : nil
            f.feeStandards.append((id, attachment, owner))
        }
        // Payments: Z001 to ORG-ZWL and Z005 to ORG-ZWL (another region, same organisation).
        for (username, school) in [("secondary", "Z001"), ("school-z005", "Z005")] {
            let c = Client(app)
            try await c.login(username)
            let paid = try await c.send(
                .POST, "/api/v1/payments",
                json:
                    #"{"organization":"ORG-ZWL","amount":10000,"paidOn":"2026-03-14","fundingSource":"tuition"}"#
            )
            let id = try #require(paid.json["id"] as? String, "\(paid.body)")
            let file = try await c.multipart(
                "/api/v1/payments/\(id)/attachments", fields: [("purpose", "voucher")],
                file: ("file", "凭证.pdf", "application/pdf", "%PDF-1.4 voucher"))
            let attachment = try #require(file.json["id"] as? String, "\(file.body)")
            var owner = owner(school: school, certificate: nil)
            owner.organization = "ORG-ZWL"
            f.payments.append((id, attachment, owner))
        }
        // Ledger items: Z001's, Z005's (another region) and ORG-GXBJK's (another organisation),
        // each with an entry carrying a file, added by the responsible unit.
        let admin2 = Client(app)
        try await admin2.login("admin", adminPassword)
        for (username, kind, unit, owner) in [
            ("secondary", "school", "Z001", owner(school: "Z001", certificate: nil)),
            ("school-z005", "school", "Z005", owner(school: "Z005", certificate: nil)),
            ("org-gxbjk", "organization", "ORG-GXBJK", RecordOwner(organization: "ORG-GXBJK")),
        ] {
            let created = try await admin2.send(
                .POST, "/api/v1/rectification-items", json: RectificationTests.item(unit, kind: kind))
            let id = try #require(created.json["id"] as? String, "\(created.body)")
            let c = Client(app)
            try await c.login(username)
            let progress = try await c.multipart(
                "/api/v1/rectification-items/\(id)/progress", fields: [("text", "进展")],
                file: ("file", "进展.pdf", "application/pdf", "%PDF-1.4 progress"))
            let entries = try #require((progress.json["entries"] as? [[String: Any]]), "\(progress.body)")
            f.ledgerItems.append((id, try #require(entries.last?["id"] as? String), owner))
        }
        // Exam-site applications of Z001 (郑州) and Z005 (洛阳) for 1-004, whose alliance G005 leads.
        for (username, school) in [("secondary", "Z001"), ("school-z005", "Z005")] {
            let c = Client(app)
            try await c.login(username)
            let created = try await c.send(.POST, "/api/v1/exam-sites", json: ExamSiteTests.site)
            var o = owner(school: school, certificate: "1-004")
            o.leadSchool = "G005"
            f.sites.append((try #require(created.json["id"] as? String, "\(created.body)"), o))
        }
        let org = Client(app)
        try await org.login("org")
        let course = try await org.send(
            .POST, "/api/v1/training-courses", json: TrainingTests.course(industry: 2, of: 5, fee: 0))
        f.trainingCourse = try #require(course.json["id"] as? String, "\(course.body)")
        let teacherSchool = Client(app)
        try await teacherSchool.login("secondary")
        let enrolled = try await teacherSchool.send(
            .POST, "/api/v1/training-courses/\(f.trainingCourse)/participants", json: #"{"name":"王老师"}"#)
        let participants = try #require(enrolled.json["participants"] as? [[String: Any]], "\(enrolled.body)")
        f.trainingParticipant = try #require(participants.first?["id"] as? String)
        let complaint = try await teacherSchool.multipart(
            "/api/v1/complaints",
            fields: [("organization", "ORG-GXBJK"), ("occurredOn", "2026-03-01"), ("what", "考核延迟")],
            file: ("file", "证据.pdf", "application/pdf", "%PDF-1.4 e"))
        f.complaint = try #require(complaint.json["id"] as? String, "\(complaint.body)")
        let filing = try await org.send(.POST, "/api/v1/filings", json: FilingTests.filing())
        f.filing = try #require(filing.json["id"] as? String, "\(filing.body)")
        return f
    }

    /// Signs each actor in twice: with a token for the API and with a browser session for pages.
    static func clients(_ app: Application) async throws -> [(Who, api: Client, web: Client, csrf: String)] {
        var out: [(Who, api: Client, web: Client, csrf: String)] = []
        for w in who {
            let api = Client(app)
            try await api.login(w.username, w.password)
            let web = Client(app)
            try await web.webLogin(w.username, w.password)
            out.append((w, api, web, web.csrf(from: try await web.send(.GET, "/"))))
        }
        return out
    }

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test(
        "The status of every route for every role and unit is the access policy's, on both databases",
        arguments: TestDB.all)
    func matrix(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let fixture = try await Self.fixture(app)
            let clients = try await Self.clients(app)
            let routes = app.routes.all
            let missing = routes.map(Self.key).filter { Self.rules[$0] == nil }
            #expect(missing.isEmpty, "routes without an entry in the access matrix: \(missing)")
            var checked = 0
            var failures: [String] = []
            for route in routes {
                guard let rule = Self.rules[Self.key(route)] else { continue }
                if case .endsSession = rule { continue }
                let segments = route.path.map(\.description)
                let isAPI = segments.first == "api"
                let isRead = route.method == .GET
                for subject in Self.subjects(for: segments, fixture: fixture) {
                    let path = "/" + segments.map { subject.parameters[$0] ?? $0 }.joined(separator: "/")
                    for (w, api, web, csrf) in clients {
                        let client = isAPI ? api : web
                        let reply: Reply
                        if isRead || route.method == .DELETE {
                            reply = try await client.send(route.method, path)
                        } else if isAPI {
                            reply = try await client.send(route.method, path, json: "{}")
                        } else {
                            reply = try await client.form(path, [("_csrf", csrf)])
                        }
                        let want = Self.expected(rule, w, subject, hasRecord: !subject.parameters.isEmpty)
                        checked += 1
                        if !want.holds(reply.status, isRead: isRead) {
                            failures.append(
                                "\(Self.key(route)) \(subject.label) as \(w.username): \(reply.status.code), want \(want)"
                            )
                        } else if case .list(let kind) = rule, reply.status == .ok {
                            failures += Self.outOfScope(
                                reply, kind: kind, scope: Access.scope(of: kind, for: w.actor),
                                route: Self.key(route), who: w.username)
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.count) of \(checked):\n\(failures.joined(separator: "\n"))")
            #expect(checked > 1000)
            // Ending a session: each actor on a session of its own.
            for w in Self.who {
                let api = Client(app)
                try await api.login(w.username, w.password)
                #expect(try await api.send(.DELETE, "/api/v1/auth/token").status == .noContent)
                #expect(try await api.send(.GET, "/api/v1/me").status == .unauthorized)
                let web = Client(app)
                try await web.webLogin(w.username, w.password)
                let token = web.csrf(from: try await web.send(.GET, "/"))
                #expect(try await web.form("/logout", [("_csrf", token)]).status == .seeOther)
            }
        }
    }

    /// The records of a list outside the actor's scope: in JSON lists by their school and
    /// certificate; on pages by the names of the fixture's schools that are not the actor's.
    static func outOfScope(_ reply: Reply, kind: RecordKind, scope: RecordScope, route: String, who: String)
        -> [String]
    {
        guard kind.isOwnedByUnits else { return [] }
        if route.hasPrefix("GET /api/") {
            let items = reply.json["items"] as? [[String: Any]] ?? []
            return items.compactMap { item in
                let school = item["school"] as? String ?? (kind == .schools ? item["code"] as? String : nil)
                let certificate =
                    item["certificate"] as? String ?? (kind == .certificates ? item["code"] as? String : nil)
                var owner = owner(school: school, certificate: certificate)
                if kind == .payments { owner.organization = item["organization"] as? String }
                if kind == .trainingParticipants, case .organization(let o) = scope {
                    // A school's tally of teachers over the reader's courses has no certificate;
                    // `TrainingTests.teachers` checks that another organisation's is empty.
                    owner.organization = o
                }
                if kind == .complaints {
                    owner = RecordOwner(
                        school: item["school"] as? String, region: item["region"] as? String,
                        organization: item["complainantRole"] as? String == "organization"
                            ? item["complainantUnit"] as? String : nil)
                }
                if kind == .ledgerItems {
                    owner = RecordOwner(
                        school: item["school"] as? String, region: item["region"] as? String,
                        organization: item["organization"] as? String)
                }
                owner.published =
                    item["status"] as? String == (kind == .sites ? "approved" : "published")
                    && (kind == .feeStandards || kind == .sites)
                owner.leadSchool =
                    kind == .feeStandards || kind == .sites || kind == .filings
                    ? DemoProvince.alliances.first { $0.certificate == certificate }?.leadSchool : nil
                return scope.contains(owner)
                    ? nil : "\(route) as \(who) lists \(school ?? "") \(certificate ?? "") outside \(scope)"
            }
        }
        guard reply.headers.contentType == .html else { return [] }
        return ["Z001", "Z002", "Z005"].compactMap { code in
            let unitScope =
                switch scope {
                case .school, .region: true
                default: false
                }
            guard unitScope, !scope.contains(owner(school: code, certificate: nil)),
                let name = DemoProvince.schools.first(where: { $0.code == code })?.name,
                reply.body.contains(name)
                    || reply.body.range(of: "(?<![A-Za-z0-9])\(code)(?![0-9])", options: .regularExpression)
                        != nil
            else { return nil }
            return "\(route) as \(who) shows \(code) \(name)"
        }
    }
}

extension RecordKind {
    /// Kinds whose records belong to a school, region or organisation (and so can be another
    /// unit's); the rest are province-wide reference data or addressed to their reader.
    var isOwnedByUnits: Bool {
        switch self {
        case .regions, .organizations, .alliances, .experts, .users, .auditEntries, .notices, .bulletins,
            .snapshots:
            false
        default: true
        }
    }
}
