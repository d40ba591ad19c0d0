#!/usr/bin/env bash
# Rebuilds Vendor/swift-mustache from an upstream swift-mustache checkout and applies
# Vendor/swift-mustache/casebook.patch to it. Use it to move to a new upstream release:
#
#   git clone --branch 2.1.1 https://github.com/hummingbird-project/swift-mustache /tmp/swift-mustache
#   scripts/vendor-mustache.sh /tmp/swift-mustache
#
# If the patch no longer applies, upstream has changed `getChild` or `render(context:)`: check
# whether it took the change (then drop that hunk), or redo the hunk by hand. Afterwards run the
# tests (the upstream unit tests are part of them) and `bench/mustache-lookup/measure-patch.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
upstream="${1:?usage: scripts/vendor-mustache.sh UPSTREAM_CHECKOUT}"
vendor=Vendor/swift-mustache
tests="ErrorTests PartialTests TemplateParserTests TemplateRendererTests TransformTests"

rm -rf "$vendor/Sources"
cp -R "$upstream/Sources" "$vendor/Sources"
cp "$upstream/LICENSE.txt" "$vendor/LICENSE.txt"
# The upstream tests that need neither the network (SpecTests) nor a folder in the working
# directory (LibraryTests). DictionaryLookupTests.swift, beside them, is casebook's and stays.
for test in $tests; do cp "$upstream/Tests/MustacheTests/$test.swift" "$vendor/Tests/MustacheTests/"; done
(cd "$vendor" && patch -p1 --no-backup-if-mismatch <casebook.patch)
echo "Vendor/swift-mustache now holds $(git -C "$upstream" describe --tags 2>/dev/null || echo "$upstream") with casebook.patch."
echo "Update the version in $vendor/Package.swift and $vendor/README.md."
