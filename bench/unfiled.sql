-- The newest 50 exam days of 2026 that no exam filing covers, with the schools examined on each:
-- the same page as GET /api/v1/filings/unfiled-exams?year=2026, as one hand-written query.
SELECT COUNT(*), SUM(schools) FROM (
  SELECT c.code, d.exam_date,
    (SELECT COUNT(DISTINCT p.school_id) FROM plans p
     WHERE p.certificate_id = d.certificate_id AND p.year = 2026 AND (
       EXISTS (SELECT 1 FROM candidate_sessions x WHERE x.plan_id = p.id AND x.exam_date = d.exam_date)
       OR EXISTS (SELECT 1 FROM exams e WHERE e.plan_id = p.id AND e.date = d.exam_date))) AS schools
  FROM (SELECT d.certificate_id, d.exam_date FROM exam_days d JOIN certificates c ON c.id = d.certificate_id
        WHERE d.plan_year = 2026 AND NOT EXISTS (
          SELECT 1 FROM activity_filings f WHERE f.certificate_id = d.certificate_id AND f.kind = 'exam'
            AND f.starts_on <= d.exam_date AND f.ends_on >= d.exam_date)
        ORDER BY d.exam_date DESC, c.code LIMIT 50) d
  JOIN certificates c ON c.id = d.certificate_id);
