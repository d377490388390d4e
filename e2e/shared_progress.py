"""One candidate import, polled on two servers: both read the same progress from the database.

Usage: python3 e2e/shared_progress.py BALANCER_URL SERVER_A_URL SERVER_B_URL

Signs in through the balancer as a browser does (session cookie, CSRF), uploads 50,000 rows as
the import page's script does (Accept: application/json, so the import runs in the background),
then polls the progress on server A and server B in turn with the same session until it is
done. Every poll must answer, the row count never go back, and both servers report the same
result.
"""
import http.cookiejar
import json
import re
import sys
import time
import urllib.request
import uuid

LB, A, B = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def fetch(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    with opener.open(req, timeout=120) as r:
        return r.status, r.read().decode()


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def id_number(n):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    first = "410106%08d%03d" % (19900101 + n % 28, n % 1000)
    return first + "10X98765432"[sum(w * int(d) for w, d in zip(weights, first)) % 11]


_, page = fetch(LB + "/login")
form = f"_csrf={csrf(page)}&username=admin&password=e2e-admin-1".encode()
fetch(LB + "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
_, page = fetch(LB + "/exams/import")

rows = ["examNumber,name,idNumber,school,certificate,level,date,attended,passed"]
rows += ["P%06d,考生%d,%s,G002,1-004,junior,2026-04-%02d,1,1" % (n, n, id_number(n), 1 + n % 25) for n in range(50_000)]
boundary = uuid.uuid4().hex
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf(page)}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"confirmOverPlan\"\r\n\r\ntrue\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"results.csv\"\r\n"
        f"Content-Type: text/csv\r\n\r\n").encode() + ("\n".join(rows) + "\n").encode() + f"\r\n--{boundary}--\r\n".encode()
status, text = fetch(LB + "/exams/import", body, {"Content-Type": f"multipart/form-data; boundary={boundary}",
                                                  "Accept": "application/json"})
assert status == 202, (status, text)
progress = json.loads(text)["progress"]

seen = {A: [], B: []}
deadline = time.time() + 300
done = {}
while time.time() < deadline and len(done) < 2:
    for server in (A, B):
        status, text = fetch(server + progress, headers={"Accept": "application/json"})
        assert status == 200, (server, status, text)
        p = json.loads(text)
        assert p["state"] != "failed", p
        seen[server].append(p["processed"])
        if p["state"] == "done":
            done[server] = p["summary"]
    time.sleep(0.2)
assert len(done) == 2, seen
assert done[A] == done[B] and done[A]["rows"] == 50_000, done
for server, counts in seen.items():
    assert counts == sorted(counts), (server, counts)
print(f"shared progress: {len(seen[A])} polls on {A}, {len(seen[B])} on {B}, "
      f"counts seen {sorted(set(seen[A] + seen[B]))[:6]}…; both report {done[A]}")
