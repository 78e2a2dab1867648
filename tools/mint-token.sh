#!/usr/bin/env bash
# Prints a development refresh token signed with the first key of local.settings.json (arguments go to
# `SignOutTool mint`: --sub, --root UUID | --no-root, --connector ID, --settings FILE). The build runs quietly so that
# only the token reaches stdout: token=$(bash tools/mint-token.sh --connector logto)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tools/SignOutTool/SignOutTool.csproj --configuration Debug --nologo --verbosity quiet >/dev/null
exec dotnet tools/SignOutTool/bin/Debug/net10.0/SignOutTool.dll mint "$@"
