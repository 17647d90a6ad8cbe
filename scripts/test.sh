#!/usr/bin/env bash
# Installs what is missing (bubblewrap, Chromium), builds, and runs every test: unit, integration with real
# sandboxes, and end-to-end in Debian's Chromium. Ends with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh --tests || exit 1

dotnet build IpcPlayground.sln -c Release -nologo -v quiet || { echo "tests: 0 passed, 1 failed (the build failed)"; exit 1; }

results=.build/test-results
rm -rf "$results"
status=0
for project in tests/IpcPlayground.UnitTests tests/IpcPlayground.ClientTests tests/IpcPlayground.IntegrationTests tests/IpcPlayground.EndToEndTests; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo --blame-hang-timeout 5min \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0 failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
exit $status
