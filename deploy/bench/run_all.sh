#!/usr/bin/env bash
# All three benchmarks in a row, then the bench database is dropped (KEEP_DB=1 keeps it).
#
#   deploy/bench/run_all.sh
#
# Output of each benchmark: the terminal and .run/bench/<name>.txt. On 2 cores about
# 10 minutes with little other load, up to 20 minutes with heavy other load; most of it is
# the two stock django-tenants executors of migrate_noop.sh (3-10 minutes together) and
# throughput.sh (about 5 minutes).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_stack
mkdir -p "$OUT"
trap '[ "${KEEP_DB:-0}" = 1 ] || "$BENCH_DIR/cleanup.sh"' EXIT
for name in provision_514 migrate_noop throughput; do
    say "=== $name"
    timeout 1800 "$BENCH_DIR/$name.sh" 2>&1 | tee "$OUT/$name.txt"
    [ "${PIPESTATUS[0]}" = 0 ] || fail "$name failed (output: ${OUT#"$ROOT"/}/$name.txt)"
done
say "done; outputs in ${OUT#"$ROOT"/}/"
