#!/usr/bin/env bash
# CTI OS wire codec figures: encode/decode throughput and allocations per batch (ordo-one/benchmark), and
# instructions per encode and decode (valgrind callgrind, repeatable whatever else the machine is doing).
#   Scripts/bench-wire.sh              both
#   Scripts/bench-wire.sh --quick      only the callgrind counts and a timed loop (no benchmark plugin build)
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
../Scripts/bootstrap.sh
if [[ "${1:-}" != "--quick" ]]; then
    swift package benchmark --target WireBenchmarks --format markdown 2>&1 | sed -n '/^## /,$p'
fi

swift build -c release --product WireProfile >/dev/null
for batch in agent-state call-delivered; do
    for operation in encode decode; do
        .build/release/WireProfile "$batch" "$operation" 1000000
    done
done
if command -v valgrind >/dev/null 2>&1; then
    profile=$(mktemp)
    # valgrind 3.19 cannot read the DWARF 5 that Swift emits: profile a copy without debug info.
    strip --strip-debug -o "$profile" .build/release/WireProfile
    for batch in agent-state call-delivered; do
        for operation in encode decode; do
            refs=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$profile" "$batch" "$operation" 100000 2>&1 \
                | sed -n 's/.*I *refs: *//p' | tr -d ,)
            allocations=$(valgrind "$profile" "$batch" "$operation" 10000 2>&1 | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,)
            baseline=$(valgrind "$profile" "$batch" "$operation" 0 2>&1 | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,)
            echo "$batch $operation: $((refs / 100000)) instructions (callgrind, 100,000 runs), $(((allocations - baseline) / 10000)) allocations per message"
        done
    done
    rm -f "$profile"
fi
