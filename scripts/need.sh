#!/usr/bin/env bash
# Make sure commands exist, installing their Debian packages when missing: scripts/need.sh wrk[:package]…
# As root with apt-get it installs them; otherwise it says what to install and fails.
set -euo pipefail
missing=()
for spec in "$@"; do
  command="${spec%%:*}"
  package="${spec#*:}"
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done
((${#missing[@]})) || exit 0
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "error: missing ${missing[*]}: install with apt-get install ${missing[*]}" >&2
  exit 2
fi
