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
# The pure suites (codecs, the object store, configuration: no sockets, no clocks) run in parallel. Everything that
# waits on real time (sockets, processes, heartbeats) runs one test at a time: on two cores, CPU-bound suites beside
# it occupy both of Swift's cooperative threads for seconds, and a test's own deadline passes while it cannot run.
# Three kinds run alone, after the rest: the deterministic simulation's seeds (CPU-bound, on every core), the node
# manager's process tests (they measure restart timings) and the chaos tests (real processes, 100 and 250 ms
# heartbeats).
pure='^(GED188Tests|CTIOSWireTests|CTIOSCoreTests|CTIOSConfigurationTests)\.'
stage "pure tests (in parallel)" swift test --skip-build --filter "$pure"
stage "integration tests: real sockets, processes and time (one at a time)" swift test --skip-build --no-parallel \
    --skip "$pure" --skip NodeManagerProcessTests --skip SimulationSeedsTests --skip ChaosTests
stage "deterministic simulation (alone: a budget of seeds)" swift test --skip-build --filter SimulationSeedsTests
stage "node manager over real processes (alone: restart timings)" swift test --skip-build --filter NodeManagerProcessTests
stage "chaos: the system as real processes, failures done to it (alone)" swift test --skip-build --filter ChaosTests
stage "node manager under a real systemd (units, install, restarts)" Scripts/systemd-test.sh .build/debug/ctios
stage "fuzz smoke (GED-188 decoders)" Scripts/fuzz-ged188.sh --smoke
echo "all stages passed in $((SECONDS - total)) s"
