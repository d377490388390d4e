@testable import OneXDomain
import Testing

/// Issue 12: one access policy, as a value, for every kind of record and every role.
@Suite("Access policy")
struct AccessPolicyTests {
    static let actors: [Actor] = [
        Actor(username: "p", role: .provinceAdmin, unit: nil), Actor(username: "r", role: .provinceReviewer, unit: nil),
        Actor(username: "a", role: .auditor, unit: nil), Actor(username: "c", role: .cityReviewer, unit: "4101"),
        Actor(username: "s", role: .school, unit: "Z001"), Actor(username: "o", role: .organization, unit: "ORG"),
        Actor(username: "e", role: .expert, unit: nil),
    ]

    @Test("A unit never sees beyond its own unit: a school its school, a bureau its region, an organisation its certificates")
    func unitsStayInTheirUnit() {
        for kind in RecordKind.allCases {
            for actor in Self.actors {
                let scope = Access.scope(of: kind, for: actor)
                switch (actor.role, scope) {
                case (_, .none):
                    continue
                case (_, .all) where [.regions, .organizations, .alliances].contains(kind):
                    continue
                case (.school, .school(let c)): #expect(c == "Z001")
                case (.cityReviewer, .region(let c)): #expect(c == "4101")
                case (.organization, .organization(let c)): #expect(c == "ORG")
                case (.organization, .publishedOr(.organization(let c))): #expect(c == "ORG" && kind == .feeStandards)
                case (.school, .publishedOr(.ledBy(let c))): #expect(c == "Z001" && kind == .feeStandards)
                case (.school, .either(.school(let own), .ledBy(let led))):
                    // A school's own exam sites and those of the certificates its alliance leads.
                    #expect(own == "Z001" && led == "Z001" && kind == .sites)
                case (_, .published): #expect(kind == .feeStandards || kind == .sites)
                case (.school, .ledBy(let c)):
                    // The filings of the certificates whose alliance the school leads.
                    #expect(c == "Z001" && kind == .filings)
                case (.provinceAdmin, .all), (.provinceReviewer, .all), (.auditor, .all): continue
                case (.school, .all), (.cityReviewer, .all), (.organization, .all), (.expert, .all):
                    // Published reference data only: catalog reference tables, verified fee standards,
                    // the certificate catalog, notices (each addressed to its reader), training notices.
                    #expect([.certificates, .feeStandards, .notices, .trainingCourses].contains(kind), "\(kind) for \(actor.role)")
                default:
                    Issue.record("\(kind) for \(actor.role): \(scope)")
                }
            }
        }
    }

    @Test("Personal data and the record of what was done stay with the province")
    func provinceOnly() {
        for actor in Self.actors where !actor.role.seesWholeProvince {
            #expect(Access.scope(of: .experts, for: actor) == .none)
            #expect(!Access.may(.update, .users, actor))
            #expect(Access.scope(of: .users, for: actor) == .none)
            #expect(Access.scope(of: .auditEntries, for: actor) == .none)
        }
        #expect(Access.scope(of: .users, for: Self.actors[1]) == .none)
        #expect(Access.scope(of: .auditEntries, for: Self.actors[2]) == .all)
        #expect(!Access.readsAuditLog(Self.actors[1]))
    }

    @Test("An expert reads the published catalog and nothing of any unit")
    func expert() {
        let e = Self.actors[6]
        for kind in [RecordKind.applications, .plans, .examSessions, .candidateResults, .indicators, .schools, .payments, .ledgerItems, .reports] {
            #expect(Access.scope(of: kind, for: e) == .none, "\(kind)")
        }
        #expect(Access.scope(of: .certificates, for: e) == .all)
    }

    @Test("AH22-6: organisations take no part in applications; schools draft, reviewers review")
    func actions() {
        let (province, reviewer, city, school, org) = (Self.actors[0], Self.actors[1], Self.actors[3], Self.actors[4], Self.actors[5])
        #expect(Access.scope(of: .applications, for: org) == .none)
        #expect(Access.may(.create, .applications, school) && !Access.may(.create, .applications, city))
        #expect(Access.may(.review, .applications, city) && Access.may(.review, .applications, reviewer))
        #expect(!Access.may(.review, .applications, school))
        #expect(Access.may(.importFile, .candidateResults, org) && Access.may(.importFile, .candidateResults, province))
        #expect(!Access.may(.importFile, .candidateResults, school))
        #expect(Access.may(.update, .schools, province) && !Access.may(.update, .schools, reviewer))
        #expect(Access.may(.publish, .bulletins, province) && !Access.may(.publish, .bulletins, reviewer))
    }

    @Test("A scope contains exactly the records of its unit: own school, its region, its organisation")
    func scopeContains() {
        let z001 = RecordOwner(school: "Z001", region: "4101", organization: "ORG-ZWL")
        let z005 = RecordOwner(school: "Z005", region: "4103", organization: "ORG-ZFZZ")
        #expect(RecordScope.all.contains(z001) && !RecordScope.none.contains(z001))
        #expect(RecordScope.school("Z001").contains(z001) && !RecordScope.school("Z001").contains(z005))
        #expect(RecordScope.region("4101").contains(z001) && !RecordScope.region("4101").contains(z005))
        #expect(RecordScope.organization("ORG-ZWL").contains(z001) && !RecordScope.organization("ORG-ZWL").contains(z005))
        // A record without an owner of the scope's kind is outside it, never inside by default.
        #expect(!RecordScope.school("Z001").contains(RecordOwner(region: "4101")))
    }

    @Test("Notices: each actor reads what is addressed to its role, its account and its own unit, nothing else")
    func noticeAudiences() {
        let school = Self.actors[4]
        #expect(Set(Access.audiences(for: school)) == [.role(.school), .user("s"), .school("Z001")])
        #expect(Set(Access.audiences(for: Self.actors[3])) == [.role(.cityReviewer), .user("c"), .region("4101")])
        #expect(Set(Access.audiences(for: Self.actors[0])) == [.role(.provinceAdmin), .user("p")])
        for actor in Self.actors {
            for audience in Access.audiences(for: actor) { #expect(NoticeAudience(stored: audience.stored) == audience) }
        }
        for bad in ["", "role:", "role:root", "school", "everyone:1", ":Z001"] { #expect(NoticeAudience(stored: bad) == nil, "\(bad)") }
    }
}
