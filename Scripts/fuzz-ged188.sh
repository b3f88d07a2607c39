#!/usr/bin/env bash
# Fuzzes every GED-188 decoder with libFuzzer (Fuzz/Sources/FuzzGED188).
#   Scripts/fuzz-ged188.sh                 run for 10 minutes (FUZZ_SECONDS to change)
#   Scripts/fuzz-ged188.sh --smoke         run for 20 seconds (the test command's stage)
#   Scripts/fuzz-ged188.sh --make-corpus   rewrite the committed seed corpus from Fuzz/seeds.jsonl
# New interesting inputs go to Fuzz/out/ (not committed); crashes to Fuzz/crashes/: make each one a regression
# test in Tests/GED188Tests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Fuzz/Corpus/GED188
seconds=${FUZZ_SECONDS:-600}

make_corpus() {
    swift build --product ctios >/dev/null
    local ctios; ctios=$(swift build --show-bin-path)/ctios
    python3 Fuzz/make-seeds.py
    rm -rf "$corpus"; mkdir -p "$corpus"
    local n=0
    while IFS= read -r line; do
        # A corpus entry is the message type's low 2 bytes, then the body (the fuzzer's input layout).
        echo "$line" | "$ctios" ged188 encode --binary | tail -c +7 > "$corpus/seed-$(printf %03d $n)"
        n=$((n + 1))
    done < Fuzz/seeds.jsonl
    echo "wrote $n corpus entries to $corpus"
}

configuration=release
case "${1:-}" in
    --make-corpus) make_corpus; exit 0 ;;
    --smoke) seconds=20; configuration=debug ;;  # a debug build compiles in a fraction of the time
    "") ;;
    *) echo "usage: $0 [--smoke | --make-corpus]" >&2; exit 2 ;;
esac

# Quiet when it builds; the compiler's and linker's last words when it does not.
if ! build_log=$(swift build -c "$configuration" --package-path Fuzz --scratch-path Fuzz/.build --product FuzzGED188 \
    -Xswiftc -sanitize=fuzzer,address 2>&1); then
    echo "$build_log" | grep -v -E "^(Fetch|Comput|Creating|Working copy)" | tail -30 >&2
    exit 1
fi
fuzzer=$(swift build -c "$configuration" --package-path Fuzz --scratch-path Fuzz/.build --show-bin-path)/FuzzGED188
mkdir -p Fuzz/out Fuzz/crashes
# Swift's backtracer would catch a trap and hide its message: let the trap reach libFuzzer.
SWIFT_BACKTRACE=enable=no "$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ \
    -max_len=12500 Fuzz/out "$corpus" 2>&1 \
    | grep -E "^#[0-9]+.*(DONE|INITED)|stat::|ERROR|SUMMARY|Fatal error|failure|precondition" || true
if compgen -G "Fuzz/crashes/*" >/dev/null; then
    echo "fuzzing found crashes: $(ls Fuzz/crashes)" >&2
    echo "replay one with: SWIFT_BACKTRACE=enable=no $fuzzer Fuzz/crashes/<file>" >&2
    exit 1
fi
