#!/usr/bin/env bash
# Records RUNS real nightly runs (gate + load-home + a 10-second nightly load of the home page) against the
# embedded demo site on loopback, with the delay of its home page raised from BEFORE_MS to AFTER_MS from run
# SHIFT_AT on, then judges the history: shows what `nightly` and `trend` make of a planted shift. The site
# is restarted every night, as a deployment would, and its API (throttled at 60 requests a minute, as
# Laravel's `throttle:api`) is left to the gate. Writes everything in OUT (history.sqlite, each night's
# reports, trend/). Needs a built csar-check (BIN) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20} SHIFT_AT=${SHIFT_AT:-15} BEFORE_MS=${BEFORE_MS:-20} AFTER_MS=${AFTER_MS:-35}
BIN=${BIN:-.build/debug/csar-check}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export CSAR_ADMIN_EMAIL=admin@csar.sn CSAR_ADMIN_PASSWORD=csar-demo-password
sed -e 's/^  duration: 60s$/  duration: 10s/' -e 's/^name: .*$/name: Nightly load (10 s) — home page at 20 req\/s/' \
  Scenarios/nightly-home.yaml > "$OUT/nightly-load-10s.yaml"
site=""
stop_site() { if [ -n "$site" ]; then kill "$site" 2>/dev/null || true; wait "$site" 2>/dev/null || true; site=""; fi; }
trap stop_site EXIT
start_site() {
  stop_site
  "$BIN" serve-demo --port "$port" --fault "latency:/=$1" > "$OUT/site.log" 2>&1 &
  site=$!
  for _ in $(seq 100); do curl -s -o /dev/null "$base/" && return 0; sleep 0.1; done
  echo "the demo site did not start" >&2; exit 2
}
for run in $(seq "$RUNS"); do
  delay=$BEFORE_MS; [ "$run" -ge "$SHIFT_AT" ] && delay=$AFTER_MS
  start_site "$delay"
  status=0
  "$BIN" nightly --history "$OUT/history.sqlite" --base-url "$base" --nightly "$OUT/nightly-load-10s.yaml" \
    --label "delay=${delay}ms" --reports "$OUT/night-$run" > "$OUT/night-$run.log" 2>&1 || status=$?
  echo "night $run (home page +${delay} ms): exit $status"
done
stop_site
status=0
"$BIN" trend "$OUT/history.sqlite" --reports "$OUT/trend" || status=$?
echo "trend exit $status; reports in $OUT/trend"
