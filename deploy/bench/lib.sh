# Shared by the benchmark scripts in deploy/bench/ (sourced, not run).
#
# Every benchmark works in its OWN database, smartcity_bench by default, on the local
# cluster of deploy/dev.sh (PostgreSQL 127.0.0.1:54329, Redis 127.0.0.1:63799). The demo
# database (smartcity) and the test database are never touched. The cache goes to its own
# Redis database (3) with its own key prefix, so cached host lookups and sessions of the
# demo stack and of the test suite never mix with the benchmark's.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
PY="$ROOT/.venv/bin/python"

PG_PORT="${SC_PG_PORT:-54329}"
REDIS_PORT="${SC_REDIS_PORT:-63799}"
BENCH_DB="${BENCH_DB:-smartcity_bench}"
BENCH_REDIS_DB="${BENCH_REDIS_DB:-3}"
# DEBUG off (base settings) unless asked otherwise: DEBUG=True keeps every SQL statement
# in memory and is not what production runs.
BENCH_SETTINGS="${BENCH_SETTINGS:-platform.settings.base}"
# Raw outputs (CSV, wrk logs, gunicorn log) go here; .run/ is git-ignored.
OUT="${BENCH_OUT:-$ROOT/.run/bench}"

case "$BENCH_DB" in
    smartcity | test_* | postgres | template0 | template1) echo "refusing to use database $BENCH_DB" >&2; exit 2 ;;
esac

if [ -t 2 ]; then _B=$'\033[1;35m' _N=$'\033[0m'; else _B='' _N=''; fi
say() { printf '%s[bench]%s %s\n' "$_B" "$_N" "$*" >&2; }
fail() { say "ERROR: $*"; exit 1; }

psql_bench() {   # psql_bench DBNAME ARGS...
    local db="$1"; shift
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U smartcity -d "$db" "$@"
}

redis_bench() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$BENCH_REDIS_DB" "$@"; }

ensure_stack() {
    # PostgreSQL and Redis of deploy/dev.sh; start the local stack only if they are down.
    local pg_ok=1 redis_ok=1
    psql_bench postgres -tAc 'SELECT 1' >/dev/null 2>&1 || pg_ok=0
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 || redis_ok=0
    if [ "$pg_ok" = 0 ] || [ "$redis_ok" = 0 ]; then
        say "local PostgreSQL/Redis not running: starting them with deploy/dev.sh up"
        "$ROOT/deploy/dev.sh" up >&2
    fi
    [ -x "$PY" ] || fail "$PY missing (run deploy/dev.sh up once)"
    command -v psql >/dev/null || fail "psql not found"
}

bench_env() {
    # The variables of `deploy/dev.sh env`, then everything pointed at the bench database.
    eval "$("$ROOT/deploy/dev.sh" env)"
    export DJANGO_SETTINGS_MODULE="$BENCH_SETTINGS"
    export DATABASE_URL="postgres://smartcity@127.0.0.1:$PG_PORT/$BENCH_DB"
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$BENCH_REDIS_DB"
    export CACHE_PREFIX="sc100bench"
    export EMAIL_FILE_PATH="$OUT/mail"
    export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
    export BENCH_OUT="$OUT"
    mkdir -p "$OUT" "$EMAIL_FILE_PATH"
    cd "$ROOT"
}

bench_db_exists() { [ -n "$(psql_bench postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'")" ]; }

bench_db_drop() {
    say "dropping database $BENCH_DB and flushing Redis db $BENCH_REDIS_DB"
    psql_bench postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" 2>/dev/null
    redis_bench flushdb >/dev/null
}

bench_db_fresh() {
    bench_db_drop
    say "creating empty database $BENCH_DB"
    psql_bench postgres -c "CREATE DATABASE \"$BENCH_DB\" OWNER smartcity"
}

workspace_count() {   # workspaces with a region in the bench database (0 if it does not exist)
    bench_db_exists || { echo 0; return; }
    psql_bench "$BENCH_DB" -tAc "SELECT count(*) FROM tenants_workspace WHERE region_id IS NOT NULL" 2>/dev/null || echo 0
}

schema_count() {
    psql_bench "$BENCH_DB" -tAc "SELECT count(*) FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

manage() { "$PY" manage.py "$@"; }

machine_info() {
    printf 'host: %s CPU(s), %s GiB RAM, %s; PostgreSQL %s; load average before run: %s\n' \
        "$(nproc)" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
        "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)" \
        "$(psql_bench postgres -tAc 'SHOW server_version')" "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf 'code: commit %s%s\n' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
        "$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -qv '^.. deploy/bench/' && echo ' + uncommitted changes' || true)"
}

SAMPLER_PID=
start_activity_sampler() {   # start_activity_sampler FILE — pg_stat_activity once a second
    local file="$1"
    (
        while sleep 1; do
            psql -X -q -A -t -F '|' -h 127.0.0.1 -p "$PG_PORT" -U smartcity -d postgres -c \
                "SELECT to_char(clock_timestamp(), 'HH24:MI:SS'), datname, coalesce(wait_event_type, '-'),
                        coalesce(wait_event, '-'), left(regexp_replace(query, '\s+', ' ', 'g'), 60)
                 FROM pg_stat_activity
                 WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'" \
                2>/dev/null || true
        done
    ) >"$file" &
    SAMPLER_PID=$!
    trap stop_activity_sampler EXIT
}

stop_activity_sampler() {
    [ -n "$SAMPLER_PID" ] || return 0
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=
}

summarize_activity() {   # seconds during which other databases had active queries, per database
    local file="$1"
    say "active backends seen in the once-a-second samples (database: samples):"
    awk -F'|' '{ n[$2]++ } END { for (d in n) printf "    %s: %d\n", d, n[d] }' "$file" | sort >&2
    say "lock waits seen in the bench database: $(awk -F'|' -v db="$BENCH_DB" '$2 == db && $3 == "Lock"' "$file" | wc -l)"
}
