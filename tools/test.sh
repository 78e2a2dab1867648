#!/usr/bin/env bash
# The test command (README): installs the pinned Azurite the integration tests start, runs every test, and fails
# when a test failed or when the Azurite integration tests did not run at all.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f tools/azurite/node_modules/azurite/dist/src/table/main.js ] || [ tools/azurite/package-lock.json -nt tools/azurite/node_modules/.package-lock.json ]; then
  echo "== installing Azurite (npm ci --prefix tools/azurite)"
  npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error
fi

if [ -z "${BICEP_CLI:-}" ]; then
  echo "== Bicep CLI for the template tests (dotnet restore tools/bicep)"
  dotnet restore tools/bicep/BicepCli.csproj --verbosity quiet
  BICEP_CLI="$(dotnet msbuild tools/bicep/BicepCli.csproj -t:PrintBicepPath -nologo -v:m | tail -n 1 | xargs)"
  export BICEP_CLI
fi

results="$(pwd)/TestResults"
rm -rf "$results"
echo "== dotnet test"
status=0
dotnet test SessionFunctions.sln --configuration Release --logger "trx;LogFileName=tests.trx" --results-directory "$results" || status=$?

trx="$results/tests.trx"
if [ ! -f "$trx" ]; then
  echo "no test results were written ($trx)"; exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
passed=$(count passed); failed=$(count failed); total=$(count total)
skipped=$(( total - passed - failed ))
# The tests against Azurite sit in an Azurite/ folder under their feature (namespace ...Tests.<Feature>.Azurite).
integration=$(grep -o '<UnitTestResult [^>]*testName="SessionFunctions\.Tests\.[A-Za-z]*\.Azurite\.[^"]*"[^>]*outcome="Passed"' "$trx" | wc -l)
echo "integration tests against Azurite passed: $integration"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$integration" -eq 0 ]; then
  echo "the Azurite integration tests did not run"; exit 1
fi
exit "$status"
