#!/usr/bin/env bash
# Fuzzes what csar-check parses — scenario files (UTF-8 check, YAML, keys, load sections), templates,
# JSONPath, criteria, JSON bodies, .env files, durations, regular expressions — with libFuzzer for a bounded
# time, seeded with the shipped scenarios (Fuzz/Target). FUZZ_SECONDS (default 90) bounds the run.
# A crash, hang (> 10 s per input) or memory blow-up (> 2 GB) fails the script and leaves its input in
# Fuzz/crashes/: fix the cause, then move the input to Fuzz/regressions/, which the tests replay.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-90}
# The plain build writes the seeds; the libFuzzer build (its own build folder) fuzzes.
swift build --product csar-check-fuzz > /dev/null
plain="$(swift build --show-bin-path)/csar-check-fuzz"
mkdir -p .build-fuzz && rm -f .build-fuzz/release/csar-check-fuzz
swift build -c release --product csar-check-fuzz --sanitize=fuzzer -Xswiftc -DFUZZING --build-path .build-fuzz \
  > .build-fuzz/build.log 2>&1 || { grep -E "error" .build-fuzz/build.log | head -20; echo "fuzz: the libFuzzer build failed"; exit 1; }
binary=.build-fuzz/release/csar-check-fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/seeds" Fuzz/crashes
"$plain" --seeds Scenarios "$work/seeds"
status=0
# Swift's own crash reporter would take a runtime trap (SIGILL) before libFuzzer does, and libFuzzer would
# then write no input: with it off, libFuzzer's handler saves the input and prints the trap's message.
SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 -max_len=16384 \
  -dict=Fuzz/scenario.dict -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 \
  "$work/corpus" "$work/seeds" Fuzz/regressions > "$work/log" 2>&1 || status=$?
grep -E "^(INFO: Seed|#[0-9]+ *DONE|Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)" "$work/log" || true
if [ "$status" -ne 0 ]; then
  grep -E -A25 "^==[0-9]+==|ERROR: libFuzzer|Fatal error|deadly signal|Test unit written" "$work/log" | head -60 || true
  tail -5 "$work/log"
  cp "$work/log" Fuzz/crashes/last-run.log
  echo "fuzz: FAILED after at most ${seconds} s; the input and the whole log are in Fuzz/crashes/ (fix it, then keep it in Fuzz/regressions/)"
  exit 1
fi
echo "fuzz: no crash, hang or memory blow-up in ${seconds} s ($(grep -oE 'stat::number_of_executed_units: [0-9]+' "$work/log" | grep -oE '[0-9]+') inputs)"
