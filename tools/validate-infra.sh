#!/usr/bin/env bash
# Validates the Bicep template as CI does: restores the pinned Bicep CLI for this OS and architecture from NuGet
# (tools/bicep), then `bicep build`, `bicep lint` and `bicep build-params`; any diagnostic fails.
# Usage: bash tools/validate-infra.sh   (prints the CLI's path last, for BICEP_CLI=...)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BICEP_CLI:-}" ]; then
  echo "== Bicep CLI (dotnet restore tools/bicep)"
  dotnet restore tools/bicep/BicepCli.csproj --verbosity quiet
  BICEP_CLI="$(dotnet msbuild tools/bicep/BicepCli.csproj -t:PrintBicepPath -nologo -v:m | tail -n 1 | xargs)"
fi
"$BICEP_CLI" --version

check() {
  local out
  out=$("$BICEP_CLI" "$@" 2>&1 >/dev/null) || { echo "$out"; echo "bicep $1 failed"; exit 1; }
  if [ -n "$out" ]; then echo "$out"; echo "bicep $1 reported diagnostics"; exit 1; fi
  echo "bicep $1 $2: no diagnostics"
}
check build infra/main.bicep --stdout
check lint infra/main.bicep
check build-params infra/main.bicepparam --stdout
echo "BICEP_CLI=$BICEP_CLI"
