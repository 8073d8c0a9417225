#!/usr/bin/env bash
# Builds csar-check and runs the whole test suite (unit and integration tests, against the embedded
# demo site on ephemeral loopback ports).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
# The HTML report in a real browser (headless Chromium): a Swift test writes sample reports, pytest opens them.
html_samples=$(mktemp -d)
trap 'rm -rf "$html_samples"' EXIT
CSAR_HTML_SAMPLES_DIR="$html_samples" swift test --skip-build --filter HTMLReportSamplesTests
CSAR_HTML_SAMPLES_DIR="$html_samples" python3 -m pytest -q -p no:cacheprovider Tests/browser
