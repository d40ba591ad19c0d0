#!/usr/bin/env bash
# Builds a release of casebook for Linux x86_64 from the checked-out commit:
#   scripts/release.sh [--out DIR] [--skip-tests] [--allow-dirty]
# writes DIR/casebook-VERSION-linux-x86_64.tar.gz (dist/ by default: the program, README,
# CHANGELOG, shell completions and a man page), its .sha256 and install.sh,
# then tests the archive (scripts/release-smoke.sh) and runs the tests that run the casebook
# program against the release binary. --skip-tests packages only; --allow-dirty builds from a
# tree with uncommitted changes (the commit it prints then ends in -dirty: such a binary is not
# the commit's).
#
# The binary runs without a Swift toolchain: the Swift runtime and Foundation are linked
# statically, and so are libcmark and libyaml (libcmark's soname changes with every cmark release, so a binary linked
# to Debian 12's libcmark.so.0.30.2 would not start where the distribution ships another). What
# it loads is libc, libm, libstdc++ and libgcc_s, which every Debian and Ubuntu system has (no
# libcurl: Vendor/FlyingFox leaves out the one handler that imports FoundationNetworking).
# The default theme is compiled in (Sources/Render), so nothing is looked up beside the binary.
#
# Reproducible: the same commit gives the same archive bytes. No build path reaches the binary
# (prefix maps, no debug info, stripped); the archive's dates are the commit's
# (SOURCE_DATE_EPOCH), its owners 0, its order sorted, and gzip stores no name or time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

out=dist
run_tests=1
allow_dirty=0
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=${2:?--out needs a folder}; shift ;;
    --skip-tests) run_tests=0 ;;
    --allow-dirty) allow_dirty=1 ;;
    *) echo "usage: $0 [--out DIR] [--skip-tests] [--allow-dirty]" >&2; exit 2 ;;
  esac
  shift
done

commit=$(git rev-parse HEAD)
if [ -n "$(git status --porcelain --untracked-files=normal)" ]; then
  if [ $allow_dirty = 0 ]; then
    echo "release: the working tree has uncommitted changes; commit them, or pass --allow-dirty" >&2
    git status --short >&2
    exit 2
  fi
  commit="$commit-dirty"
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct HEAD)}

# libcmark, libyaml and zlib (ZIPFoundation's, for `import` of .xlsx) are linked from their
# static archives: SwiftPM links system libraries with the flags pkg-config gives, so a .pc file
# whose libdir holds only the .a (no .so) makes `-lcmark`, `-lyaml` and `-lz` link them in. (libcmark's soname changes with every cmark release.)
scratch=$root/.build/dist
static_libs=$scratch/static-c-libs
mkdir -p "$static_libs"
for package in libcmark:cmark yaml-0.1:yaml zlib:z; do
  pc=${package%%:*} lib=lib${package#*:}.a
  libdir=$(pkg-config --variable=libdir "$pc")
  if [ ! -f "$libdir/$lib" ]; then
    echo "release: $libdir/$lib is missing (scripts/install-deps.sh installs libcmark-dev, libyaml-dev and zlib1g-dev)" >&2
    exit 2
  fi
  ln -sf "$libdir/$lib" "$static_libs/$lib"
  sed "s|^libdir=.*|libdir=$static_libs|" "$(pkg-config --variable=pcfiledir "$pc")/$pc.pc" >"$static_libs/$pc.pc"
done
export PKG_CONFIG_PATH=$static_libs

build=(
  swift build -c release --product casebook --scratch-path "$scratch"
  --static-swift-stdlib -debug-info-format none
  -Xswiftc -file-prefix-map -Xswiftc "$root=."
  -Xcc "-ffile-prefix-map=$root=."
  -Xcc "-DCASEBOOK_COMMIT=$commit"
)
echo "== building casebook at $commit (several minutes) ==" >&2
"${build[@]}" >&2
binary=$("${build[@]}" --show-bin-path)/casebook

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
strip --strip-all -o "$stage/casebook" "$binary"
version_line=$("$stage/casebook" --version)
version=${version_line%% *}
if [ "$version_line" != "$version (commit $commit)" ]; then
  echo "release: the binary says '$version_line', not version $version at commit $commit" >&2
  exit 1
fi

name=casebook-$version-linux-x86_64
dir=$stage/$name
mkdir -p "$dir/bin" "$dir/share/bash-completion/completions" "$dir/share/zsh/site-functions" \
  "$dir/share/fish/vendor_completions.d"
mv "$stage/casebook" "$dir/bin/casebook"
cp README.md CHANGELOG.md "$dir/"
if [ -f LICENSE ]; then cp LICENSE "$dir/"; fi
"$dir/bin/casebook" --generate-completion-script bash >"$dir/share/bash-completion/completions/casebook"
"$dir/bin/casebook" --generate-completion-script zsh >"$dir/share/zsh/site-functions/_casebook"
"$dir/bin/casebook" --generate-completion-script fish >"$dir/share/fish/vendor_completions.d/casebook.fish"
# The man page, by swift-argument-parser's generate-manual plugin from the same commands (it
# builds the package in debug and reads the program's own help; the date is the commit's).
mkdir -p "$dir/share/man/man1"
swift package plugin generate-manual --configuration debug \
  --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" >&2
cp .build/plugins/GenerateManual/outputs/casebook/casebook.1 "$dir/share/man/man1/casebook.1"
find "$dir" -type d -exec chmod 0755 {} +
find "$dir" -type f -exec chmod 0644 {} +
chmod 0755 "$dir/bin/casebook"

mkdir -p "$out"
archive=$out/$name.tar.gz
tar --create --directory "$stage" --sort=name --format=gnu --mtime="@$SOURCE_DATE_EPOCH" \
  --owner=0 --group=0 --numeric-owner "$name" | gzip -9 -n >"$archive.partial"
mv "$archive.partial" "$archive"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
cp install.sh "$out/install.sh"
echo "== wrote $archive ($(du -k "$archive" | cut -f1) KiB; binary $(du -k "$dir/bin/casebook" | cut -f1) KiB) ==" >&2

if [ $run_tests = 1 ]; then
  echo "== the release archive on its own ==" >&2
  scripts/release-smoke.sh "$archive" >&2
  echo "== the tests that run the casebook program, against the release binary ==" >&2
  # They run `casebook` from CASEBOOK_PRODUCTS_DIR (Tests/TestSupport/PackagePaths.swift). The
  # other suites call the modules in-process, which `swift test` has already tested.
  suites=$(grep -l -E 'CasebookCLI\.run|PackagePaths\.casebook' Tests/*/*.swift \
    | xargs sed -n -E 's/^(@Suite.*)?(struct|final class) ([A-Za-z0-9_]+Tests) .*/\3/p' | sort -u | paste -sd'|')
  [ -n "$suites" ] || { echo "release: found no test suite that runs the casebook program" >&2; exit 1; }
  mkdir "$stage/extracted"
  tar -xzf "$archive" -C "$stage/extracted"
  swift build --build-tests >&2
  CASEBOOK_PRODUCTS_DIR="$stage/extracted/$name/bin" swift test --skip-build --filter "$suites" >&2
fi
echo "$archive"
