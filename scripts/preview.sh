#!/usr/bin/env bash
# Builds casebook and the example site, then previews it at http://127.0.0.1:8000/ with live
# reload. Installs the system packages it needs (libcmark-dev, libyaml-dev) when they are missing.
#   scripts/preview.sh [SITE_FOLDER] [casebook serve options…]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product casebook
site=${1:-.}
[ $# -gt 0 ] && shift
.build/release/casebook build "$site"
echo "The site is built in $site/_site/, ready to publish at its base_url; the preview below serves it locally."
if .build/release/casebook serve --help >/dev/null 2>&1; then
  exec .build/release/casebook serve "$site" "$@"
fi
