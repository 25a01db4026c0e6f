#!/usr/bin/env bash
# Benchmark 3: throughput of a workspace page vs the apex, and SQL queries per request.
#
#   deploy/bench/throughput.sh      (BENCH_PORT=18765 WRK_DURATION=6s ROUNDS=6 by default)
#
# Needs the 514-workspace bench database (built with provision_514.sh if missing).
# Starts gunicorn exactly as production does (deploy/production/gunicorn.conf.py, gthread,
# 2 workers x 4 threads) on 127.0.0.1:$BENCH_PORT against the bench database (worker
# recycling after max_requests is turned off so that no worker restarts mid-run), signs a
# member in, and runs wrk over loopback for each pair of pages (throughput.py). Then counts
# SQL queries per request with a warm cache (queries.py). gunicorn is stopped at the end.
# Targets: workspace page >= 80 % of the apex page's req/s; <= 1 extra query.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${BENCH_PORT:-18765}"
WORKERS="${BENCH_WORKERS:-2}"

ensure_stack
if ! command -v wrk >/dev/null; then
    say "installing wrk"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo -n apt-get install -y -qq wrk >/dev/null; fi
fi
bench_env
machine_info
if [ "$(workspace_count)" != 514 ]; then
    say "bench database missing or incomplete: building it with provision_514.sh"
    "$BENCH_DIR/provision_514.sh"
fi
# Apply any migration added to the code since the database was built (pages would fail).
timeout 600 "$PY" manage.py migrate --noinput >"$OUT/throughput-migrate.log" 2>&1 \
    || { tail -n 30 "$OUT/throughput-migrate.log" >&2; fail "migrate failed"; }
redis_bench flushdb >/dev/null

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then fail "port $PORT is in use; set BENCH_PORT"; fi

GUNICORN_PID=
stop_gunicorn() {
    [ -n "$GUNICORN_PID" ] || return 0
    say "stopping gunicorn (pid $GUNICORN_PID)"
    kill -TERM -- "-$GUNICORN_PID" 2>/dev/null || kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$GUNICORN_PID" 2>/dev/null || true
    GUNICORN_PID=
}
trap stop_gunicorn EXIT

say "starting gunicorn on 127.0.0.1:$PORT ($WORKERS workers, settings $DJANGO_SETTINGS_MODULE; log: ${OUT#"$ROOT"/}/gunicorn.log)"
GUNICORN_MAX_REQUESTS=0 setsid "$PY" -m gunicorn platform.wsgi:application -c deploy/production/gunicorn.conf.py \
    --bind "127.0.0.1:$PORT" --workers "$WORKERS" >"$OUT/gunicorn.log" 2>&1 </dev/null &
GUNICORN_PID=$!
for _ in $(seq 100); do
    curl -s -o /dev/null --max-time 2 -H 'Host: localhost' "http://127.0.0.1:$PORT/health/" && break
    kill -0 "$GUNICORN_PID" 2>/dev/null || { tail -n 30 "$OUT/gunicorn.log" >&2; fail "gunicorn exited"; }
    sleep 0.2
done

GUNICORN_PID="$GUNICORN_PID" timeout 900 "$PY" deploy/bench/throughput.py "$PORT"
stop_gunicorn

say "SQL queries per request (warm cache, Django test client, no HTTP)"
timeout 300 "$PY" deploy/bench/queries.py
