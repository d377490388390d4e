"""A real `onex serve` killed with SIGKILL in the middle of work restarts to a consistent database.

Usage: python3 e2e/kill_test.py /path/to/onex PORT

Twice on a fresh SQLite database: a 200,000-row candidate import, then a catalog import, each
killed while it runs. After every restart `onex audit verify` passes, the candidate rows are all
there or none, and the plans' totals agree with the rows stored.
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

BIN, PORT = sys.argv[1], int(sys.argv[2])
BASE = f"http://127.0.0.1:{PORT}"
WORK = tempfile.mkdtemp()
DB = os.path.join(WORK, "onex.sqlite")
ENV = dict(os.environ, DATABASE_URL=f"sqlite://{DB}", ONEX_ADMIN_PASSWORD="kill-admin-1", ONEX_BCRYPT_COST="8",
           ONEX_CLOCK="manual", ONEX_DEMO_ACTIVITY="0", PORT=str(PORT), HOSTNAME="127.0.0.1")


def start():
    server = subprocess.Popen([BIN, "serve"], env=ENV, stdout=open(os.path.join(WORK, "server.log"), "a"),
                              stderr=subprocess.STDOUT)
    for _ in range(120):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=2)
            return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise SystemExit("server did not start")


def call(method, path, body=None, token=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Content-Type": content_type, **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.load(r)


def token(user, password="onex-demo-2026"):
    return call("POST", "/api/v1/auth/token", {"username": user, "password": password})["token"]


def id_number(n):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    first = "410105%08d%03d" % (19900101 + n % 28, n % 1000)
    return first + "10X98765432"[sum(w * int(d) for w, d in zip(weights, first)) % 11]


def killed_during(request, after_seconds):
    """Sends the request in the background and SIGKILLs the server while it is under way."""
    server = start()
    admin = token("admin", "kill-admin-1")
    errors = []
    sender = threading.Thread(target=lambda: errors.append(request(admin)), daemon=True)
    sender.start()
    time.sleep(after_seconds)
    server.send_signal(signal.SIGKILL)
    server.wait()
    sender.join(timeout=30)


def check(label):
    server = start()
    admin = token("admin", "kill-admin-1")
    report = call("GET", "/api/v1/audit/verify", token=admin)
    server.send_signal(signal.SIGTERM)
    server.wait()
    db = sqlite3.connect(DB)
    stored = db.execute("SELECT COUNT(*) FROM exam_candidates").fetchone()[0]
    registered = db.execute("SELECT COALESCE(SUM(exam_registered), 0) FROM plans").fetchone()[0]
    sessions = db.execute("SELECT COALESCE(SUM(registered), 0) FROM candidate_sessions").fetchone()[0]
    db.close()
    ok = report["ok"] and stored in (0, ROWS) and registered == stored == sessions
    print(f"kill during {label}: audit ok={report['ok']}, candidate rows {stored}, plan totals {registered}, "
          f"sessions {sessions} -> {'consistent' if ok else 'INCONSISTENT'}")
    if not ok:
        raise SystemExit(1)


ROWS = 200_000
server = start()
call("PUT", "/api/v1/admin/clock", {"now": "2026-03-15T10:00:00+08:00"}, token("admin", "kill-admin-1"))
school = token("school-g002")
draft = call("POST", "/api/v1/applications", {"year": 2026, "lines": [
    {"certificate": "1-004", "level": "junior", "kind": "new", "count": 40}]}, school)
call("POST", f"/api/v1/applications/{draft['id']}/submit", {}, school)
call("PUT", "/api/v1/admin/clock", {"now": "2026-03-26T09:00:00+08:00"}, token("admin", "kill-admin-1"))
call("POST", f"/api/v1/applications/{draft['id']}/reviews", {"decision": "approve"}, token("reviewer"))
server.send_signal(signal.SIGTERM)
server.wait()

rows = ["examNumber,name,idNumber,school,certificate,level,date,attended,passed"]
for n in range(ROWS):
    rows.append("K%07d,考生%d,%s,G002,1-004,junior,2026-05-%02d,1,%d" % (n, n, id_number(n), 1 + n % 28, n % 2))
results = ("\n".join(rows) + "\n").encode()
catalog = ("code,name,kind\n" + "".join("K%05d,地区%d,city\n" % (n, n) for n in range(20_000))).encode()


def import_results(admin):
    try:
        return call("POST", "/api/v1/exams/import?confirmOverPlan=true", raw=results, token=admin, content_type="text/csv")
    except Exception as e:  # the connection dies with the server
        return e


def import_catalog(admin):
    try:
        return call("POST", "/api/v1/imports/regions", raw=catalog, token=admin, content_type="text/csv")
    except Exception as e:
        return e


killed_during(import_results, 4.0)
check("a 200,000-row candidate import")
killed_during(import_catalog, 1.0)
check("a 20,000-row catalog import")
print("kill test: 2 passed, 0 failed")
