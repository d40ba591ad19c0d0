#!/usr/bin/env bash
# Tests a release archive as a user gets it: scripts/release-smoke.sh dist/casebook-*.tar.gz
#
# Checks the SHA-256 file beside the archive, extracts it into an empty folder, checks that the
# binary loads no Swift runtime library and names no build path, then - in a mount namespace
# where this source tree and the Swift toolchain are hidden, with an empty environment
# (env -i PATH=/usr/bin:/bin) - runs `casebook --version`, `version --json`, `init`, `check`,
# `build` and `report --pdf` on the new site, and compares theme files the build wrote with the
# source's. It also installs the archive with install.sh and has it refuse a damaged one.
# Any failure exits non-zero with the reason; nothing is skipped.
set -euo pipefail
archive=$(realpath "${1:?usage: $0 ARCHIVE.tar.gz}")
root=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "release-smoke: FAIL: $*" >&2; exit 1; }
pass() { echo "release-smoke: ok: $*" >&2; }

name=$(basename "$archive" .tar.gz)
version=${name#casebook-}
version=${version%-linux-x86_64}
[ "$name" = "casebook-$version-linux-x86_64" ] || fail "$archive is not named casebook-VERSION-linux-x86_64.tar.gz"

(cd "$(dirname "$archive")" && sha256sum --check --quiet "$name.tar.gz.sha256") || fail "the SHA-256 file does not match"
pass "SHA-256 matches"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$work/" in "$root"/*) fail "the scratch folder $work lies inside the source tree" ;; esac
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
binary=$work/unpacked/$name/bin/casebook
[ -x "$binary" ] || fail "the archive has no $name/bin/casebook"
for file in README.md CHANGELOG.md share/bash-completion/completions/casebook share/zsh/site-functions/_casebook \
  share/fish/vendor_completions.d/casebook.fish share/man/man1/casebook.1; do
  [ -s "$work/unpacked/$name/$file" ] || fail "the archive has no $name/$file"
done

# Only libraries every Debian and Ubuntu system has: no Swift runtime, no libcmark, no libcurl.
libraries=$(ldd "$binary" | awk '/=>/ {print $1}' | sort)
unexpected=$(grep -v -x -E 'libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1' <<<"$libraries" || true)
[ -z "$unexpected" ] || fail "the binary loads libraries a Debian or Ubuntu system may not have: $unexpected"
pass "shared libraries: $(tr '\n' ' ' <<<"$libraries")"

toolchain=$(dirname "$(dirname "$(realpath "$(command -v swift)")")")
for path in "$root" "$toolchain"; do
  if grep -q -a -F "$path" "$binary"; then fail "the binary names the build path $path"; fi
done
pass "no build or toolchain path in the binary"

# install.sh installs the archive to a prefix and refuses one that does not match its SHA-256.
"$root/install.sh" --prefix "$work/prefix" "$archive" >/dev/null || fail "install.sh did not install the archive"
cmp "$binary" "$work/prefix/bin/casebook" || fail "install.sh installed another binary"
[ -s "$work/prefix/share/doc/casebook/CHANGELOG.md" ] || fail "install.sh did not install the CHANGELOG"
mkdir "$work/damaged"
cp "$archive" "$archive.sha256" "$work/damaged/"
printf 'x' >>"$work/damaged/$name.tar.gz"
if "$root/install.sh" --prefix "$work/damaged-prefix" "$work/damaged/$name.tar.gz" >/dev/null 2>&1; then
  fail "install.sh installed an archive that does not match its SHA-256"
fi
[ ! -e "$work/damaged-prefix" ] || fail "install.sh wrote to the prefix before checking the SHA-256"
pass "install.sh installs the archive and refuses a damaged one"

# The built-in theme's files, copied out before the tree is hidden, to compare with the output.
cp -R "$root/Sources/Render/DefaultTheme" "$work/expected-theme"

cat >"$work/inside.sh" <<'EOF'
set -eu
cd "$WORK"
casebook=$WORK/unpacked/$NAME/bin/casebook
run() { env -i PATH=/usr/bin:/bin "$casebook" "$@"; }
if [ -e "$ROOT/Package.swift" ] || [ -e "$TOOLCHAIN/bin/swift" ]; then echo "the source tree or the toolchain is still visible" >&2; exit 1; fi
line=$(run --version)
[ "$(env -i PATH=/usr/bin:/bin "$WORK/prefix/bin/casebook" --version)" = "$line" ]
case "$line" in "$VERSION (commit "*")") ;; *) echo "--version printed: $line" >&2; exit 1 ;; esac
run version --json >version.json
grep -q '"libcmark" : "[0-9]' version.json || { cat version.json >&2; echo "version --json has no libcmark version" >&2; exit 1; }
run init site >/dev/null
run check site --strict
run build site --output out --quiet
test -s out/index.html
cmp out/assets/site.css expected-theme/assets/site.css
cmp out/assets/search.js expected-theme/assets/search.js
run report site --pdf --output reports
for report in reports/*/; do
  test -s "$report/index.html"
  head -c 4 "$report/$(basename "$report").pdf" | grep -q '%PDF'
done
echo "$line"
EOF

command -v unshare >/dev/null || fail "unshare (util-linux) is needed to hide the source tree and the toolchain"
hide="mount -t tmpfs tmpfs '$root' && mount -t tmpfs tmpfs '$toolchain'"
WORK=$work NAME=$name VERSION=$version ROOT=$root TOOLCHAIN=$toolchain \
  unshare --mount --map-root-user sh -c "$hide && sh '$work/inside.sh'" \
  || fail "the release binary did not run on its own (above); unshare needs unprivileged user namespaces"
pass "--version, version --json, init, check, build and report --pdf ran with the source tree and toolchain hidden"
