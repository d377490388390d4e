"""Benchmark: application submissions with a full rule check per second, against a trivial
authenticated JSON endpoint (GET /api/v1/me) measured in the same run on the same server.

Started by scripts/bench, which runs the server on a fresh SQLite database with the demo.
"""
import http.client
import json
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HOST, PORT = "127.0.0.1", int(os.environ.get("ONEX_BENCH_PORT", "8098"))
N = int(os.environ.get("ONEX_BENCH_N", "600"))
CONCURRENCY = int(os.environ.get("ONEX_BENCH_CONCURRENCY", "8"))
local = threading.local()


def conn():
    if not hasattr(local, "c"):
        local.c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    return local.c


def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    c = conn()
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = c.getresponse()
    data = r.read()
    return r.status, (json.loads(data) if data else None)


def token(user, password):
    return call("POST", "/api/v1/auth/token", {"username": user, "password": password})[1]["token"]


def timed(n, fn):
    latencies = []

    def one(i):
        t = time.perf_counter()
        status = fn(i)
        latencies.append(time.perf_counter() - t)
        return status

    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        statuses = list(pool.map(one, range(n)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return n / elapsed, latencies[len(latencies) // 2] * 1000, latencies[int(len(latencies) * 0.99) - 1] * 1000, statuses


def main():
    admin = token("admin", "bench-admin-1")
    call("PUT", "/api/v1/admin/clock", {"now": "2026-03-15T10:00:00+08:00"}, admin)
    # Every secondary and higher-vocational demo school applies: drafts are made first, so
    # only the submission (load the context, run every rule, route, save, audit) is timed.
    # Every seventh demo secondary school is not registered on the national platform (AH22-1).
    schools = [f"school-z{i:03d}" for i in range(1, 31) if i % 7 != 0] + [f"school-g{i:03d}" for i in range(1, 17)]
    tokens = [token(s, "onex-demo-2026") for s in schools]
    drafts = []
    for i in range(N):
        t = tokens[i % len(tokens)]
        line = {"certificate": "1-00%d" % (1 + i % 6), "level": "junior", "kind": "new", "count": 40}
        status, body = call("POST", "/api/v1/applications", {"year": 2026, "lines": [line]}, t)
        assert status == 201, body
        drafts.append((t, body["id"]))

    me_tps, me_p50, me_p99, me_status = timed(N, lambda i: call("GET", "/api/v1/me", token=tokens[i % len(tokens)])[0])
    sub_tps, sub_p50, sub_p99, sub_status = timed(
        N, lambda i: call("POST", f"/api/v1/applications/{drafts[i][1]}/submit", token=drafts[i][0])[0])
    assert all(s == 200 for s in me_status), set(me_status)
    assert all(s == 200 for s in sub_status), set(sub_status)
    print(f"requests per figure: {N}, concurrency: {CONCURRENCY}")
    print(f"baseline GET /api/v1/me:            {me_tps:8.1f} req/s  p50 {me_p50:6.1f} ms  p99 {me_p99:6.1f} ms")
    print(f"POST /applications/{{id}}/submit:     {sub_tps:8.1f} req/s  p50 {sub_p50:6.1f} ms  p99 {sub_p99:6.1f} ms")
    print(f"ratio submissions / baseline:       {sub_tps / me_tps:8.3f}")


if __name__ == "__main__":
    main()
