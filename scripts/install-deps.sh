#!/usr/bin/env bash
# Installs what csar-check builds, packages and tests with (idempotent; skips what is present): Debian packages
# with apt, and the Python test tools in a virtual environment of the repository's own (.build/venv, or
# CSAR_VENV) — a stock Debian 12 refuses `pip install` into the system Python (PEP 668, externally managed).
# scripts/test.sh puts that environment first on its PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(libcurl4-openssl-dev libssl-dev libxml2-dev zlib1g-dev libmimalloc-dev libsqlite3-dev pkg-config libxml2-utils curl openssl python3 python3-venv chromium chromium-driver)
# The Debian package (scripts/package-deb.sh): dpkg-deb and dpkg-shlibdeps; the runbook's ab for the demo tests.
packages+=(dpkg-dev apache2-utils)
# The real Laravel stack the integration tests run against (scripts/laravel-stack.sh): Laravel 8 from Debian,
# php-fpm behind nginx, MariaDB, Redis for sessions and cache.
packages+=(php8.2-cli php8.2-fpm php8.2-mysql php-redis php-laravel-framework nginx mariadb-server mariadb-client redis-server redis-tools)
# Its queued side effects: Laravel's HTTP client needs Guzzle (only suggested by the framework), mail goes through
# php-swiftmailer to Tests/MailServer (aiosmtpd, Dovecot IMAPS).
packages+=(php-swiftmailer php-guzzlehttp-guzzle python3-aiosmtpd dovecot-imapd)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The HTML report's browser test drives the chromium above through selenium; junitparser reads JUnit as CI plugins do;
# Django serves Tests/DjangoSite, on which the shipped scenarios are run with --var only; Pusher's own server
# library (pusher), the pysher client and websocket-client talk to the project's Pusher server (PusherInteropTests).
venv="${CSAR_VENV:-.build/venv}"
[ -x "$venv/bin/python3" ] || python3 -m venv "$venv"
"$venv/bin/python3" -c 'import selenium, pytest, junitparser, django, pusher, pysher, websocket' 2>/dev/null \
  || "$venv/bin/python3" -m pip install -q selenium pytest junitparser django pusher pysher websocket-client
