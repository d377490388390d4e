import OneXDomain
import SQLKit

/// The one place where an actor's `RecordScope` (from `Access.scope(of:for:)`) becomes a query
/// condition. Nil means the kind is not for the actor at all (403); otherwise a record outside
/// the condition is simply not found (404).
enum ScopeCondition {
    /// For a query that has joined the record's school as `s`, its region as `r` and its
    /// certificate's organisation as `o` (the aliases the callers use).
    static func joined(_ scope: RecordScope) -> SQLQueryString? {
        switch scope {
        case .all: "1 = 1"
        case .school(let code): "s.code = \(bind: code)"
        case .region(let code): "r.code = \(bind: code)"
        case .organization(let code): "o.code = \(bind: code)"
        case .published, .ledBy, .publishedOr, .either: "1 = 0"
        case .none: nil
        }
    }

    /// For a query over plans (alias `p`) that joins nothing: the plan's own school and
    /// certificate ids, which the plan indexes lead with, so the scope is found by index.
    static func onPlans(_ scope: RecordScope) -> SQLQueryString? {
        switch scope {
        case .all: "1 = 1"
        case .school(let code): "p.school_id IN (SELECT id FROM schools WHERE code = \(bind: code))"
        case .region(let code):
            "p.school_id IN (SELECT s.id FROM schools s JOIN regions r ON r.id = s.region_id WHERE r.code = \(bind: code))"
        case .organization(let code):
            "p.certificate_id IN (SELECT c.id FROM certificates c JOIN organizations o ON o.id = c.organization_id WHERE o.code = \(bind: code))"
        case .published, .ledBy, .publishedOr, .either: "1 = 0"
        case .none: nil
        }
    }

    /// For candidate imports (alias `j`): the uploader's organisation; the province office's
    /// own imports have none and are the province's.
    static func onImportJobs(_ scope: RecordScope) -> SQLQueryString? {
        switch scope {
        case .all: "1 = 1"
        case .organization(let code): "j.organization = \(bind: code)"
        case .school, .region, .published, .ledBy, .publishedOr, .either: "1 = 0"
        case .none: nil
        }
    }

    /// For fee standards (alias `f`) joined to their certificate `c` and its organisation `o`.
    static func onFeeStandards(_ scope: RecordScope) -> SQLQueryString? {
        switch scope {
        case .all: return "1 = 1"
        case .organization(let code): return "o.code = \(bind: code)"
        case .published: return "f.status = 'published'"
        case .ledBy(let code):
            return """
                c.id IN (SELECT a.certificate_id FROM alliances a JOIN schools ls ON ls.id = a.lead_school_id WHERE ls.code = \(bind: code))
                """
        case .publishedOr(let inner):
            guard let condition = onFeeStandards(inner) else { return "f.status = 'published'" }
            return "(f.status = 'published' OR \(condition))"
        case .school, .region, .either: return "1 = 0"
        case .none: return nil
        }
    }

    /// For rectification items (alias `i`), which carry the codes of the units that see them.
    static func onLedgerItems(_ scope: RecordScope) -> SQLQueryString? {
        switch scope {
        case .all: "1 = 1"
        case .school(let code): "i.school_code = \(bind: code)"
        case .region(let code): "i.region_code = \(bind: code)"
        case .organization(let code): "i.organization_code = \(bind: code)"
        case .published, .ledBy, .publishedOr, .either: "1 = 0"
        case .none: nil
        }
    }

    /// For exam sites (alias `x`) joined to their school `s`, its region `r`, their certificate
    /// `c` and its organisation `o`. Published sites are the approved ones.
    static func onSites(_ scope: RecordScope) -> SQLQueryString? {
        let approved: SQLQueryString = "x.status = \(bind: ExamSiteStatus.approved.rawValue)"
        switch scope {
        case .all: return "1 = 1"
        case .school(let code): return "s.code = \(bind: code)"
        case .region(let code): return "r.code = \(bind: code)"
        case .organization(let code): return "o.code = \(bind: code)"
        case .published: return approved
        case .ledBy(let code):
            return """
                c.id IN (SELECT a.certificate_id FROM alliances a JOIN schools ls ON ls.id = a.lead_school_id WHERE ls.code = \(bind: code))
                """
        case .publishedOr(let inner):
            guard let condition = onSites(inner) else { return approved }
            return "(\(approved) OR \(condition))"
        case .either(let a, let b):
            guard let ca = onSites(a) else { return onSites(b) }
            guard let cb = onSites(b) else { return ca }
            return "(\(ca) OR \(cb))"
        case .none: return nil
        }
    }

    /// For complaints (alias `x`), which carry the complainant's codes: a school's and a city's
    /// own (a city also its schools'); an organisation's own and, once sent for a reply, those
    /// about it.
    static func onComplaints(_ scope: RecordScope) -> SQLQueryString? {
        switch scope {
        case .all: return "1 = 1"
        case .school(let code): return "x.school_code = \(bind: code)"
        case .region(let code): return "x.region_code = \(bind: code)"
        case .organization(let code):
            return
                "(x.organization_code = \(bind: code) OR (x.subject_organization = \(bind: code) AND x.forwarded_on IS NOT NULL))"
        case .published, .ledBy, .publishedOr, .either: return "1 = 0"
        case .none: return nil
        }
    }

    /// For filings (alias `f`) joined to their certificate `c` and its organisation `o`.
    static func onFilings(_ scope: RecordScope) -> SQLQueryString? {
        switch scope {
        case .all: "1 = 1"
        case .organization(let code): "o.code = \(bind: code)"
        case .ledBy(let code):
            "c.id IN (SELECT a.certificate_id FROM alliances a JOIN schools ls ON ls.id = a.lead_school_id WHERE ls.code = \(bind: code))"
        case .school, .region, .published, .publishedOr, .either: "1 = 0"
        case .none: nil
        }
    }
}
