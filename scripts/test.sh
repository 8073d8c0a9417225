#!/usr/bin/env bash
# Builds csar-check and runs the whole test suite (unit and integration tests, against the embedded
# demo site on ephemeral loopback ports).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
