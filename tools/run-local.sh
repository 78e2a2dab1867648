#!/usr/bin/env bash
# The local run (README): Azurite for storage, then the Functions host (Core Tools) on http://localhost:7071.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=""
command -v dotnet >/dev/null || missing="$missing dotnet (the .NET 10 SDK)"
command -v node >/dev/null && command -v npm >/dev/null || missing="$missing node+npm (for Azurite)"
command -v func >/dev/null || missing="$missing func (Azure Functions Core Tools v4: https://learn.microsoft.com/azure/azure-functions/functions-run-local)"
if [ -n "$missing" ]; then
  echo "Cannot run locally; missing:$missing" >&2
  exit 1
fi

if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  echo "Created local.settings.json from local.settings.sample.json (edit it to add your keys and connectors)."
fi

if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  [ -f tools/azurite/node_modules/.bin/azurite ] || npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error
  mkdir -p .azurite
  echo "Starting Azurite (blob 10000, queue 10001, table 10002; data in .azurite/, log in .azurite/azurite.log)."
  tools/azurite/node_modules/.bin/azurite --silent --disableTelemetry --location .azurite --debug .azurite/azurite.log &
  azurite_pid=$!
  trap 'kill $azurite_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.2; done
else
  echo "Azurite (or another emulator) is already listening on 10002; using it."
fi

dotnet build SessionFunctions/SessionFunctions.csproj --configuration Debug
# The build output holds host.json, local.settings.json and the worker; Core Tools serves it from there.
cd SessionFunctions/bin/Debug/net10.0
func host start --port 7071
