#!/usr/bin/env bash
# Installs what is missing, builds, and serves the playground on http://127.0.0.1:${PORT:-5080}.
# Embedded defaults: SQLite in .data/ (shared experiments and recorded runs), a bubblewrap sandbox per run. Ctrl-C stops.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
out="$PWD/.build/server"
dotnet publish server/IpcPlayground.Server/IpcPlayground.Server.csproj -c Release -o "$out" -nologo -v quiet
echo "IPC Playground: http://127.0.0.1:${PORT:-5080}/"
exec dotnet "$out/IpcPlayground.Server.dll" --urls "http://127.0.0.1:${PORT:-5080}" --contentRoot "$out" \
    --Storage:DataDirectory "${IPCPLAY_DATA:-$PWD/.data}"
