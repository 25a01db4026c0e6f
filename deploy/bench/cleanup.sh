#!/usr/bin/env bash
# Drop the bench database and flush the bench Redis database (3). The demo database and
# the test database are left alone.
#
#   deploy/bench/cleanup.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if ! psql_bench postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
    say "local PostgreSQL is not running: nothing to drop"
    exit 0
fi
bench_db_drop
