#!/usr/bin/env bash
# Prints a development refresh token signed with the first key of the settings file, for calling the function:
#   token=$(bash tools/mint-token.sh --connector logto)
# Arguments are checked before anything is built; progress goes to stderr, so only the token reaches stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: bash tools/mint-token.sh [--sub SUBJECT] [--root UUID | --no-root] [--connector ID] [--settings FILE]"
settings=local.settings.json
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help)
      echo "$usage"
      echo "Prints a refresh token shaped like Cloudreve v4's, signed with the first signing key of FILE"
      echo "(default local.settings.json, relative to the repository root). --connector names an SSO connector."
      exit 0 ;;
    --sub|--root|--connector|--settings)
      if [ $# -lt 2 ] || [[ "$2" == --* ]]; then echo "$1 needs a value." >&2; echo "$usage" >&2; exit 2; fi
      [ "$1" = --settings ] && settings=$2
      shift 2 ;;
    --no-root) shift ;;
    *) echo "unknown argument '$1'." >&2; echo "$usage" >&2; exit 2 ;;
  esac
done

if [ ! -f "$settings" ]; then
  echo "$settings not found. Create it with: cp local.settings.sample.json local.settings.json (bash tools/run-local.sh does it too)." >&2
  exit 1
fi

echo "building tools/SignOutTool (about a minute the first time)..." >&2
log=$(mktemp)
if ! dotnet build tools/SignOutTool/SignOutTool.csproj --configuration Debug --nologo --verbosity quiet >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; exit 1
fi
rm -f "$log"
exec dotnet tools/SignOutTool/bin/Debug/net10.0/SignOutTool.dll mint "${args[@]}"
