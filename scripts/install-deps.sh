#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages casebook needs, only those missing.
#   scripts/install-deps.sh            what building needs: libcmark-dev (and the cmark command), libyaml-dev, zlib1g-dev
#   scripts/install-deps.sh --pdf      plus a PDF engine: WeasyPrint 66 or later, which writes
#                                      tagged (accessible) PDF/UA, from PyPI into
#                                      /opt/casebook/weasyprint, on top of Debian's weasyprint
#                                      (for its libraries and as the fallback)
#   scripts/install-deps.sh --test     plus what the tests use: the PDF engine, pandoc (report --docx), valgrind, poppler-utils,
#                                      and check-jsonschema (PyPI, into /opt/casebook/check-jsonschema),
#                                      which checks the workflow `casebook init` writes against GitHub's
#                                      workflow schema and action.yml against its action schema, both
#                                      vendored in it (no network when it runs)
set -euo pipefail
packages=(libcmark-dev cmark libyaml-dev zlib1g-dev pkg-config)
pdf=0
lint=0
for arg in "$@"; do
  case $arg in
    --test) packages+=(valgrind poppler-utils weasyprint fonts-dejavu-core python3-venv pandoc); pdf=1; lint=1 ;;
    --pdf) packages+=(weasyprint fonts-dejavu-core poppler-utils); pdf=1 ;;
    *) echo "usage: $0 [--test] [--pdf]" >&2; exit 2 ;;
  esac
done
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's WeasyPrint (57) cannot tag PDFs; 66 and later can. /usr/local/bin comes before
# /usr/bin on PATH, so casebook finds the newer one. Without PyPI, Debian's stays in use.
if [ $pdf = 1 ]; then
  venv=/opt/casebook/weasyprint
  if ! "$venv/bin/weasyprint" --version >/dev/null 2>&1; then
    echo "Installing WeasyPrint from PyPI into $venv" >&2
    if $sudo mkdir -p /opt/casebook && $sudo python3 -m venv "$venv" \
      && $sudo "$venv/bin/pip" install -q --disable-pip-version-check "weasyprint>=66,<71"; then
      $sudo ln -sf "$venv/bin/weasyprint" /usr/local/bin/weasyprint
    else
      echo "warning: could not install WeasyPrint from PyPI; using Debian's (PDFs will not be tagged)" >&2
    fi
  fi
fi

if [ $lint = 1 ]; then
  venv=/opt/casebook/check-jsonschema
  if ! "$venv/bin/check-jsonschema" --version >/dev/null 2>&1; then
    echo "Installing check-jsonschema from PyPI into $venv" >&2
    $sudo mkdir -p /opt/casebook && $sudo python3 -m venv "$venv" \
      && $sudo "$venv/bin/pip" install -q --disable-pip-version-check "check-jsonschema==0.39.0"
  fi
fi
