#!/usr/bin/env bash
# Installs a casebook release archive, no root needed:
#   install.sh [--prefix DIR] [--pdf] casebook-VERSION-linux-x86_64.tar.gz | URL
# DIR is ~/.local by default: the program goes to DIR/bin, shell completions under DIR/share,
# README and CHANGELOG to DIR/share/doc/casebook. The archive's SHA-256 file (ARCHIVE.sha256,
# beside it or at URL.sha256) must be there and match, or nothing is installed.
#
# The program needs only libraries every Debian and Ubuntu system has (libc, libstdc++,
# libgcc); --pdf adds WeasyPrint, the PDF engine for `report --pdf`. Missing packages are
# installed with apt-get when run as root; otherwise the exact command is printed.
set -euo pipefail
prefix=$HOME/.local
pdf=0
source=""
usage() { echo "usage: $0 [--prefix DIR] [--pdf] ARCHIVE.tar.gz|URL" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=${2:-}; [ -n "$prefix" ] || usage; shift ;;
    --pdf) pdf=1 ;;
    -*) usage ;;
    *) [ -z "$source" ] || usage; source=$1 ;;
  esac
  shift
done
[ -n "$source" ] || usage
fail() { echo "install.sh: error: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$(basename "$source" .tar.gz)
case "$name" in casebook-*-linux-x86_64) ;; *) fail "'$source' is not named casebook-VERSION-linux-x86_64.tar.gz" ;; esac
case "$source" in
  https://*)
    curl --fail --silent --show-error --location --output "$work/$name.tar.gz" "$source" \
      || fail "could not download $source"
    curl --fail --silent --show-error --location --output "$work/$name.tar.gz.sha256" "$source.sha256" \
      || fail "could not download $source.sha256"
    ;;
  *://*) fail "only https:// addresses are downloaded" ;;
  *)
    [ -f "$source" ] || fail "no archive at $source"
    [ -f "$source.sha256" ] || fail "no $source.sha256 beside the archive: download it too, it is how the archive is checked"
    cp "$source" "$source.sha256" "$work/"
    ;;
esac
(cd "$work" && sha256sum --check --quiet "$name.tar.gz.sha256") \
  || fail "$name.tar.gz does not match its SHA-256 file: the download is damaged or not the release; nothing was installed"
tar -xzf "$work/$name.tar.gz" -C "$work"
from=$work/$name
[ -x "$from/bin/casebook" ] || fail "the archive has no $name/bin/casebook"

install -d "$prefix/bin" "$prefix/share/doc/casebook"
install -m 0755 "$from/bin/casebook" "$prefix/bin/casebook"
(cd "$from/share" && find . -type f) | while read -r file; do
  install -D -m 0644 "$from/share/$file" "$prefix/share/$file"
done
for doc in README.md CHANGELOG.md LICENSE; do
  if [ -f "$from/$doc" ]; then install -m 0644 "$from/$doc" "$prefix/share/doc/casebook/$doc"; fi
done

packages=(libstdc++6 libgcc-s1)
[ $pdf = 0 ] || packages+=(weasyprint fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "install.sh: casebook needs these packages; install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  fi
fi

"$prefix/bin/casebook" --version || fail "the installed casebook does not start (ldd $prefix/bin/casebook says why)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "install.sh: add $prefix/bin to your PATH, e.g. in ~/.profile: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
