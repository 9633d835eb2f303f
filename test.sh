#!/usr/bin/env bash
# Runs every test suite: the .NET suite on SQLite (with the store contract suites, which run each case on SQLite and
# PostgreSQL, in memory and on Redis), then again on PostgreSQL with the tests that need two server processes,
# PostgreSQL and Redis. Both need the postgresql and redis-server packages: without them the contract suites' cases
# on those servers are reported as skipped and the PostgreSQL pass as not run, and VIDEOCONF_REQUIRE_SERVICES=1
# turns both into failures.
set -uo pipefail
cd "$(dirname "$0")"

status=0
dotnet build VideoConf.slnx -c Debug || exit 1

echo "== .NET tests on SQLite, store contracts on every backend"
dotnet test VideoConf.slnx --no-build --filter "Category!=Distributed" || status=1

echo "== Compatibility suite (Rocket.Chat's client, schemas and validators)"
tests/compat/run.sh || status=1

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && command -v redis-server >/dev/null 2>&1; then
  echo "== .NET tests on PostgreSQL (with Redis and two-instance tests)"
  # The contract suites choose their backends themselves and ran in the first pass.
  VIDEOCONF_TEST_BACKEND=postgres dotnet test VideoConf.slnx --no-build --filter "Category!=Contract" || status=1
else
  echo "PostgreSQL pass not run: PostgreSQL binaries (/usr/lib/postgresql/*/bin) or redis-server not found."
  if [ "${VIDEOCONF_REQUIRE_SERVICES:-0}" = "1" ]; then
    echo "VIDEOCONF_REQUIRE_SERVICES=1: a suite that cannot run is a failure."
    status=1
  fi
fi

exit $status
