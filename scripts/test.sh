#!/usr/bin/env bash
# Builds csar-check and runs the whole test suite (unit and integration tests, against the embedded
# demo site on ephemeral loopback ports).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
# The README's first command end to end, healthy and with a fault, then its reports read as CI tools do.
demo_reports=$(mktemp -d); demo_failing=$(mktemp -d)
trap 'rm -rf "$demo_reports" "$demo_failing"' EXIT
swift run --skip-build csar-check demo --reports "$demo_reports" > /dev/null
status=0
swift run --skip-build csar-check demo --fault 500:/api/warehouses --reports "$demo_failing" > /dev/null || status=$?
[ "$status" -eq 1 ] || { echo "a faulty demo gate must exit 1, got $status"; exit 1; }
# The HTML report in a real browser (headless Chromium): a Swift test writes sample reports, pytest opens them.
html_samples=$(mktemp -d)
trap 'rm -rf "$html_samples" "$demo_reports" "$demo_failing"' EXIT
CSAR_HTML_SAMPLES_DIR="$html_samples" swift test --skip-build --filter HTMLReportSamplesTests
CSAR_HTML_SAMPLES_DIR="$html_samples" CSAR_DEMO_REPORTS="$demo_reports" CSAR_DEMO_FAILING_REPORTS="$demo_failing" \
  python3 -m pytest -q -p no:cacheprovider Tests/browser Tests/reports
