#!/usr/bin/env bash
# The real-process chaos tests (ChaosTests/, Docs/Chaos.md), long profile: more sessions, several rounds.
#   Scripts/chaos.sh                      (CHAOS_SESSIONS=300, ROUNDS=3)
#   CHAOS_SESSIONS=1000 ROUNDS=1 Scripts/chaos.sh
# The short profile (100 sessions, one round) is a stage of Scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${CHAOS_SESSIONS:-300}
rounds=${ROUNDS:-3}
Scripts/bootstrap.sh
swift build --build-tests
ulimit -n 20000 || true
for round in $(seq 1 "$rounds"); do
    echo "==> chaos round $round of $rounds: $sessions sessions"
    CHAOS_SESSIONS=$sessions swift test --skip-build --filter ChaosTests 2>&1 | grep -E "chaos:|✘|passed after|failed after" 
done
