#!/usr/bin/env bash
# The test command: everything CI runs, stage by stage, with each stage's time.
#   Scripts/test.sh            all stages
# Long profiles (fuzzing for minutes, chaos soak runs) are separate commands, listed in the README.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() {
    local name=$1; shift
    local start=$SECONDS
    echo "==> $name"
    "$@"
    echo "<== $name: $((SECONDS - start)) s"
}

total=$SECONDS
stage "bootstrap (system packages)" Scripts/bootstrap.sh
stage "generated GED-188 code is current" python3 Scripts/ged188-codegen/generate.py --check
stage "build" swift build --build-tests
# The node manager's process tests measure restart timings on real children; CPU-bound unit suites running beside
# them on two cores starve its supervision loop for seconds, so they run alone, after everything else.
stage "unit and integration tests" swift test --skip-build --skip NodeManagerProcessTests
stage "node manager over real processes (alone: restart timings)" swift test --skip-build --filter NodeManagerProcessTests
stage "node manager under a real systemd (units, install, restarts)" Scripts/systemd-test.sh .build/debug/ctios
stage "fuzz smoke (GED-188 decoders)" Scripts/fuzz-ged188.sh --smoke
echo "all stages passed in $((SECONDS - total)) s"
