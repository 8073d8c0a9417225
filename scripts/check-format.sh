#!/usr/bin/env bash
# Checks that the Swift files are formatted as .swift-format says (4 spaces, 120 columns), with the
# `swift format` of the toolchain; `scripts/check-format.sh --fix` formats them in place first.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.swift')
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --parallel "${files[@]}"
fi
if ! swift format lint --strict --parallel "${files[@]}"; then
  echo "format: the files above differ from .swift-format; scripts/check-format.sh --fix formats them" >&2
  exit 1
fi
echo "format: ${#files[@]} Swift files as .swift-format says"
