#!/usr/bin/env bash
# Checks the formatting (scripts/check-format.sh), builds csar-check and runs the whole test suite: unit tests,
# integration tests against the embedded demo site on ephemeral loopback ports, against a real Laravel stack
# (scripts/laravel-stack.sh) started here on a free loopback port and stopped on exit, and against the Django
# site; in CI (or with CSAR_TEST_PACKAGE=1) it also builds the Debian package, installs it, tests the installed
# binary from empty folders, and checks that `apt-get remove` leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
temporary=()
laravel_runtime=""
cleanup() {
  if [ -n "$laravel_runtime" ]; then
    CSAR_LARAVEL_RUNTIME="$laravel_runtime" scripts/laravel-stack.sh stop > /dev/null 2>&1 || true
    temporary+=("$laravel_runtime")
  fi
  [ ${#temporary[@]} -eq 0 ] || rm -rf "${temporary[@]}"
}
trap cleanup EXIT
# The Python test tools (pytest, selenium, junitparser, Django) live in the virtual environment that
# scripts/install-deps.sh made; the Swift tests start python3 from the PATH too.
venv="${CSAR_VENV:-.build/venv}"
[ -x "$venv/bin/python3" ] || { echo "no Python environment at $venv: run scripts/install-deps.sh first" >&2; exit 1; }
export PATH="$(cd "$venv/bin" && pwd):$PATH"
# Pusher's own server library and pysher, for the Pusher interop tests (installed by scripts/install-deps.sh).
export CSAR_PUSHER_PYTHON="$(cd "$venv/bin" && pwd)/python3"
# Formatting first: it takes seconds (scripts/check-format.sh --fix formats the files). Then the stage folders
# must form layers that point one way (scripts/check-layers.py names the references that close a cycle).
scripts/check-format.sh
scripts/check-layers.py
swift build
# The Debian package, built and installed as a user installs it, for the tests of the installed binary
# (InstalledPackageTests, ExitCodeTests): in CI, or with CSAR_TEST_PACKAGE=1 (it installs into the system).
package_installed=""
if [ -n "${CI:-}" ] || [ -n "${CSAR_TEST_PACKAGE:-}" ]; then
  deb=$(scripts/package-deb.sh | tail -n 1)
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # --reinstall: a package of the same version left by an earlier run (one that failed before the removal
  # check) would otherwise stay, and the tests would check that older binary.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall "$deb" > /dev/null
  export CSAR_INSTALLED_BINARY=/usr/bin/csar-check
  package_installed=1
fi
# The real Laravel stack the LaravelGateTests and LaravelSiteTests run against. Without PHP those tests skip,
# except in CI (CI set), where PHP is required.
if command -v php > /dev/null && [ -f /usr/share/php/Illuminate/autoload.php ]; then
  laravel_runtime=$(mktemp -d "${TMPDIR:-/tmp}/csar-laravel.XXXXXX")
  CSAR_LARAVEL_RUNTIME="$laravel_runtime" scripts/laravel-stack.sh start
  export CSAR_LARAVEL_ENV="$laravel_runtime/stack.env"
elif [ -n "${CI:-}" ]; then
  echo "CI needs PHP and Debian's php-laravel-framework for the real Laravel stack: run scripts/install-deps.sh" >&2
  exit 1
else
  echo "PHP is not installed: the tests against the real Laravel stack will be skipped (scripts/install-deps.sh)" >&2
fi
swift test
# `apt-get remove` must leave nothing of the package behind.
[ -z "$package_installed" ] || scripts/check-package-removal.sh
# The README's first command end to end, healthy and with a fault, then its reports read as CI tools do.
demo_reports=$(mktemp -d); demo_failing=$(mktemp -d); html_samples=$(mktemp -d)
temporary+=("$demo_reports" "$demo_failing" "$html_samples")
swift run --skip-build csar-check demo --reports "$demo_reports" > /dev/null
status=0
swift run --skip-build csar-check demo --fault 500:/api/warehouses --reports "$demo_failing" > /dev/null || status=$?
[ "$status" -eq 1 ] || { echo "a faulty demo gate must exit 1, got $status"; exit 1; }
# The HTML report in a real browser (headless Chromium): a Swift test writes sample reports, pytest opens them.
CSAR_HTML_SAMPLES_DIR="$html_samples" swift test --skip-build --filter "HTMLReportSamplesTests|TrendReportTests"
CSAR_HTML_SAMPLES_DIR="$html_samples" CSAR_DEMO_REPORTS="$demo_reports" CSAR_DEMO_FAILING_REPORTS="$demo_failing" \
  python3 -m pytest -q -p no:cacheprovider Tests/browser Tests/reports
# The parsers under libFuzzer for a bounded time (FUZZ_SECONDS, default 90; see docs/errors.md#fuzzing).
scripts/fuzz.sh
