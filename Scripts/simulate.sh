#!/usr/bin/env bash
# The deterministic simulation (Docs/Chaos.md, "Deterministic simulation"): both servers' state machines, the
# simulator's model and CIL sessions in one process on an in-memory network, faults drawn from each seed.
#
#   Scripts/simulate.sh                      1,000 seeds from seed 1
#   Scripts/simulate.sh --seeds 1000000      a million (use --release; all cores)
#   Scripts/simulate.sh --seed 4711          replay one seed and print its whole report
#   options: --first F (the first seed of --seeds), --planted-bug (the pair publishes before the backup
#   acknowledges: the simulation must find it), --trace (with --seed: every fault, role change and frame a
#   desk got), --strict (known, unfixed bugs fail the run too), --release, --workers W, --scratch-path P
#   (default .build)
set -euo pipefail

cd "$(dirname "$0")/.."

seeds=""
seed=""
first=1
planted=0
trace=0
strict=0
configuration=debug
workers=""
scratch=".build"

while [[ $# -gt 0 ]]; do
    case "$1" in
        --seeds) seeds="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --first) first="$2"; shift 2 ;;
        --planted-bug) planted=1; shift ;;
        --trace) trace=1; shift ;;
        --strict) strict=1; shift ;;
        --release) configuration=release; shift ;;
        --workers) workers="$2"; shift 2 ;;
        --scratch-path) scratch="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "simulate.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
if [[ -z "$seed" && -z "$seeds" ]]; then seeds=1000; fi

build=(--scratch-path "$scratch" -c "$configuration")
if [[ "$configuration" == release ]]; then
    # Other test targets use @testable imports.
    build+=(-Xswiftc -enable-testing)
fi

swift build --build-tests "${build[@]}"

export CTIOS_SIMULATION_PLANTED_BUG="$planted" CTIOS_SIMULATION_TRACE="$trace" CTIOS_SIMULATION_STRICT="$strict"
if [[ -n "$seed" ]]; then
    export CTIOS_SIMULATION_SEED="$seed"
else
    export CTIOS_SIMULATION_SEEDS="$seeds" CTIOS_SIMULATION_FIRST="$first"
    if [[ -n "$workers" ]]; then export CTIOS_SIMULATION_WORKERS="$workers"; fi
fi
exec swift test --skip-build "${build[@]}" --filter 'SimulationSeedsTests/seedsFromTheEnvironment'
