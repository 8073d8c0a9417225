#!/usr/bin/env bash
# Removes the installed csar-check package and fails if it left anything behind: a file it installed, a folder
# that no other package owns, or a trace in dpkg's database (configuration files kept). Run by scripts/test.sh
# after the tests of the installed package.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
installed=$(dpkg -L csar-check)
$SUDO apt-get remove -y -qq csar-check > /dev/null
left=()
while IFS= read -r path; do
  [ -n "$path" ] && [ "$path" != "/." ] || continue
  if [ -d "$path" ] && [ ! -L "$path" ]; then
    # A folder stays when another package (or the base system) owns it too.
    dpkg -S "$path" > /dev/null 2>&1 || left+=("$path/")
  elif [ -e "$path" ] || [ -L "$path" ]; then
    left+=("$path")
  fi
done <<< "$installed"
status=$(dpkg-query -W -f='${db:Status-Abbrev}' csar-check 2> /dev/null || true)
case "$status" in "" | un*) ;; *) left+=("dpkg still lists csar-check as '$status'") ;; esac
if [ ${#left[@]} -gt 0 ]; then
  printf 'apt-get remove csar-check left behind:\n' >&2
  printf '  %s\n' "${left[@]}" >&2
  exit 1
fi
echo "apt-get remove csar-check left nothing behind ($(wc -l <<< "$installed") paths checked)"
