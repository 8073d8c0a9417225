#!/usr/bin/env bash
# Builds the Debian package of csar-check from a release build and prints its path as the last line:
#
#   scripts/package-deb.sh                      → .build-release/csar-check_VERSION_ARCH.deb
#   sudo apt-get install ./.build-release/csar-check_*.deb
#
# What it installs: /usr/bin/csar-check (the Swift runtime linked in statically, so the package needs only
# Debian's libraries, found by dpkg-shlibdeps), the shipped scenarios in /usr/share/csar-check/scenarios (which
# the binary finds by itself), man pages (csar-check(1), csar-check.gate(1), … made by swift-argument-parser's
# generate-manual), bash, zsh and fish completions, and /usr/share/doc/csar-check. No maintainer scripts and no
# configuration files: `apt-get remove csar-check` leaves nothing behind.
#
# CSAR_RELEASE_SCRATCH names the build folder (default .build-release); needs swift, dpkg-dev (dpkg-deb,
# dpkg-shlibdeps) and binutils (strip).
set -euo pipefail
repository=$(cd "$(dirname "$0")/.." && pwd)
cd "$repository"
scratch="${CSAR_RELEASE_SCRATCH:-.build-release}"
version=$(sed -n 's/.*public static let current = "\(.*\)"/\1/p' Sources/CSARCheck/HTTP/TransferOptions.swift)
architecture=$(dpkg --print-architecture)
[ -n "$version" ] || { echo "package-deb: no version in Sources/CSARCheck/HTTP/TransferOptions.swift" >&2; exit 1; }

say() { printf 'package-deb: %s\n' "$*" >&2; }

say "release build of csar-check $version (Swift runtime linked statically) in $scratch"
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product csar-check >&2
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product generate-manual >&2
binary="$scratch/release/csar-check"

work=$(mktemp -d "${TMPDIR:-/tmp}/csar-check-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/csar-check_${version}_${architecture}"

install -D -m 0755 "$binary" "$root/usr/bin/csar-check"
strip --strip-unneeded "$root/usr/bin/csar-check"

share="$root/usr/share/csar-check/scenarios"
mkdir -p "$share"
cp -R Scenarios/. "$share/"
find "$share" -type d -exec chmod 0755 {} + && find "$share" -type f -exec chmod 0644 {} +

manuals="$work/man"
mkdir -p "$manuals" "$root/usr/share/man/man1"
"$scratch/release/generate-manual" "$root/usr/bin/csar-check" --multi-page --output-directory "$manuals" \
  --date "$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2> /dev/null || date +%s)}" +%F)" \
  --authors "csar-check developers" >&2
for page in "$manuals"/*.1; do
  gzip -9n < "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"
done

completions() { "$root/usr/bin/csar-check" --generate-completion-script "$1"; }
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d"
completions bash > "$root/usr/share/bash-completion/completions/csar-check"
completions zsh > "$root/usr/share/zsh/vendor-completions/_csar-check"
completions fish > "$root/usr/share/fish/vendor_completions.d/csar-check.fish"

doc="$root/usr/share/doc/csar-check"
install -d "$doc"
gzip -9n < README.md > "$doc/README.md.gz"
for page in docs/*.md; do gzip -9n < "$page" > "$doc/$(basename "$page").gz"; done
cat > "$doc/copyright" << COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: csar-check
Comment: Smoke, functional and load checks for the CSAR platform. Built from the csar-check repository;
 its test data keeps its own licences (Tests/Data).

Files: *
Copyright: csar-check developers
License: proprietary
 Internal tool of the CSAR platform team.
COPYRIGHT
find "$root/usr/share" -type f -exec chmod 0644 {} +

# The libraries the binary links, with the versions it needs, as Debian's own packages compute them.
mkdir -p "$work/debian"
printf 'Source: csar-check\n\nPackage: csar-check\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O "$root/usr/bin/csar-check" 2> /dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" << CONTROL
Package: csar-check
Version: $version
Architecture: $architecture
Maintainer: csar-check developers <csar-check@csar.sn>
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: $depends, ca-certificates
Section: utils
Priority: optional
Homepage: https://csar.sn/csar-check
Description: smoke, functional and load checks for the CSAR platform
 Turns the CSAR deployment runbook's last page into one command whose exit code
 a CI job can trust: the smoke curls, the functional checks (request form,
 admin login, dashboard, warehouse map), the ab load test and the success
 criteria, from declarative YAML scenarios, with JUnit, HTML and JSON reports,
 and a nightly performance trend. The shipped scenarios are installed in
 /usr/share/csar-check/scenarios and found without configuration.
CONTROL

output="$repository/$scratch/csar-check_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$output" >&2
say "$(dpkg-deb --field "$output" Package Version Depends | tr '\n' ' ')"
echo "$output"
