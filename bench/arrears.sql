-- The province's arrears table by hand (scripts/bench-scale, benchmark 4): per school and
-- organisation, payable = attended × the standard in force on each exam day, confirmed money
-- settling the oldest days first, what is left aged by whole months to today (:year, :month,
-- :day are put in by the script). The figures summed over all pairs, to compare with the API.
WITH held AS (
  SELECT plan_id, date AS d, attended FROM exams
  UNION ALL SELECT plan_id, exam_date, attended FROM candidate_sessions
),
planned AS (
  SELECT p.school_id, c.organization_id, p.certificate_id, p.level, h.d, h.attended
  FROM held h JOIN plans p ON p.id = h.plan_id JOIN certificates c ON c.id = p.certificate_id
),
prices AS (
  SELECT x.certificate_id, x.level, x.d,
    (SELECT COALESCE(f.verified_amount, f.amount) FROM fee_standards f
     WHERE f.certificate_id = x.certificate_id AND f.level = x.level AND f.status = 'published' AND f.effective_from <= x.d
     ORDER BY f.effective_from DESC LIMIT 1) AS fee
  FROM (SELECT DISTINCT certificate_id, level, d FROM planned) x
),
daily AS (
  SELECT pl.school_id, pl.organization_id, pl.d, SUM(pl.attended * COALESCE(pr.fee, 0)) AS payable,
    SUM(CASE WHEN pr.fee IS NULL THEN pl.attended ELSE 0 END) AS unpriced
  FROM planned pl JOIN prices pr ON pr.certificate_id = pl.certificate_id AND pr.level = pl.level AND pr.d = pl.d
  GROUP BY pl.school_id, pl.organization_id, pl.d
),
money AS (
  SELECT school_id, organization_id, SUM(CASE WHEN status = 'confirmed' THEN amount ELSE 0 END) AS confirmed
  FROM payments GROUP BY school_id, organization_id
),
aged AS (
  SELECT a.*, max(COALESCE(m.confirmed, 0), 0) AS credit,
    SUM(a.payable) OVER (PARTITION BY a.school_id, a.organization_id ORDER BY a.d) AS through
  FROM daily a LEFT JOIN money m ON m.school_id = a.school_id AND m.organization_id = a.organization_id
),
lefts AS (
  SELECT school_id, organization_id, payable, unpriced, min(max(through - credit, 0), payable) AS owed,
    (:year - CAST(substr(d, 1, 4) AS INTEGER)) * 12 + (:month - CAST(substr(d, 6, 2) AS INTEGER))
      - (:day < CAST(substr(d, 9, 2) AS INTEGER)) AS months
  FROM aged
),
pairs AS (
  SELECT school_id, organization_id, SUM(payable) AS payable, SUM(unpriced) AS unpriced,
    SUM(CASE WHEN months < 3 THEN owed ELSE 0 END) AS age0, SUM(CASE WHEN months >= 3 AND months < 6 THEN owed ELSE 0 END) AS age1,
    SUM(CASE WHEN months >= 6 AND months < 12 THEN owed ELSE 0 END) AS age2, SUM(CASE WHEN months >= 12 THEN owed ELSE 0 END) AS age3
  FROM lefts GROUP BY school_id, organization_id
),
everyone AS (
  SELECT school_id, organization_id FROM pairs UNION SELECT school_id, organization_id FROM money
)
SELECT COUNT(*), SUM(COALESCE(p.payable, 0)), SUM(COALESCE(m.confirmed, 0)), SUM(COALESCE(p.unpriced, 0)),
  SUM(COALESCE(p.age0 + p.age1 + p.age2 + p.age3, 0))
FROM everyone e LEFT JOIN pairs p ON p.school_id = e.school_id AND p.organization_id = e.organization_id
LEFT JOIN money m ON m.school_id = e.school_id AND m.organization_id = e.organization_id;
