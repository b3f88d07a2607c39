#!/usr/bin/env bash
# The CIL's figures (Docs/Performance.md, "CIL"): events per second one Session absorbs from a loopback socket and
# dispatches (to a listener, and to the events() AsyncSequence), what decoding and the pure SessionEngine cost
# alone, and memory per cached agent and call. Release build of Benchmarks/CILBench.
#   Scripts/bench-cil.sh                 everything, 2,000,000 batches per run, median of 3 runs
#   Scripts/bench-cil.sh tcp --batches 5000000 --workload agent-state --repeat 5
#   Scripts/bench-cil.sh --perf          also record a profile of the listener run (perf, if installed)
#   Scripts/bench-cil.sh --realtime      run under SCHED_FIFO (chrt -f 10, root): the benchmark's threads get a core
#                                        whenever they can run, as on an idle machine, while others' builds still run
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh >/dev/null
scratch=${CILBENCH_SCRATCH:-.build-cilbench}
perf=no
runner=()
arguments=()
for argument in "$@"; do
    case "$argument" in
        --perf) perf=yes ;;
        --realtime) runner=(chrt -f 10) ;;
        *) arguments+=("$argument") ;;
    esac
done
echo "building CILBench (release)..." >&2
swift build --package-path Benchmarks --scratch-path "$scratch" -c release --product CILBench >/dev/null
bench="$scratch/release/CILBench"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "scheduling: ${runner[*]:-normal}"
echo "ctios: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources/CIL Sources/CTIOSWire || echo ' + uncommitted changes in Sources/CIL or Sources/CTIOSWire')"
"${runner[@]}" "$bench" "${arguments[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$perf" == yes ]]; then
    if ! command -v perf >/dev/null 2>&1; then
        echo "perf is not installed (apt-get install -y linux-perf)" >&2
        exit 1
    fi
    data=$(mktemp --suffix=.perf.data)
    perf record -e cpu-clock -F 2000 -g -o "$data" "$bench" tcp --workload agent-state --repeat 1 >/dev/null 2>&1
    echo "profile of a listener run (agent-state), the hottest symbols, self time:"
    perf report -i "$data" --no-children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep '%' \
        | swift demangle --simplified | sed -E 's/ +/ /g' | cut -c1-160 | head -30 || true
    echo "with callees (inclusive):"
    perf report -i "$data" --children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep '%' \
        | swift demangle --simplified | sed -E 's/ +/ /g' | cut -c1-160 \
        | grep -E 'ObjectCache.apply|nextMessage|Arguments.index|Arguments.normalize|destroy for WireMessage|Session.raise|ListenerRegistry.dispatch|readFromSocket' || true

    echo "profile: $data"
fi
