import OneXDomain
import Testing

/// The closure workflow and the flags of the rectification ledger as plain functions.
@Suite("Rectification closure and flags (AH38-4, AH38-6)")
struct RectificationFlowTests {
    @Test(
        "AH38-4: the route by school kind: the city first for secondary schools only, 高教处 for undergraduates")
    func routes() {
        #expect(
            ClosureRoute(responsible: .school, schoolKind: .secondary)
                == .init(cityFirst: true, desk: .office))
        for kind in [SchoolKind.provincialSecondary, .higherVocational] {
            #expect(
                ClosureRoute(responsible: .school, schoolKind: kind) == .init(cityFirst: false, desk: .office)
            )
        }
        #expect(
            ClosureRoute(responsible: .leadSchool, schoolKind: .undergraduate)
                == .init(cityFirst: false, desk: .higherEducation))
        #expect(
            ClosureRoute(responsible: .organization, schoolKind: nil)
                == .init(cityFirst: false, desk: .office))
        #expect(
            ClosureRoute(responsible: .cityBureau, schoolKind: nil) == .init(cityFirst: false, desk: .office))
        #expect(
            ClosureDesk.higherEducation.role == .provinceReviewer && ClosureDesk.office.role == .provinceAdmin
        )
    }

    @Test("AH38-4: every step from every state by every role: only the route's own transitions succeed")
    func transitions() {
        let secondary = ClosureRoute(responsible: .school, schoolKind: .secondary)
        let allowed: Set<String> = [
            "open apply school", "open apply cityReviewer", "open apply organization",
            "open apply provinceAdmin",
            "open apply provinceReviewer", "open apply auditor", "open apply expert",
            "applied confirm cityReviewer", "applied return cityReviewer",
            "confirmed close provinceAdmin", "confirmed return provinceAdmin",
            "closed reopen provinceAdmin",
        ]
        for status in RectificationStatus.allCases {
            for step in RectificationStep.allCases {
                for role in Role.allCases {
                    let result = RectificationFlow.next(status, step, role: role, route: secondary)
                    let key = "\(status.rawValue) \(step.rawValue) \(role.rawValue)"
                    if case .success = result {
                        #expect(allowed.contains(key), "\(key) should be refused")
                    } else {
                        #expect(!allowed.contains(key), "\(key) should pass")
                    }
                }
            }
        }
        let undergraduate = ClosureRoute(responsible: .school, schoolKind: .undergraduate)
        #expect(
            RectificationFlow.next(.applied, .close, role: .provinceReviewer, route: undergraduate)
                == .success(.closed))
        #expect(
            RectificationFlow.next(.applied, .confirm, role: .cityReviewer, route: undergraduate)
                != .success(.confirmed))
        #expect(
            RectificationFlow.next(.closed, .reopen, role: .provinceReviewer, route: undergraduate)
                == .success(.open))
    }

    @Test(
        "AH38-6: overdue after the deadline day; no progress this month only for items older than the month")
    func flags() {
        let d = { (s: String) in LocalDate(s)! }
        func flags(
            _ status: RectificationStatus = .open, deadline: String, created: String, last: String?,
            today: String
        )
            -> [RectificationFlag]
        {
            RectificationFlag.flags(
                status: status, deadline: d(deadline), createdOn: d(created), lastProgressOn: last.map(d),
                today: d(today))
        }
        #expect(flags(deadline: "2026-03-31", created: "2026-03-01", last: nil, today: "2026-03-31") == [])
        #expect(
            flags(deadline: "2026-03-31", created: "2026-03-01", last: nil, today: "2026-04-01") == [
                .overdue, .noMonthlyProgress,
            ])
        #expect(
            flags(deadline: "2026-05-31", created: "2026-03-01", last: "2026-03-31", today: "2026-04-01") == [
                .noMonthlyProgress
            ])
        #expect(
            flags(deadline: "2026-05-31", created: "2026-03-01", last: "2026-04-01", today: "2026-04-30")
                == [])
        #expect(
            flags(deadline: "2026-05-31", created: "2026-04-02", last: nil, today: "2026-04-30") == [],
            "new this month")
        #expect(
            flags(.applied, deadline: "2026-05-31", created: "2026-03-01", last: nil, today: "2026-04-30")
                == [])
        #expect(
            flags(.closed, deadline: "2026-03-31", created: "2026-03-01", last: nil, today: "2026-06-30")
                == [])
    }

    @Test(
        "AH38-6: the notice list puts the most overdue first, then the most without progress, then the most open"
    )
    func order() {
        let a = RectificationUnitTally(open: 5, overdue: 0, noMonthlyProgress: 3)
        let b = RectificationUnitTally(open: 1, overdue: 1, noMonthlyProgress: 0)
        let c = RectificationUnitTally(open: 9, overdue: 0, noMonthlyProgress: 0)
        #expect([a, b, c].sorted(by: RectificationUnitTally.precedes) == [b, a, c])
        #expect(!c.listed && a.listed && b.listed)
    }
}
