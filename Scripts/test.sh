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
# Three kinds of tests run alone, after the rest: the deterministic simulation's seeds (CPU-bound, on every core,
# within a time budget), the node manager's process tests (they measure restart timings) and the chaos tests (real
# processes with heartbeats of 100 and 250 ms). On two cores, CPU-bound suites beside them starve their loops.
stage "unit and integration tests" swift test --skip-build --skip NodeManagerProcessTests --skip SimulationSeedsTests --skip ChaosTests
stage "deterministic simulation (alone: a budget of seeds)" swift test --skip-build --filter SimulationSeedsTests
stage "node manager over real processes (alone: restart timings)" swift test --skip-build --filter NodeManagerProcessTests
stage "chaos: the system as real processes, failures done to it (alone)" swift test --skip-build --filter ChaosTests
stage "node manager under a real systemd (units, install, restarts)" Scripts/systemd-test.sh .build/debug/ctios
stage "fuzz smoke (GED-188 decoders)" Scripts/fuzz-ged188.sh --smoke
echo "all stages passed in $((SECONDS - total)) s"
