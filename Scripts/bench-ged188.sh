#!/usr/bin/env bash
# GED-188 codec figures: decode/encode throughput and allocations per message (ordo-one/benchmark), and
# instructions per decode (valgrind callgrind, repeatable whatever else the machine is doing).
#   Scripts/bench-ged188.sh
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
../Scripts/bootstrap.sh
swift package benchmark --target GED188Benchmarks --format markdown 2>&1 | sed -n '/^## /,$p'

if command -v valgrind >/dev/null 2>&1; then
    swift build -c release --product GED188Profile >/dev/null
    profile=$(mktemp)
    # valgrind 3.19 cannot read the DWARF 5 that Swift emits: profile a copy without debug info.
    strip --strip-debug -o "$profile" .build/release/GED188Profile
    for message in agent-state call-delivered; do
        refs=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$profile" "$message" 100000 2>&1 \
            | sed -n 's/.*I *refs: *//p' | tr -d ,)
        echo "instructions per $message decode (callgrind, 100,000 decodes): $((refs / 100000))"
    done
    rm -f "$profile"
fi
