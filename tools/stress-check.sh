#!/usr/bin/env bash
# Runs the load-sensitive Azurite test classes (concurrency, overload, storage restart) N times in a row (default 20)
# with `stress-ng --cpu 2` keeping both cores busy beside them: a test that passes only on a quiet machine fails here.
# Needs stress-ng (Debian: apt-get install stress-ng) and Azurite (npm ci --prefix tools/azurite).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
command -v stress-ng >/dev/null || { echo "stress-ng is not installed (apt-get install stress-ng)" >&2; exit 1; }
[ -f tools/azurite/node_modules/azurite/dist/src/table/main.js ] || npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error
dotnet build SessionFunctions.Tests -c Release --nologo -v q >/dev/null

stress-ng --cpu 2 --timeout 3600s >/dev/null 2>&1 &
stress=$!
trap 'kill $stress 2>/dev/null || true' EXIT
logs=$(mktemp -d)
passed=0; failed=0
for i in $(seq 1 "$runs"); do
  if dotnet test SessionFunctions.Tests -c Release --no-build \
      --filter "FullyQualifiedName~ConcurrencyTests|FullyQualifiedName~OverloadTests|FullyQualifiedName~StorageRestartTests" \
      --logger "console;verbosity=detailed" >"$logs/run-$i.log" 2>&1; then
    passed=$((passed + 1)); verdict=passed
  else
    failed=$((failed + 1)); verdict="FAILED (log: $logs/run-$i.log)"
  fi
  echo "run $i: $verdict, load average $(cut -d' ' -f1 /proc/loadavg)"
  grep -E "offered|down at" "$logs/run-$i.log" | sed 's/; first failures.*//' | cut -c1-160 | sed 's/^/  /'
done
echo "$runs runs beside stress-ng --cpu 2: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
