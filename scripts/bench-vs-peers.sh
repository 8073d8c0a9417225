#!/usr/bin/env bash
# Benchmarks `csar-check load` against ab and wrk on this machine, as issue 5 asks: the loopback nginx
# target of ../shared/bench (nginx pinned to CPU 1), every client pinned to CPU 0, the tools run in turn
# for several rounds at the same concurrency, release build. Prints the median req/s, client CPU per
# request ((user + system time) / requests) and peak RSS of each, csar-check's ratios to its peers, the
# memory of a 1,000,000-request run, and the latency checks against ../shared/bench/delay_server.py.
# For reference it also runs scripts/bench-curl-loop.c, the plain C loop over libcurl the issue measures
# against: what libcurl itself costs per request, the floor for an engine built on it.
#
#   scripts/bench-vs-peers.sh                           # about four minutes
#   ROUNDS=3 SCRATCH_PATH=.build-load scripts/bench-vs-peers.sh
#   BIN=/path/to/csar-check scripts/bench-vs-peers.sh    # an existing release binary
#
# Needs ab (apache2-utils), wrk, nginx-light, python3, GNU time, taskset and cc; the tests do not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
CONCURRENCY=${CONCURRENCY:-50}
KEEPALIVE_REQUESTS=${KEEPALIVE_REQUESTS:-200000}
CLOSE_REQUESTS=${CLOSE_REQUESTS:-50000}
WRK_SECONDS=${WRK_SECONDS:-3}
PORT=${PORT:-18080}
DELAY_PORT=${DELAY_PORT:-18090}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
BENCH=../shared/bench
OUT=$(mktemp -d /tmp/csar-bench.XXXXXX)

for tool in ab wrk nginx python3 taskset /usr/bin/time cc; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install apache2-utils wrk nginx-light time)" >&2; exit 2; }
done
if [ -z "${BIN:-}" ]; then
  echo "Building csar-check (release)…"
  swift build -c release --scratch-path "$SCRATCH_PATH" --product csar-check >/dev/null
  BIN="$SCRATCH_PATH/release/csar-check"
fi
cc -O2 -o "$OUT/curl-loop" scripts/bench-curl-loop.c -lcurl
"$BENCH/nginx-target.sh" start "$PORT" >/dev/null
taskset -c 1 python3 "$BENCH/delay_server.py" "$DELAY_PORT" &
DELAY_PID=$!
trap 'kill $DELAY_PID 2>/dev/null || true; "$BENCH/nginx-target.sh" stop "$PORT" >/dev/null 2>&1 || true' EXIT
URL="http://127.0.0.1:$PORT/"
DELAY="http://127.0.0.1:$DELAY_PORT"
sleep 0.5

# run NAME COMMAND…: runs the client on CPU 0 and appends "req/s cpu-µs-per-request peak-rss-MB" to $OUT/NAME.
run() {
  local name=$1
  shift
  /usr/bin/time -f "%U %S %M" -o "$OUT/time" taskset -c 0 "$@" >"$OUT/$name.out" 2>&1 || true
  local rps requests
  case $name in
    wrk*) rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$name.out")
          requests=$(awk '/requests in/ {print $1}' "$OUT/$name.out") ;;
    *)    rps=$(awk '/^Requests per second/ {print $4}' "$OUT/$name.out")
          requests=$(awk '/^Complete requests/ {print $3}' "$OUT/$name.out") ;;
  esac
  tail -1 "$OUT/time" | awk -v rps="$rps" -v n="$requests" \
    '{ printf "%s %.2f %.1f\n", rps, ($1 + $2) * 1e6 / n, $3 / 1024 }' >>"$OUT/$name"
}

# median FILE COLUMN
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf "  %-26s %10.0f %12.2f %12.1f\n" "$1" "$(median "$OUT/$2" 1)" "$(median "$OUT/$2" 2)" "$(median "$OUT/$2" 3)"; }

echo "Keep-alive and close rounds ($ROUNDS of each, c=$CONCURRENCY)…"
for round in $(seq "$ROUNDS"); do
  run ab-keepalive ab -q -k -n "$KEEPALIVE_REQUESTS" -c "$CONCURRENCY" "$URL"
  run wrk-keepalive wrk -t1 -c"$CONCURRENCY" -d"${WRK_SECONDS}s" "$URL"
  run csar-keepalive "$BIN" load "$URL" -k -n "$KEEPALIVE_REQUESTS" -c "$CONCURRENCY" --no-reports
  run loop-keepalive "$OUT/curl-loop" "$URL" "$KEEPALIVE_REQUESTS" "$CONCURRENCY" 1
  run ab-close ab -q -n "$CLOSE_REQUESTS" -c "$CONCURRENCY" "$URL"
  run csar-close "$BIN" load "$URL" -n "$CLOSE_REQUESTS" -c "$CONCURRENCY" --no-reports
  run loop-close "$OUT/curl-loop" "$URL" "$CLOSE_REQUESTS" "$CONCURRENCY" 0
  echo "  round $round done"
done

echo "Memory: 100,000 and 1,000,000 requests…"
run csar-100k "$BIN" load "$URL" -k -n 100000 -c "$CONCURRENCY" --no-reports
run csar-1m "$BIN" load "$URL" -k -n 1000000 -c "$CONCURRENCY" --no-reports

echo "Latency truth against delay_server.py…"
taskset -c 0 wrk -t1 -c"$CONCURRENCY" -d5s --latency "$DELAY/delay/50" >"$OUT/wrk-delay.out" 2>&1
taskset -c 0 "$BIN" load "$DELAY/delay/50" -k -c "$CONCURRENCY" -t 5 --no-reports >"$OUT/csar-delay.out" 2>&1 || true
stall() { local from=$(( $(date +%s%3N) + 2000 )); echo "$DELAY/stall?from=$from&until=$((from + 1000))"; }
taskset -c 0 "$BIN" load "$(stall)" -k --rate 200 -c "$CONCURRENCY" -t 6 --no-reports >"$OUT/csar-stall-open.out" 2>&1 || true
taskset -c 0 "$BIN" load "$(stall)" -k -c "$CONCURRENCY" -t 6 --no-reports >"$OUT/csar-stall-closed.out" 2>&1 || true
taskset -c 0 wrk -t1 -c"$CONCURRENCY" -d6s --latency "$(stall)" >"$OUT/wrk-stall.out" 2>&1

# wrk prints "50%  50.52ms"; our total row prints milliseconds: both to milliseconds.
wrk_ms() { awk -v p="$2%" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v);
  print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v) }' "$1"; }
# csar_ms FILE COLUMN: COLUMN 1 is p50, 4 p99, 6 max of the summary's total row.
csar_ms() { awk -v c="$2" '$1 == "total" { print $(NF - 6 + c) }' "$1"; }

echo
printf "  %-26s %10s %12s %12s\n" "keep-alive, c=$CONCURRENCY" "req/s" "CPU µs/req" "peak RSS MB"
row "ab -k" ab-keepalive
row "wrk -t1" wrk-keepalive
row "csar-check load -k" csar-keepalive
row "libcurl C loop (reference)" loop-keepalive
echo "  csar-check/wrk req/s $(ratio "$(median "$OUT/csar-keepalive" 1)" "$(median "$OUT/wrk-keepalive" 1)") (target ≥ 0.95)," \
  "csar-check/ab req/s $(ratio "$(median "$OUT/csar-keepalive" 1)" "$(median "$OUT/ab-keepalive" 1)")," \
  "CPU/request vs ab $(ratio "$(median "$OUT/csar-keepalive" 2)" "$(median "$OUT/ab-keepalive" 2)") (target ≤ 1.6)," \
  "vs wrk $(ratio "$(median "$OUT/csar-keepalive" 2)" "$(median "$OUT/wrk-keepalive" 2)")," \
  "vs the C loop $(ratio "$(median "$OUT/csar-keepalive" 2)" "$(median "$OUT/loop-keepalive" 2)")"
printf "  %-26s\n" "no keep-alive, c=$CONCURRENCY"
row "ab" ab-close
row "csar-check load" csar-close
row "libcurl C loop (reference)" loop-close
echo "  csar-check/ab req/s $(ratio "$(median "$OUT/csar-close" 1)" "$(median "$OUT/ab-close" 1)") (target ≥ 0.9)," \
  "CPU/request vs ab $(ratio "$(median "$OUT/csar-close" 2)" "$(median "$OUT/ab-close" 2)")," \
  "vs the C loop $(ratio "$(median "$OUT/csar-close" 2)" "$(median "$OUT/loop-close" 2)")"
echo "  memory: peak RSS $(median "$OUT/csar-100k" 3) MB after 100,000 requests, $(median "$OUT/csar-1m" 3) MB after 1,000,000 (target < 64 MB, no growth)"
echo
wrk_p50=$(wrk_ms "$OUT/wrk-delay.out" 50)
csar_p50=$(csar_ms "$OUT/csar-delay.out" 1)
echo "  latency, /delay/50 c=$CONCURRENCY 5 s: p50 wrk $wrk_p50 ms, csar-check $csar_p50 ms," \
  "difference $(awk -v a="$wrk_p50" -v b="$csar_p50" 'BEGIN { d = a - b; printf "%.2f", d < 0 ? -d : d }') ms (target ≤ 1 ms)"
echo "  1 s server stall in a 6 s run: open model (--rate 200) p99 $(csar_ms "$OUT/csar-stall-open.out" 4) ms," \
  "max $(csar_ms "$OUT/csar-stall-open.out" 6) ms; p95 $(csar_ms "$OUT/csar-stall-open.out" 3) ms from the" \
  "intended start, $(awk '$1 == "service" { print $(NF - 3) }' "$OUT/csar-stall-open.out") ms from the actual send"
echo "    closed model p99 $(csar_ms "$OUT/csar-stall-closed.out" 4) ms, max $(csar_ms "$OUT/csar-stall-closed.out" 6) ms;" \
  "wrk p99 $(wrk_ms "$OUT/wrk-stall.out" 99) ms"
grep -h "coordinated omission" "$OUT/csar-stall-closed.out" | sed 's/^ *! /    closed-model warning: /' || echo "    (no closed-model warning)"
echo
echo "Raw outputs: $OUT"
