#!/usr/bin/env bash
# Benchmark 2: `migrate` with nothing to do over 514 workspace schemas.
#
#   deploy/bench/migrate_noop.sh            (RUNS=3 by default)
#
# Needs the 514-workspace bench database of provision_514.sh (built first if missing).
# Times `manage.py migrate --noinput` (the project's executor, which skips schemas that
# are up to date) RUNS times, then, for comparison, the stock django-tenants executors
# `migrate_schemas --executor standard` and `--executor multiprocessing`, which run
# Django's migrate in every schema even when there is nothing to do.
# Target: `manage.py migrate --noinput` <= 15 s.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-3}"
TIMEOUT="${MIGRATE_TIMEOUT:-900}"

ensure_stack
bench_env
machine_info
if [ "$(workspace_count)" != 514 ]; then
    say "bench database missing or incomplete: building it with provision_514.sh"
    "$BENCH_DIR/provision_514.sh"
fi
say "schemas in $BENCH_DB: $(schema_count) (public, the template, 514 workspaces)"

# A migration added to the code since the database was built is applied here, untimed,
# so that the timed runs below really have nothing to do.
say "settling: manage.py migrate --noinput (untimed)"
timeout "$TIMEOUT" "$PY" manage.py migrate --noinput >"$OUT/migrate-settle.log" 2>&1 \
    || { tail -n 30 "$OUT/migrate-settle.log" >&2; fail "migrate failed"; }
grep -E '^\[skip-up-to-date\]' "$OUT/migrate-settle.log" >&2 || true

declare -a results=()
timed() {   # timed LABEL LOGFILE COMMAND... — run, record wall seconds
    local label="$1" log="$2" t secs; shift 2
    t=$(now)
    timeout "$TIMEOUT" "$@" >"$log" 2>&1 || { tail -n 30 "$log" >&2; fail "$label failed (log: $log)"; }
    secs="$(elapsed "$t")"
    results+=("$label|$secs")
    say "$label: $secs s"
}

for i in $(seq "$RUNS"); do
    timed "manage.py migrate --noinput (run $i)" "$OUT/migrate-noop-$i.log" "$PY" manage.py migrate --noinput
    grep -E '^\[skip-up-to-date\]' "$OUT/migrate-noop-$i.log" >&2 || true
    if grep -q 'Applying ' "$OUT/migrate-noop-$i.log"; then fail "run $i applied a migration: not a no-op run"; fi
done
timed "migrate_schemas --executor standard" "$OUT/migrate-standard.log" \
    "$PY" manage.py migrate_schemas --noinput --executor standard
timed "migrate_schemas --executor multiprocessing" "$OUT/migrate-multiprocessing.log" \
    "$PY" manage.py migrate_schemas --noinput --executor multiprocessing
say "schemas the stock standard executor went through: $(grep -c 'Operations to perform' "$OUT/migrate-standard.log" || true)"

echo
echo "| command | wall s |"
echo "|---|---:|"
for r in "${results[@]}"; do echo "| \`${r%%|*}\` | ${r##*|} |"; done
