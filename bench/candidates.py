"""Writes a per-candidate result CSV for the import benchmark: N rows for plans that exist in
the given OneX SQLite database (year 2026), with valid ID numbers and fresh exam numbers.

usage: candidates.py DB OUT.csv ROWS
"""
import sqlite3
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECKS = "10X98765432"


def id_number(n):
    first = "410105%08d%03d" % (19900101 + (n % 28), n % 1000)
    return first + CHECKS[sum(w * int(d) for w, d in zip(WEIGHTS, first)) % 11]


def main():
    db, out, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    con = sqlite3.connect(db)
    plans = con.execute(
        "SELECT s.code, c.code, p.level FROM plans p JOIN schools s ON s.id = p.school_id "
        "JOIN certificates c ON c.id = p.certificate_id WHERE p.year = 2026 ORDER BY s.code, c.code, p.level"
    ).fetchall()
    with open(out, "w", encoding="utf-8") as f:
        f.write("examNumber,name,idNumber,school,certificate,level,date,attended,passed\n")
        for n in range(rows):
            school, cert, level = plans[(n // 10) % len(plans)]
            attended = 0 if n % 10 == 0 else 1
            passed = 1 if attended and n % 3 else 0
            # A plan's candidates sit its exam on one day, as a session does.
            day = 1 + (n // 10) % 20
            f.write("B%08d,考生%d,%s,%s,%s,%s,2026-11-%02d,%d,%d\n" % (n, n, id_number(n), school, cert, level, day, attended, passed))


if __name__ == "__main__":
    main()
