#!/usr/bin/env bash
# Fuzzes the CTI OS wire decoders with libFuzzer (Fuzz/Sources/FuzzCTIOSWire): frames, bodies, Arguments.
#   Scripts/fuzz-wire.sh                 run for 10 minutes (FUZZ_SECONDS to change)
#   Scripts/fuzz-wire.sh --smoke         run for 20 seconds (for the test command)
#   Scripts/fuzz-wire.sh --make-corpus   rewrite the committed seed corpus (Fuzz/Corpus/CTIOSWire)
# New interesting inputs go to Fuzz/out-wire/ (not committed); crashes to Fuzz/crashes-wire/: make each one a
# regression test in Tests/CTIOSWireTests/MalformedInputTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Fuzz/Corpus/CTIOSWire
seconds=${FUZZ_SECONDS:-600}
scratch=Fuzz/.build-wire

case "${1:-}" in
    --make-corpus) make_corpus=1 ;;
    --smoke) seconds=20 ;;
    "") ;;
    *) echo "usage: $0 [--smoke | --make-corpus]" >&2; exit 2 ;;
esac

# Quiet when it builds; the compiler's messages when it does not.
if ! log=$(swift build -c release --package-path Fuzz --scratch-path "$scratch" --product FuzzCTIOSWire \
    -Xswiftc -sanitize=fuzzer,address 2>&1); then
    echo "$log" >&2
    exit 1
fi
fuzzer=$(swift build -c release --package-path Fuzz --scratch-path "$scratch" --show-bin-path)/FuzzCTIOSWire

if [[ -n "${make_corpus:-}" ]]; then
    rm -rf "$corpus"; mkdir -p "$corpus"
    "$fuzzer" --write-corpus "$corpus"
    exit 0
fi

mkdir -p Fuzz/out-wire Fuzz/crashes-wire
"$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=Fuzz/crashes-wire/ \
    -max_len=4096 Fuzz/out-wire "$corpus" 2>&1 | grep -E "^#[0-9]+.*(DONE|INITED)|stat::|ERROR|SUMMARY" || true
if compgen -G "Fuzz/crashes-wire/*" >/dev/null; then
    echo "fuzzing found crashes: $(ls Fuzz/crashes-wire)" >&2
    exit 1
fi
