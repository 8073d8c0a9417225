#!/usr/bin/env bash
# Benchmarks `csar-check load` against ab, wrk and h2load on this machine, as issues 5 and 10 ask: the
# loopback nginx target of ../shared/bench and an HTTPS nginx with a certificate made for the run (HTTP/1.1
# and HTTP/2 by ALPN; TLS 1.2, nginx 1.22's default, as ../shared/bench/https-target.sh), nginx pinned to
# CPU 1, every client pinned to CPU 0, the tools run in turn for several rounds, release build. Prints the
# median req/s, client CPU per request ((user + system time) / requests) and peak RSS of each, csar-check's
# ratios to its peers, the memory of a 1,000,000-request run, and the latency checks: against
# ../shared/bench/delay_server.py, and over HTTPS at c=1 against curl's own `time_total`.
# For reference it also runs scripts/bench-curl-loop.c, the plain C loop over libcurl issue 5 measures
# against: what libcurl itself costs per request, the floor for an engine built on it.
#
#   scripts/bench-vs-peers.sh                           # about ten minutes
#   ROUNDS=3 SCRATCH_PATH=.build-load scripts/bench-vs-peers.sh
#   BIN=/path/to/csar-check scripts/bench-vs-peers.sh    # an existing release binary
#   ONLY=tls scripts/bench-vs-peers.sh                   # only the HTTPS rounds (ONLY=http: only plain HTTP)
#
# Needs ab (apache2-utils), wrk, h2load (nghttp2-client), nginx-light, curl, openssl, python3, GNU time,
# taskset and cc; the tests do not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
CONCURRENCY=${CONCURRENCY:-50}
KEEPALIVE_REQUESTS=${KEEPALIVE_REQUESTS:-200000}
CLOSE_REQUESTS=${CLOSE_REQUESTS:-50000}
WRK_SECONDS=${WRK_SECONDS:-3}
PORT=${PORT:-18080}
DELAY_PORT=${DELAY_PORT:-18090}
TLS_PORT=${TLS_PORT:-18443}
TLS_REQUESTS=${TLS_REQUESTS:-3000}
TLS_C1_REQUESTS=${TLS_C1_REQUESTS:-1000}
TLS_KEEPALIVE_REQUESTS=${TLS_KEEPALIVE_REQUESTS:-100000}
CURL_SAMPLES=${CURL_SAMPLES:-200}
TLS_PROTOCOLS=${TLS_PROTOCOLS:-}        # e.g. "TLSv1.2 TLSv1.3"; empty: nginx's default (TLS 1.2 in nginx 1.22)
ONLY=${ONLY:-all}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
# ../shared/bench from the main checkout, ../../shared/bench from a worktree under wt/ (or BENCH=…).
BENCH=${BENCH:-$([ -d ../shared/bench ] && echo ../shared/bench || echo ../../shared/bench)}
OUT=$(mktemp -d /tmp/csar-bench.XXXXXX)

for tool in ab wrk h2load nginx curl openssl python3 taskset /usr/bin/time cc; do
  command -v "$tool" >/dev/null ||
    { echo "missing $tool (apt-get install apache2-utils wrk nghttp2-client nginx-light time)" >&2; exit 2; }
done
if [ -z "${BIN:-}" ]; then
  echo "Building csar-check (release)…"
  swift build -c release --scratch-path "$SCRATCH_PATH" --product csar-check >/dev/null
  BIN="$SCRATCH_PATH/release/csar-check"
fi
cc -O2 -o "$OUT/curl-loop" scripts/bench-curl-loop.c -lcurl
URL="http://127.0.0.1:$PORT/"
DELAY="http://127.0.0.1:$DELAY_PORT"
TLS_DIR="$OUT/tls"
TLS_URL="https://127.0.0.1:$TLS_PORT/"
CERT="$TLS_DIR/cert.pem"

# The HTTPS target: nginx on CPU 1 with a certificate made for this run, HTTP/1.1 and HTTP/2 by ALPN, the
# page of ../shared/bench/https-target.sh, a session cache for --tls-resume. nginx 1.22 offers TLS 1.2 only
# unless TLS_PROTOCOLS says otherwise.
start_tls_target() {
  chmod 755 "$OUT"   # nginx's workers read the page as an unprivileged user
  mkdir -p "$TLS_DIR/www" "$TLS_DIR/logs"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TLS_DIR/key.pem" -out "$CERT" -days 1 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
  python3 -c "import sys; open(sys.argv[1],'w').write('<!doctype html><html><body>' + '<p>CSAR</p>'*200 + '</body></html>')" \
    "$TLS_DIR/www/index.html"
  cat >"$TLS_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $TLS_DIR/nginx.pid;
error_log $TLS_DIR/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  ssl_session_cache shared:SSL:10m;
  ${TLS_PROTOCOLS:+ssl_protocols $TLS_PROTOCOLS;}
  server {
    listen 127.0.0.1:$TLS_PORT ssl http2 backlog=4096;
    ssl_certificate $CERT; ssl_certificate_key $TLS_DIR/key.pem;
    root $TLS_DIR/www;
    location / { index index.html; default_type text/html; }
  }
}
CONF
  taskset -c 1 nginx -e "$TLS_DIR/logs/error.log" -c "$TLS_DIR/nginx.conf" -p "$TLS_DIR"
  sleep 0.3
  curl -fsS --cacert "$CERT" -o /dev/null "$TLS_URL"
}

cleanup() {
  [ -n "${DELAY_PID:-}" ] && kill "$DELAY_PID" 2>/dev/null
  [ -f "$TLS_DIR/nginx.pid" ] && kill "$(cat "$TLS_DIR/nginx.pid")" 2>/dev/null
  "$BENCH/nginx-target.sh" stop "$PORT" >/dev/null 2>&1 || true
}
trap cleanup EXIT
if [ "$ONLY" != tls ]; then
  "$BENCH/nginx-target.sh" start "$PORT" >/dev/null
  taskset -c 1 python3 "$BENCH/delay_server.py" "$DELAY_PORT" &
  DELAY_PID=$!
fi
[ "$ONLY" != http ] && start_tls_target
sleep 0.5

# run NAME COMMAND…: runs the client on CPU 0 (or on $CPUS) and appends
# "req/s cpu-µs-per-request peak-rss-MB p50-ms handshakes/s" to $OUT/NAME (the last two from csar-check).
run() {
  local name=$1
  shift
  /usr/bin/time -f "%U %S %M" -o "$OUT/time" taskset -c "${CPUS:-0}" "$@" >"$OUT/$name.out" 2>&1 || true
  local rps requests p50=0 handshakes=0
  case $name in
    wrk*) rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$name.out")
          requests=$(awk '/requests in/ {print $1}' "$OUT/$name.out") ;;
    h2load*) rps=$(awk '/^finished in/ {print $4}' "$OUT/$name.out")
          requests=$(awk '/^requests:/ {print $8}' "$OUT/$name.out") ;;
    *)    rps=$(awk '/^Requests per second/ {print $4}' "$OUT/$name.out")
          requests=$(awk '/^Complete requests/ {print $3}' "$OUT/$name.out") ;;
  esac
  case $name in
    csar*) p50=$(csar_ms "$OUT/$name.out" 1)
           handshakes=$(awk '/^TLS handshakes:/ { gsub(/[(,]/, "", $4); print $4 }' "$OUT/$name.out") ;;
  esac
  tail -1 "$OUT/time" | awk -v rps="$rps" -v n="$requests" -v p50="${p50:-0}" -v hs="${handshakes:-0}" \
    '{ printf "%s %.2f %.1f %s %s\n", rps, ($1 + $2) * 1e6 / n, $3 / 1024, p50, hs }' >>"$OUT/$name"
}

# median FILE COLUMN
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf "  %-34s %10.0f %12.2f %12.1f\n" "$1" "$(median "$OUT/$2" 1)" "$(median "$OUT/$2" 2)" "$(median "$OUT/$2" 3)"; }
# wrk prints "50%  50.52ms"; our total row prints milliseconds: both to milliseconds.
wrk_ms() { awk -v p="$2%" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v);
  print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v) }' "$1"; }
# csar_ms FILE COLUMN: COLUMN 1 is p50, 4 p99, 6 max of the summary's total row.
csar_ms() { awk -v c="$2" '$1 == "total" { print $(NF - 6 + c) }' "$1"; }

plain_rounds() {
  echo "Plain HTTP: keep-alive and close rounds ($ROUNDS of each, c=$CONCURRENCY)…"
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
}

plain_report() {
  echo
  printf "  %-34s %10s %12s %12s\n" "plain HTTP keep-alive, c=$CONCURRENCY" "req/s" "CPU µs/req" "peak RSS MB"
  row "ab -k" ab-keepalive
  row "wrk -t1" wrk-keepalive
  row "csar-check load -k" csar-keepalive
  row "libcurl C loop (reference)" loop-keepalive
  echo "  csar-check/wrk req/s $(ratio "$(median "$OUT/csar-keepalive" 1)" "$(median "$OUT/wrk-keepalive" 1)") (target ≥ 0.95)," \
    "csar-check/ab req/s $(ratio "$(median "$OUT/csar-keepalive" 1)" "$(median "$OUT/ab-keepalive" 1)")," \
    "CPU/request vs ab $(ratio "$(median "$OUT/csar-keepalive" 2)" "$(median "$OUT/ab-keepalive" 2)") (target ≤ 1.6)," \
    "vs wrk $(ratio "$(median "$OUT/csar-keepalive" 2)" "$(median "$OUT/wrk-keepalive" 2)")," \
    "vs the C loop $(ratio "$(median "$OUT/csar-keepalive" 2)" "$(median "$OUT/loop-keepalive" 2)")"
  printf "  %-34s\n" "plain HTTP no keep-alive, c=$CONCURRENCY"
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
}

# HTTPS rounds: ab and csar-check without keep-alive at c=1, 5 and 50 (a full handshake per request, as
# the runbook's `ab -n 50 -c 5 https://…`), csar-check with --tls-resume and with --threads 2, curl's own
# time_total at c=1, wrk and csar-check -k, h2load and csar-check --http2 -k over 50 connections.
tls_rounds() {
  echo "HTTPS: $ROUNDS rounds…"
  local tls=(--cacert "$CERT" --no-reports)
  for round in $(seq "$ROUNDS"); do
    for c in 1 5 50; do
      local n=$TLS_REQUESTS
      [ "$c" = 1 ] && n=$TLS_C1_REQUESTS
      run "ab-tls-c$c" ab -q -n "$n" -c "$c" "$TLS_URL"
      run "csar-tls-c$c" "$BIN" load "$TLS_URL" -n "$n" -c "$c" "${tls[@]}"
    done
    run csar-tls-resume-c50 "$BIN" load "$TLS_URL" -n "$TLS_REQUESTS" -c 50 --tls-resume "${tls[@]}"
    run csar-tls-threads2-c50 "$BIN" load "$TLS_URL" -n "$TLS_REQUESTS" -c 50 --threads 2 "${tls[@]}"
    CPUS=0,1 run csar-tls-threads2-2cpu-c50 "$BIN" load "$TLS_URL" -n "$TLS_REQUESTS" -c 50 --threads 2 "${tls[@]}"
    CPUS=0,1 run csar-tls-resume-threads2-2cpu-c50 "$BIN" load "$TLS_URL" -n "$TLS_REQUESTS" -c 50 --threads 2 \
      --tls-resume "${tls[@]}"
    run wrk-tls-keepalive wrk -t1 -c50 -d"${WRK_SECONDS}s" "$TLS_URL"
    run csar-tls-keepalive "$BIN" load "$TLS_URL" -k -n "$TLS_KEEPALIVE_REQUESTS" -c 50 "${tls[@]}"
    run h2load-h2 h2load -n "$TLS_KEEPALIVE_REQUESTS" -c 50 -m 1 "$TLS_URL"
    run csar-h2 "$BIN" load "$TLS_URL" -k --http2 -n "$TLS_KEEPALIVE_REQUESTS" -c 50 "${tls[@]}"
    # curl's time_total per request: a new process each (OpenSSL set up from cold every time), and one
    # process making a new connection with a full handshake for each URL (Connection: close, no session
    # reuse), as a load run's connections are; its first transfer is left out.
    local urls=()
    for _ in $(seq $((CURL_SAMPLES / ROUNDS + 1))); do urls+=(-o /dev/null "$TLS_URL"); done
    taskset -c 0 curl -s --http1.1 --no-sessionid -H 'Connection: close' --cacert "$CERT" -w '%{time_total}\n' \
      "${urls[@]}" | tail -n +2 >>"$OUT/curl-tls-warm"
    for _ in $(seq $((CURL_SAMPLES / ROUNDS))); do
      taskset -c 0 curl -s -o /dev/null --http1.1 --cacert "$CERT" -w '%{time_total}\n' "$TLS_URL" >>"$OUT/curl-tls-cold"
    done
    echo "  round $round done"
  done
}

tls_report() {
  echo
  printf "  %-34s %10s %12s %12s\n" "HTTPS no keep-alive (${TLS_PROTOCOLS:-TLSv1.2})" "req/s" "CPU µs/req" "peak RSS MB"
  for c in 1 5 50; do
    row "ab -c $c" "ab-tls-c$c"
    row "csar-check load -c $c" "csar-tls-c$c"
    echo "    c=$c: csar-check/ab req/s $(ratio "$(median "$OUT/csar-tls-c$c" 1)" "$(median "$OUT/ab-tls-c$c" 1)") (target ≥ 0.9)," \
      "CPU/request vs ab $(ratio "$(median "$OUT/csar-tls-c$c" 2)" "$(median "$OUT/ab-tls-c$c" 2)") (target ≤ 1.3)"
  done
  row "csar-check -c 50 --tls-resume" csar-tls-resume-c50
  echo "    handshakes/s: $(median "$OUT/csar-tls-c50" 5) full at c=50, $(median "$OUT/csar-tls-resume-c50" 5) with --tls-resume"
  row "csar-check -c 50 --threads 2 (CPU 0)" csar-tls-threads2-c50
  row "csar-check -c 50 --threads 2 (CPUs 0-1)" csar-tls-threads2-2cpu-c50
  row "  the same with --tls-resume" csar-tls-resume-threads2-2cpu-c50
  local curl_ms cold_ms csar_p50
  curl_ms=$(awk '{ print $1 * 1000 }' "$OUT/curl-tls-warm" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  cold_ms=$(awk '{ print $1 * 1000 }' "$OUT/curl-tls-cold" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  csar_p50=$(median "$OUT/csar-tls-c1" 4)
  echo "  latency truth, c=1: csar-check p50 $csar_p50 ms; curl time_total median $curl_ms ms over" \
    "$(wc -l <"$OUT/curl-tls-warm") new connections in one process, difference" \
    "$(awk -v a="$curl_ms" -v b="$csar_p50" 'BEGIN { d = a - b; printf "%.2f", d < 0 ? -d : d }') ms (target ≤ 1 ms);" \
    "$cold_ms ms from a new curl process each time (OpenSSL set up from cold)"
  printf "  %-34s\n" "HTTPS keep-alive, 50 connections"
  row "wrk -t1" wrk-tls-keepalive
  row "csar-check load -k" csar-tls-keepalive
  echo "    csar-check/wrk req/s $(ratio "$(median "$OUT/csar-tls-keepalive" 1)" "$(median "$OUT/wrk-tls-keepalive" 1)") (target ≥ 1.0)," \
    "CPU/request vs wrk $(ratio "$(median "$OUT/csar-tls-keepalive" 2)" "$(median "$OUT/wrk-tls-keepalive" 2)")"
  row "h2load -c 50 -m 1 (HTTP/2)" h2load-h2
  row "csar-check load -k --http2" csar-h2
  echo "    csar-check/h2load req/s $(ratio "$(median "$OUT/csar-h2" 1)" "$(median "$OUT/h2load-h2" 1)") (target ≥ 1.0)," \
    "CPU/request vs h2load $(ratio "$(median "$OUT/csar-h2" 2)" "$(median "$OUT/h2load-h2" 2)")"
}

echo "Machine load before: $(uptime)"
[ "$ONLY" != http ] && tls_rounds
[ "$ONLY" != tls ] && plain_rounds
echo "Machine load after: $(uptime)"
[ "$ONLY" != http ] && tls_report
[ "$ONLY" != tls ] && plain_report
echo
echo "Raw outputs: $OUT"
