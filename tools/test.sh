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
# Two runs, each test in exactly one: the Azurite integration tests are the ones marked [Trait("Uses", "Azurite")],
# so their own results file counts them.
echo "== dotnet test (everything but the Azurite integration tests)"
status=0
dotnet test SessionFunctions.sln --configuration Release --filter "Uses!=Azurite" --logger "trx;LogFileName=unit.trx" --results-directory "$results" || status=$?
echo "== dotnet test (the Azurite integration tests: Uses=Azurite)"
dotnet test SessionFunctions.sln --configuration Release --no-build --filter "Uses=Azurite" --logger "trx;LogFileName=azurite.trx" --results-directory "$results" || status=$?

count() { # count FILE NAME: a counter of a results file, 0 when the file is missing
  [ -f "$1" ] || { echo 0; return; }
  grep -o '<Counters [^>]*>' "$1" | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p"
}
passed=0; failed=0; total=0
for trx in "$results/unit.trx" "$results/azurite.trx"; do
  [ -f "$trx" ] || echo "no test results were written ($trx)"
  passed=$(( passed + $(count "$trx" passed) )); failed=$(( failed + $(count "$trx" failed) )); total=$(( total + $(count "$trx" total) ))
done
skipped=$(( total - passed - failed ))
integration=$(count "$results/azurite.trx" passed)
echo "integration tests against Azurite passed: $integration"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$integration" -eq 0 ]; then
  echo "the Azurite integration tests did not run"; exit 1
fi
if [ ! -f "$results/unit.trx" ]; then
  exit 1
fi
exit "$status"
