#!/usr/bin/env bash
# Client CPU per request as user-space instructions (valgrind --tool=callgrind), for when the machine is too
# busy for CPU times to mean much: each client runs twice against the same target, with N and N + EXTRA
# requests, and the difference divided by EXTRA leaves out start-up and summary costs. Instruction counts
# do not see the kernel, cache misses or lock contention; bench-vs-peers.sh measures those.
#
#   BIN=.build/release/csar-check scripts/bench-instructions.sh HTTP_URL HTTPS_URL CA_FILE
#
# HTTPS_URL is an HTTPS nginx offering HTTP/2 (as bench-vs-peers.sh's), CA_FILE its certificate. Needs
# valgrind, ab and h2load (wrk runs for a time, not a count: ab -k stands in for it).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 HTTP_URL HTTPS_URL CA_FILE" >&2; exit 2; }
HTTP_URL=$1
HTTPS_URL=$2
CA=$3
BIN=${BIN:-.build/release/csar-check}
OUT=$(mktemp -d /tmp/csar-instructions.XXXXXX)
# valgrind cannot read the debug information of a Swift binary: a stripped copy.
strip -g -o "$OUT/csar-check" "$BIN"

# instructions NAME COMMAND…: user-space instructions of one run of COMMAND.
instructions() {
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.callgrind" "$@" >"$OUT/$name.out" 2>"$OUT/$name.log" || true
  awk '/refs:/ { gsub(",", "", $NF); print $NF }' "$OUT/$name.log"
}

# per_request LABEL N EXTRA COMMAND-WITH-@N@…: instructions per request from runs of N and N + EXTRA requests.
per_request() {
  local label=$1 n=$2 extra=$3
  shift 3
  local small large
  small=$(instructions small "${@//@N@/$n}")
  large=$(instructions large "${@//@N@/$((n + extra))}")
  awk -v l="$label" -v a="$small" -v b="$large" -v e="$extra" 'BEGIN { printf "  %-42s %10.0f\n", l, (b - a) / e }'
}

csar=("$OUT/csar-check" load --no-reports --cacert "$CA")
echo "user-space instructions per request (callgrind)"
for c in 1 5 50; do
  per_request "HTTPS no keep-alive c=$c: ab" 200 400 ab -q -n @N@ -c "$c" "$HTTPS_URL"
  per_request "HTTPS no keep-alive c=$c: csar-check" 200 400 "${csar[@]}" "$HTTPS_URL" -n @N@ -c "$c"
done
per_request "HTTPS -c 50 --tls-resume: csar-check" 200 400 "${csar[@]}" "$HTTPS_URL" -n @N@ -c 50 --tls-resume
per_request "HTTPS keep-alive c=50: ab -k" 2000 20000 ab -q -k -n @N@ -c 50 "$HTTPS_URL"
per_request "HTTPS keep-alive c=50: csar-check" 2000 20000 "${csar[@]}" "$HTTPS_URL" -k -n @N@ -c 50
per_request "HTTP/2 keep-alive c=50: h2load -m 1" 2000 20000 h2load -n @N@ -c 50 -m 1 "$HTTPS_URL"
per_request "HTTP/2 keep-alive c=50: csar-check" 2000 20000 "${csar[@]}" "$HTTPS_URL" -k --http2 -n @N@ -c 50
per_request "HTTP keep-alive c=50: ab -k" 2000 20000 ab -q -k -n @N@ -c 50 "$HTTP_URL"
per_request "HTTP keep-alive c=50: csar-check" 2000 20000 "${csar[@]}" "$HTTP_URL" -k -n @N@ -c 50
per_request "HTTP no keep-alive c=50: ab" 1000 5000 ab -q -n @N@ -c 50 "$HTTP_URL"
per_request "HTTP no keep-alive c=50: csar-check" 1000 5000 "${csar[@]}" "$HTTP_URL" -n @N@ -c 50
echo "Raw outputs: $OUT"
