#!/usr/bin/env bash
# The local run (README): a settings file, Azurite, a build, then the Functions host (Core Tools `func`) on
# http://localhost:7071. Without `func` it still does every step it can, signs out once in-process against the
# Azurite it started (the function as the worker calls it), and says how to install Core Tools.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "missing: $tool. Install the .NET 10 SDK (https://dot.net) and Node.js 20+ with npm (https://nodejs.org)." >&2
    exit 1
  fi
done

echo "== 1/3 settings"
if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  echo "created local.settings.json from local.settings.sample.json (edit it for your keys and connectors)"
else
  echo "using local.settings.json"
fi

echo "== 2/3 Azurite (table 10002, blob 10000, queue 10001)"
started_azurite=""
if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "something already listens on 127.0.0.1:10002; using it as storage"
else
  [ -f tools/azurite/node_modules/.bin/azurite ] || npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error
  mkdir -p .azurite
  tools/azurite/node_modules/.bin/azurite --silent --disableTelemetry --location .azurite --debug .azurite/azurite.log >/dev/null 2>&1 &
  started_azurite=$!
  echo "$started_azurite" > .azurite/azurite.pid
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.2; done
  (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null || { echo "Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
  echo "started Azurite (pid $started_azurite; data in .azurite/, log in .azurite/azurite.log)"
fi

echo "== 3/3 build (the function app and tools/SignOutTool)"
dotnet build tools/SignOutTool/SignOutTool.csproj --configuration Debug --nologo --verbosity quiet

if command -v func >/dev/null; then
  [ -n "$started_azurite" ] && trap 'kill $started_azurite 2>/dev/null || true; rm -f .azurite/azurite.pid' EXIT
  echo "== func host start on http://localhost:7071 (Ctrl+C stops it and Azurite)"
  # The build output holds host.json, local.settings.json and the worker; Core Tools serves it from there.
  cd SessionFunctions/bin/Debug/net10.0
  func host start --port 7071
  exit $?
fi

cat <<'MSG'

== Azure Functions Core Tools (`func`) is not installed, so the Functions host cannot start here.
   Everything else is ready. What already runs without it, against this Azurite: the app composed as Program.cs
   composes it and the function called as the worker calls it, in-process:
MSG
dotnet tools/SignOutTool/bin/Debug/net10.0/SignOutTool.dll signout --storage "UseDevelopmentStorage=true" --connector logto --settings local.settings.json
cat <<MSG

   More without func:  dotnet tools/SignOutTool/bin/Debug/net10.0/SignOutTool.dll load --in-process \\
                         --storage "UseDevelopmentStorage=true" --settings local.settings.json
                       bash tools/mint-token.sh --connector logto       (a dev token)
                       bash tools/test.sh                               (every test)

   What func adds: the real Functions host serving http://localhost:7071/session/token (routing, CORS from
   local.settings.json, host.json, the clean-up timer), talking to the worker as Azure does. Install Core Tools v4:
     macOS:          brew tap azure/functions && brew install azure-functions-core-tools@4
     Windows:        winget install Microsoft.Azure.FunctionsCoreTools
     Ubuntu/Debian:  add Microsoft's package repository, then sudo apt-get install azure-functions-core-tools-4
                     (https://learn.microsoft.com/azure/azure-functions/functions-run-local)
     any OS (npm):   npm install -g azure-functions-core-tools@4
   then run bash tools/run-local.sh again.
MSG
if [ -n "$started_azurite" ]; then
  echo "   Azurite keeps running for these commands (pid $started_azurite): stop it with kill \$(cat .azurite/azurite.pid)"
fi
