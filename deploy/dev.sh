#!/usr/bin/env bash
# Smart City 100 — local development stack (PostgreSQL + Redis + gunicorn + Celery).
#
#   deploy/dev.sh up            bring everything up with demo data (idempotent)
#   deploy/dev.sh test [args]   run the test suite (pytest args are passed through)
#   deploy/dev.sh down          stop everything
#   deploy/dev.sh status        show what is running
#   deploy/dev.sh env [test]    print `export` lines:  eval "$(deploy/dev.sh env)"
#
# Everything lives in .run/ (data, sockets, pids, logs, e-mails) and .venv/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.run"
VENV="$ROOT/.venv"
PG_PORT="${SC_PG_PORT:-54329}"
REDIS_PORT="${SC_REDIS_PORT:-63799}"
WEB_PORT="${SC_WEB_PORT:-8000}"
PGDATA="$RUN/postgres"
APPS=(web worker beat)

if [ -t 2 ]; then B=$'\033[1;34m' R=$'\033[1;31m' N=$'\033[0m'; else B='' R='' N=''; fi
log() { printf '%s==>%s %s\n' "$B" "$N" "$*" >&2; }
die() { printf '%sERROR:%s %s\n' "$R" "$N" "$*" >&2; exit 1; }

# ---------------------------------------------------------------- system packages
APT_UPDATED=
apt_install() {
    [ $# -gt 0 ] || return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null && sudo -n true 2>/dev/null \
            || die "missing system packages: $* (install them, or run as root / with passwordless sudo)"
        sudo=(sudo -n)
    fi
    log "Installing system packages: $*"
    if [ -z "$APT_UPDATED" ]; then "${sudo[@]}" apt-get update -qq; APT_UPDATED=1; fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

find_pg_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return; }
    done
    if command -v pg_ctl >/dev/null; then dirname "$(command -v pg_ctl)"; fi
}

find_chromium() { command -v chromium || command -v chromium-browser || true; }

ensure_packages() {   # ensure_packages [with-browser]
    local missing=()
    [ -n "$(find_pg_bin)" ] || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v curl >/dev/null || missing+=(curl)
    [ "${1:-}" != with-browser ] || [ -n "$(find_chromium)" ] || missing+=(chromium)
    # The masterplan book (WeasyPrint): Pango and a font with Indonesian text; the tests read the PDF back.
    ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1\.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
    [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    # The showcase decks rasterise their charts (pdftoppm) and join PDFs (pdfunite): poppler-utils.
    command -v pdftoppm >/dev/null && command -v pdfunite >/dev/null || missing+=(poppler-utils)
    apt_install "${missing[@]}"
    PG_BIN="$(find_pg_bin)"
    [ -n "$PG_BIN" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found"
}

# ---------------------------------------------------------------- Python venv
is_py312() { [ -n "$1" ] && "$1" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; }

find_python312() {
    local c
    for c in "$(command -v python3.12 || true)" "$(command -v python3 || true)" \
             $(ls -d "$HOME"/.pyenv/versions/3.12*/bin/python 2>/dev/null | sort -V -r) \
             /usr/local/bin/python3.12 /usr/bin/python3.12; do
        is_py312 "$c" && { echo "$c"; return; }
    done
    die "Python 3.12 not found (looked for python3.12 on PATH and ~/.pyenv/versions/3.12*). Install it, e.g. 'pyenv install 3.12'."
}

ensure_venv() {
    if [ -x "$VENV/bin/python" ] && ! is_py312 "$VENV/bin/python"; then
        log "$VENV is not Python 3.12 — recreating it"; rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        local py; py="$(find_python312)"
        log "Creating venv with $py"
        # Run from / : the project package is called `platform` and would shadow the stdlib module.
        (cd / && "$py" -m venv "$VENV")
    fi
    local want have
    want="$(sha256sum "$ROOT/requirements.lock" | cut -d' ' -f1)"
    have="$(cat "$VENV/.requirements.lock.sha256" 2>/dev/null || true)"
    if [ "$want" != "$have" ]; then
        log "Installing Python dependencies from requirements.lock"
        (cd / && "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements.lock")
        echo "$want" >"$VENV/.requirements.lock.sha256"
    fi
}

# ---------------------------------------------------------------- PostgreSQL
pg_user() {   # OS user the cluster runs as (PostgreSQL refuses to run as root)
    if [ -e "$PGDATA/PG_VERSION" ]; then stat -L -c %U "$PGDATA"; return; fi
    if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
    if ! id postgres >/dev/null 2>&1 && ! id smartcity >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin smartcity >&2
    fi
    if id postgres >/dev/null 2>&1; then echo postgres; else echo smartcity; fi
}

as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u "$PGUSER" -- "$@"); else "$@"; fi; }

pg_init() {
    PGUSER="$(pg_user)"
    mkdir -p "$RUN"
    if [ ! -e "$PGDATA/PG_VERSION" ]; then
        # If the cluster user cannot reach the checkout (e.g. it lives under /root),
        # keep the data elsewhere and leave a symlink at .run/postgres.
        if [ "$(id -u)" -eq 0 ] && ! runuser -u "$PGUSER" -- test -x "$RUN"; then
            local real; real="/var/lib/smartcity-dev/$(echo "$ROOT" | sha1sum | cut -c1-12)"
            log "$PGUSER cannot access $RUN; cluster data goes to $real"
            rm -rf "$PGDATA" "$real"; mkdir -p "$real"; ln -s "$real" "$PGDATA"
        fi
        mkdir -p "$PGDATA"
        [ "$(id -u)" -ne 0 ] || chown "$PGUSER:" "$(readlink -f "$PGDATA")"
        chmod 700 "$(readlink -f "$PGDATA")"
        log "Initialising PostgreSQL cluster in $PGDATA (as $PGUSER)"
        local loc=(--no-locale); locale -a 2>/dev/null | grep -qix 'c.utf-\?8' && loc=(--locale=C.UTF-8)
        as_pg "$PG_BIN/initdb" -D "$(readlink -f "$PGDATA")" -U postgres --auth=trust -E UTF8 "${loc[@]}" >/dev/null
        cat >>"$(readlink -f "$PGDATA")/postgresql.conf" <<'EOF'

# --- Smart City 100 local/test cluster (throw-away data: durability off for speed)
listen_addresses = '127.0.0.1'
max_connections = 200
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    fi
}

pg_sockdir() {  # the socket lives in the data dir, unless that path is too long for a Unix socket
    local d; d="$(readlink -f "$PGDATA")"
    if [ $(( ${#d} + 20 )) -gt 107 ]; then echo /tmp; else echo "$d"; fi
}

pg_running() { [ -e "$PGDATA/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" status -D "$(readlink -f "$PGDATA")" >/dev/null 2>&1; }

psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_sockdir)" -p "$PG_PORT" -U postgres -d postgres "$@"; }

pg_start() {
    pg_init
    if pg_running; then
        local port; port="$(sed -n 4p "$PGDATA/postmaster.pid")"
        [ "$port" = "$PG_PORT" ] || die "PostgreSQL is already running on port $port, not $PG_PORT; run 'deploy/dev.sh down' first"
        log "PostgreSQL already running (port $PG_PORT)"
    else
        log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
        local data; data="$(readlink -f "$PGDATA")"
        # The log file is opened by this shell, so the cluster user needs no access to it.
        as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$data" \
            -o "-p $PG_PORT -k '$(pg_sockdir)'" >>"$RUN/postgres.log" 2>&1 \
            || { tail -n 20 "$RUN/postgres.log" >&2; die "PostgreSQL failed to start (log: $RUN/postgres.log)"; }
    fi
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'smartcity'")" ]; then
        psql_admin -c "CREATE ROLE smartcity LOGIN SUPERUSER"
    fi
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'smartcity'")" ]; then
        psql_admin -c "CREATE DATABASE smartcity OWNER smartcity"
    fi
}

pg_stop() {
    [ -e "$PGDATA/PG_VERSION" ] || return 0
    PG_BIN="$(find_pg_bin)"; PGUSER="$(pg_user)"
    if [ -n "$PG_BIN" ] && pg_running; then
        log "Stopping PostgreSQL"
        as_pg "$PG_BIN/pg_ctl" stop -w -m fast -D "$(readlink -f "$PGDATA")" >/dev/null
    fi
}

# ---------------------------------------------------------------- Redis
redis_running() { pid_alive redis redis-server; }

redis_start() {
    mkdir -p "$RUN/redis"
    if redis_running; then log "Redis already running (port $REDIS_PORT)"; return; fi
    log "Starting Redis on 127.0.0.1:$REDIS_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$RUN/redis" \
        --pidfile "$RUN/redis.pid" --logfile "$RUN/redis.log" --save "" --appendonly no --databases 32
    local _; for _ in $(seq 50); do redis_running && return; sleep 0.1; done
    tail -n 20 "$RUN/redis.log" >&2; die "Redis failed to start (log: $RUN/redis.log)"
}

# ---------------------------------------------------------------- background processes
alive() { kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }  # zombies are dead

pid_alive() {   # pid_alive NAME PATTERN — pidfile exists, process alive and really ours
    local pid; pid="$(cat "$RUN/$1.pid" 2>/dev/null || true)"
    [ -n "$pid" ] && alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

# What /proc/PID/cmdline must contain (loose on purpose: setproctitle may rewrite it).
declare -A PATTERN=([web]=gunicorn [worker]=celery [beat]=celery [redis]=redis-server)

stop_proc() {   # stop_proc NAME — TERM the process group, KILL after 20 s
    local name="$1" pid _
    if pid_alive "$name" "${PATTERN[$name]}"; then
        pid="$(cat "$RUN/$name.pid")"
        log "Stopping $name (pid $pid)"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 200); do alive "$pid" || break; sleep 0.1; done
        alive "$pid" && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    fi
    rm -f "$RUN/$name.pid"
}

start_proc() {  # start_proc NAME ARGS... — run `.venv/bin/python -m ARGS` detached, from the repo root
    local name="$1"; shift
    stop_proc "$name"
    log "Starting $name (log: .run/$name.log)"
    (cd "$ROOT" && exec setsid nohup "$VENV/bin/python" -m "$@" >>"$RUN/$name.log" 2>&1 </dev/null) &
    echo $! >"$RUN/$name.pid"
}

wait_for_web() {
    local _ code
    for _ in $(seq 60); do
        code="$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://localhost:$WEB_PORT/" || true)"
        [ "$code" != 000 ] && { log "Web server answers (HTTP $code)"; return; }
        pid_alive web "${PATTERN[web]}" || break
        sleep 0.5
    done
    tail -n 30 "$RUN/web.log" >&2; die "web server did not answer on port $WEB_PORT (log: $RUN/web.log)"
}

check_running() {  # check_running NAME... — fail loudly if a background process already died
    local name; sleep 2
    for name in "$@"; do
        pid_alive "$name" "${PATTERN[$name]}" && continue
        tail -n 30 "$RUN/$name.log" >&2; die "$name exited right after starting (log: $RUN/$name.log)"
    done
}

# ---------------------------------------------------------------- environment
export_env() {  # export_env SETTINGS
    export DJANGO_SETTINGS_MODULE="platform.settings.$1"
    export DATABASE_URL="postgres://smartcity@127.0.0.1:$PG_PORT/smartcity"
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    export BASE_DOMAIN="${BASE_DOMAIN:-localhost}"
    export WEB_PORT
    export EMAIL_FILE_PATH="$RUN/mail"
    local chromium; chromium="$(find_chromium)"
    [ -z "$chromium" ] || export CHROMIUM_EXECUTABLE="$chromium"   # for the Playwright browser test
}

print_env() {
    export_env "${1:-local}"
    local v
    for v in DJANGO_SETTINGS_MODULE DATABASE_URL REDIS_URL BASE_DOMAIN WEB_PORT EMAIL_FILE_PATH CHROMIUM_EXECUTABLE; do
        [ -n "${!v:-}" ] && printf 'export %s=%q\n' "$v" "${!v}"
    done
    printf 'export VIRTUAL_ENV=%q\nexport PATH=%q:"$PATH"\n' "$VENV" "$VENV/bin"
}

# ---------------------------------------------------------------- commands
cmd_up() {
    ensure_packages
    ensure_venv
    pg_start
    redis_start
    export_env local
    mkdir -p "$EMAIL_FILE_PATH"
    cd "$ROOT"
    log "Migrating";          "$VENV/bin/python" manage.py migrate --noinput
    log "Loading regions";    "$VENV/bin/python" manage.py load_regions
    log "Seeding demo data";  "$VENV/bin/python" manage.py seed_demo
    start_proc web gunicorn platform.wsgi:application -c deploy/production/gunicorn.conf.py \
        --bind "127.0.0.1:$WEB_PORT" --workers 2 --threads 4
    start_proc worker celery -A platform worker -l info --concurrency 2
    start_proc beat celery -A platform beat -l info --schedule "$RUN/celerybeat-schedule"
    wait_for_web
    check_running worker beat
    cat <<EOF

  Smart City 100 is running.
    National site:   http://localhost:$WEB_PORT/
    Workspaces:      http://<slug>.localhost:$WEB_PORT/   (slugs and demo logins: see seed_demo output above)
    Outgoing e-mail: $EMAIL_FILE_PATH/
    Logs:            $RUN/{web,worker,beat,redis,postgres}.log
    Status / stop:   deploy/dev.sh status  |  deploy/dev.sh down
    Shell env:       eval "\$(deploy/dev.sh env)"   then   python manage.py ...

EOF
}

cmd_test() {
    ensure_packages with-browser
    ensure_venv
    pg_start
    redis_start
    export_env test
    mkdir -p "$EMAIL_FILE_PATH"
    cd "$ROOT"
    exec "$VENV/bin/python" -m pytest "$@"
}

cmd_down() {
    local name
    for name in beat worker web redis; do stop_proc "$name"; done
    pg_stop
    log "Everything stopped"
}

cmd_status() {   # exit 0 if PostgreSQL runs, 3 otherwise
    local name pid where rc=3
    PG_BIN="$(find_pg_bin)"
    if [ -n "$PG_BIN" ] && [ -e "$PGDATA/PG_VERSION" ] && PGUSER="$(pg_user)" && pg_running; then
        printf '%-10s running   127.0.0.1:%s  (pid %s)\n' postgres "$PG_PORT" "$(head -n1 "$PGDATA/postmaster.pid")"; rc=0
    else
        printf '%-10s stopped\n' postgres
    fi
    for name in redis "${APPS[@]}"; do
        if pid_alive "$name" "${PATTERN[$name]}"; then
            pid="$(cat "$RUN/$name.pid")"
            case $name in redis) where="127.0.0.1:$REDIS_PORT" ;; web) where="http://localhost:$WEB_PORT/" ;; *) where="" ;; esac
            printf '%-10s running   %s  (pid %s)\n' "$name" "$where" "$pid"
        else
            printf '%-10s stopped\n' "$name"
        fi
    done
    return $rc
}

usage() {
    [ -z "$cmd" ] || echo "Unknown command: $cmd" >&2
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

cmd="${1:-}"; [ $# -gt 0 ] && shift
case "$cmd" in
    up)     cmd_up ;;
    down)   cmd_down ;;
    status) cmd_status ;;
    test)   cmd_test "$@" ;;
    env)    print_env "${1:-local}" ;;
    *)      usage ;;
esac
