#!/usr/bin/env bash
# Builds Herald's release tarball for the platform it runs on, for machines without a Swift toolchain.
#
#   Scripts/release.sh [OUTPUT]      (default: .build/dist)
#
# Writes OUTPUT/herald-VERSION-OS-ARCH.tar.gz and its .sha256 (sha256sum's format), holding:
#   bin/herald                       release build, Swift's standard library and Foundation linked in
#                                    (--static-swift-stdlib): the machine needs no Swift runtime, only the
#                                    C libraries listed in README.txt (libyaml, libxml2, glibc)
#   share/man/man1/herald*.1         the man pages (swift-argument-parser's generate-manual)
#   share/bash-completion/completions/herald, share/zsh/site-functions/_herald,
#   share/fish/vendor_completions.d/herald.fish      the shell completions (herald --generate-completion-script)
#   LICENSE, licenses/<package>.txt  Herald's licence and those of the packages linked into the binary
#   README.txt                       what to install, and how
# The commit the tarball is built from is written into the binary (herald --version --verbose). The build
# uses its own folder (.build-release), so it never disturbs a developer's .build. The archive itself adds
# nothing that varies (sorted names, fixed times and owners, gzip without a name).
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:-.build/dist}
scratch=.build-release
commit_file=Sources/herald/Resources/build-commit.txt

# safe.directory: a clone owned by another user (a CI checkout) is still this repository.
git=(git -c safe.directory="$PWD")
commit=$("${git[@]}" rev-parse HEAD 2> /dev/null) || { echo "release.sh: not a git checkout: a release names the commit it is built from" >&2; exit 1; }
if [ -n "$("${git[@]}" status --porcelain --untracked-files=no)" ]; then commit="$commit (with uncommitted changes)"; fi
original=$(cat "$commit_file")
trap 'printf "%s\n" "$original" > "$commit_file"' EXIT
printf "%s\n" "$commit" > "$commit_file"

mkdir -p "$scratch"
echo "Building herald (release, static Swift standard library) from $commit"
swift build -c release --product herald --static-swift-stdlib --scratch-path "$scratch" > "$scratch/release.log" 2>&1 \
  || { tail -40 "$scratch/release.log"; echo "release.sh: the build failed (the whole log: $scratch/release.log)" >&2; exit 1; }
binary="$scratch/release/herald"
version=$("$binary" --version)
os=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m)
name="herald-$version-$os-$arch"
stage=$(mktemp -d)
trap 'printf "%s\n" "$original" > "$commit_file"; rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" \
  "$root/share/fish/vendor_completions.d" "$root/licenses"
cp "$binary" "$root/bin/herald"
strip "$root/bin/herald" 2> /dev/null || true

# The man pages: swift-argument-parser's generate-manual (the tool behind its generate-manual plugin,
# built directly so the plugin's build of every product does not relink herald) asks the binary for its
# help and writes one page per command, dated with the commit, not the day of the build.
swift build -c release --product generate-manual --scratch-path "$scratch" >> "$scratch/release.log" 2>&1 \
  || { tail -20 "$scratch/release.log"; echo "release.sh: generate-manual could not be built" >&2; exit 1; }
date=$("${git[@]}" log -1 --format=%cs)
"$scratch/release/generate-manual" "$binary" --multi-page --date "$date" --section 1 --output-directory "$root/share/man/man1" >> "$scratch/release.log" 2>&1 \
  || { tail -20 "$scratch/release.log"; echo "release.sh: the man pages could not be generated" >&2; exit 1; }
"$binary" --generate-completion-script bash > "$root/share/bash-completion/completions/herald"
"$binary" --generate-completion-script zsh > "$root/share/zsh/site-functions/_herald"
"$binary" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/herald.fish"

cp LICENSE "$root/LICENSE"
# Linked into the binary besides the packages: Swift's standard library and runtime (the toolchain's
# licence), and Foundation's copy of ICU (the Unicode licence; Debian's libicu copyright file carries it).
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
cp "$toolchain/share/swift/LICENSE.txt" "$root/licenses/swift.txt"
icu=$(ls /usr/share/doc/libicu*/copyright 2> /dev/null | head -1)
if [ -n "$icu" ]; then cp "$icu" "$root/licenses/icu.txt"; else echo "release.sh: no ICU licence found (install libicu-dev)" >&2; exit 1; fi
for package in "$scratch"/checkouts/*; do
  licence=$(find "$package" -maxdepth 1 -iname 'licen[cs]e*' | sort | head -1)
  [ -n "$licence" ] && cp "$licence" "$root/licenses/$(basename "$package").txt"
done
libraries=$(ldd "$binary" | awk '$1 !~ /^(linux-vdso|\/lib64\/ld-linux)/ { print "  " $1 }' | sort)
cat > "$root/README.txt" <<TEXT
Herald $version for $os on $arch, built from commit $commit.

Herald audits an organisation's registry of official social media accounts (its repository's README says
what it does and how). This build needs no Swift toolchain or runtime; it needs these shared
libraries, which every Debian or Ubuntu system has once libyaml-0-2 and libxml2 are installed
(apt-get install -y libyaml-0-2 libxml2):
$libraries

Install:
  tar -xzf $name.tar.gz
  sudo cp $name/bin/herald /usr/local/bin/       (or put $name/bin on PATH)
  sudo cp $name/share/man/man1/*.1 /usr/local/share/man/man1/
  and the completion of your shell from share/ (bash-completion, zsh site-functions, fish vendor_completions.d).
Check: herald --version --verbose
TEXT

mkdir -p "$output"
tarball="$output/$name.tar.gz"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" | gzip -n -9 > "$tarball"
(cd "$output" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "Wrote $tarball ($(du -h "$tarball" | cut -f1)) and $tarball.sha256"
