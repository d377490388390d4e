#!/usr/bin/env bash
# Two `onex serve` on one PostgreSQL behind nginx (round-robin), as README's "Several servers"
# describes: the browser flow of the main suite runs through the balancer (login, an
# application through city and province, a 100,000-row candidate import with its progress bar
# polled across both servers), then each server's /metrics shows that it answered its share.
#
# Usage: e2e/two_servers.sh /path/to/onex BASE_PORT   (uses BASE_PORT, +1 and +2)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
lb=$2
a=$(( lb + 1 ))
b=$(( lb + 2 ))
export DEBIAN_FRONTEND=noninteractive
if [ ! -x /usr/sbin/nginx ]; then
    apt-get update -qq
    apt-get install -y -qq nginx >/dev/null
fi
pg_url="$(scripts/postgres-for-tests)"
su postgres -c "dropdb --if-exists onex_e2e" >/dev/null
su postgres -c "createdb -O onex onex_e2e" >/dev/null
work=$(mktemp -d)

# The environment every server of the deployment shares (README, "Several servers").
export DATABASE_URL="${pg_url/\/onex_test/\/onex_e2e}"
export ONEX_ID_HASH_KEY="e2e-only-id-hash-key-0123456789abcdef"
export ONEX_ADMIN_PASSWORD="e2e-admin-1" ONEX_BCRYPT_COST=8 ONEX_CLOCK=manual ONEX_DEMO_ACTIVITY=0 HOSTNAME=127.0.0.1

pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
wait_for() {
    for _ in $(seq 1 90); do
        curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
        sleep 1
    done
    cat "$work"/server-*.log
    return 1
}
# The first server migrates and loads the demo; the second starts on the prepared database.
PORT=$a "$bin" serve >"$work/server-a.log" 2>&1 &
pids+=($!)
wait_for $a
PORT=$b "$bin" serve >"$work/server-b.log" 2>&1 &
pids+=($!)
wait_for $b

mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 512; }
http {
    access_log $work/nginx-access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    client_max_body_size 64m;
    upstream onex {
        server 127.0.0.1:$a;
        server 127.0.0.1:$b;
    }
    server {
        listen 127.0.0.1:$lb;
        location / {
            proxy_pass http://onex;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
CONF
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work/nginx"
wait_for $lb

ONEX_E2E_URL="http://127.0.0.1:$lb" ONEX_E2E_SHOTS="two-servers" python3 -m pytest -q e2e/test_ui.py \
    -k "login_page_in_chinese or secondary_school_applies_city_then_province_approve or exam_results_import_monitoring_and_dashboards"

# One import polled on each server in turn: both read its progress from the database.
python3 e2e/shared_progress.py "http://127.0.0.1:$lb" "http://127.0.0.1:$a" "http://127.0.0.1:$b"

# Each server answered its share of the flow, the import's progress polls included.
for port in $a $b; do
    metrics=$(curl -fsS "http://127.0.0.1:$port/metrics")
    total=$(echo "$metrics" | awk '/^onex_http_requests_total/ { n += $NF } END { print n + 0 }')
    polls=$(echo "$metrics" | awk '/^onex_http_requests_total\{route="\/exams\/import\/:id\/progress.json"/ { n += $NF } END { print n + 0 }')
    connections=$(echo "$metrics" | awk '/^onex_db_connections/ { n += $NF } END { print n + 0 }')
    echo "two servers: 127.0.0.1:$port answered $total requests, $polls of them progress polls, holds $connections database connections"
    if [ "$connections" -lt 1 ]; then
        echo "two servers: 127.0.0.1:$port reports no database pool use" >&2
        exit 1
    fi
    if [ "$total" -lt 20 ] || [ "$polls" -lt 2 ]; then
        echo "two servers: 127.0.0.1:$port took no share of the flow" >&2
        exit 1
    fi
done
