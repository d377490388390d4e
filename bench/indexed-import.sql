-- The import benchmark's baseline (scripts/bench-scale, item 2): the same candidate rows stored
-- by hand into exam_candidates, with its unique key and plan index, on a copy of the national
-- database. The CSV is loaded into a staging table by the sqlite3 shell (.import, run before
-- this file); each row is joined to its school, certificate and plan and inserted in plan order,
-- rows already stored left alone; then committed and checkpointed, as OneX's import ends.
-- What OneX does besides is its own: checking each row, hashing ID numbers, the sessions, the
-- plans' totals, student coverage, exam days and the arrears marks.
BEGIN;
INSERT INTO exam_candidates (exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked, attended, passed)
SELECT st.examNumber, c.id, p.id, s.id, st.date, st.idNumber, substr(st.name, 1, 1) || '*',
       CAST(st.attended AS INTEGER), CAST(st.passed AS INTEGER)
FROM staging st
JOIN schools s ON s.code = st.school
JOIN certificates c ON c.code = st.certificate
JOIN plans p ON p.school_id = s.id AND p.certificate_id = c.id AND p.level = st.level AND p.year = 2026
WHERE 1
ORDER BY p.id
ON CONFLICT DO NOTHING;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
