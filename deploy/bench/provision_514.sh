#!/usr/bin/env bash
# Benchmark 1: provision all 514 workspaces on an empty database.
#
#   deploy/bench/provision_514.sh
#
# Drops and re-creates the bench database, runs `manage.py migrate` and
# `manage.py load_regions`, then `manage.py provision_workspaces --all` in-process
# (deploy/bench/provision.py) with each workspace's time recorded.
# Targets: median <= 0.3 s per workspace, whole run <= 3 minutes.
# Leaves the 514-workspace database in place for migrate_noop.sh and throughput.sh;
# deploy/bench/cleanup.sh drops it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TIMEOUT="${PROVISION_TIMEOUT:-900}"

ensure_stack
bench_env
machine_info
bench_db_fresh

t=$(now); timeout 300 "$PY" manage.py migrate --noinput >"$OUT/provision-migrate.log" 2>&1 \
    || { tail -n 30 "$OUT/provision-migrate.log" >&2; fail "migrate failed"; }
say "migrate on the empty database: $(elapsed "$t") s"
t=$(now); manage load_regions; say "load_regions: $(elapsed "$t") s"

stamp="$(date +%Y%m%d-%H%M%S)"
csv="$OUT/provision-$stamp.csv"
activity="$OUT/provision-$stamp-activity.log"
say "provision_workspaces --all (timeout ${TIMEOUT}s); per-workspace times -> ${csv#"$ROOT"/}"
# Once a second, what else the cluster is doing (other databases, lock waits): to tell
# slow stretches caused by other load apart from slowness of provisioning itself.
start_activity_sampler "$activity"
t=$(now)
timeout "$TIMEOUT" "$PY" deploy/bench/provision.py "$csv"
total="$(elapsed "$t")"
stop_activity_sampler
summarize_activity "$activity"
say "whole run (process start to exit): $total s (target <= 180 s)"

n="$(workspace_count)"
say "workspaces with a region: $n; schemas in the database: $(schema_count)"
[ "$n" = 514 ] || fail "expected 514 workspaces, found $n"
