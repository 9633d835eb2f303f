#!/usr/bin/env bash
# Rocket.Chat's published client and schemas against a real VideoConf server process. Installs the suite's npm
# packages from package-lock.json, then runs the tests against the server already built at
# src/VideoConf.Server/bin/Debug/net10.0 (dotnet build VideoConf.slnx builds it; VIDEOCONF_SERVER_DLL overrides).
# Prints node's test-runner report and summary, then one line "compat: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20 or later with npm is required for the compatibility suite (node or npm not found)." >&2
  exit 1
fi

npm ci --no-audit --no-fund --loglevel=error >/dev/null || { echo "npm ci failed" >&2; exit 1; }

tap=$(mktemp)
trap 'rm -f "$tap"' EXIT

status=0
node --import ./support/register-hooks.js --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  test/ || status=$?

passed=$(awk '/^# pass /{print $3}' "$tap")
failed=$(awk '/^# fail /{print $3}' "$tap")
echo "compat: ${passed:-0} passed, ${failed:-0} failed"
if [ -z "$passed" ] || [ "${passed:-0}" -eq 0 ]; then
  status=1
fi
exit "$status"
