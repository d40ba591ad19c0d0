#!/usr/bin/env bash
# Rebuilds Vendor/FlyingFox from an upstream FlyingFox checkout and applies
# Vendor/FlyingFox/casebook.patch to it. Use it to move to a new upstream release:
#
#   git clone --branch 0.27.1 https://github.com/swhitty/FlyingFox /tmp/FlyingFox
#   scripts/vendor-flyingfox.sh /tmp/FlyingFox
#
# If the patch no longer applies, upstream has changed the decoder or the connection loop: check
# whether it now has limits of its own (then use them and drop the hunk), or redo the hunk by hand.
# Afterwards run the tests: Tests/ServeTests/HostileRequestTests.swift covers what the patch adds.
set -euo pipefail
cd "$(dirname "$0")/.."
upstream="${1:?usage: scripts/vendor-flyingfox.sh UPSTREAM_CHECKOUT}"
vendor=Vendor/FlyingFox

for folder in FlyingFox/Sources FlyingSocks/Sources CSystemLinux; do
  rm -rf "${vendor:?}/$folder"
  mkdir -p "$vendor/$(dirname "$folder")"
  cp -R "$upstream/$folder" "$vendor/$folder"
done
cp "$upstream/LICENSE" "$vendor/LICENSE"
(cd "$vendor" && patch -p1 --no-backup-if-mismatch <casebook.patch)
echo "Vendor/FlyingFox now holds $(git -C "$upstream" describe --tags 2>/dev/null || echo "$upstream") with casebook.patch."
echo "Update the version in $vendor/Package.swift and $vendor/README.md."
