#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages casebook needs, only those missing.
#   scripts/install-deps.sh            what building needs: libcmark-dev (and the cmark command)
#   scripts/install-deps.sh --test     plus what the tests use: valgrind, poppler-utils, weasyprint
#   scripts/install-deps.sh --pdf      plus a PDF engine: weasyprint
set -euo pipefail
packages=(libcmark-dev cmark pkg-config)
for arg in "$@"; do
  case $arg in
    --test) packages+=(valgrind poppler-utils weasyprint fonts-dejavu-core) ;;
    --pdf) packages+=(weasyprint fonts-dejavu-core poppler-utils) ;;
    *) echo "usage: $0 [--test] [--pdf]" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
