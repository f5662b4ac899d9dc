#!/usr/bin/env bash
# Checks a release tarball as a machine without the source tree and without Swift would use it.
#
#   Scripts/check-release.sh TARBALL
#
# Verifies the SHA-256 sum, unpacks into a fresh folder outside the repository, checks that the binary
# needs no Swift library (ldd), then runs the packaged herald, with only the system's PATH, on a copy of
# the shipped inventory: the audit must give exit 1 (the shipped inventory fails on purpose) and reports
# that `herald validate-report` accepts. Also checks the man pages, the completions and the verbose version.
set -euo pipefail
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repository=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-release: $*" >&2; exit 1; }

(cd "$(dirname "$tarball")" && sha256sum --check --strict --quiet "$(basename "$tarball").sha256") || fail "the SHA-256 sum does not match"
tar -xzf "$tarball" -C "$work"
package=$(ls -d "$work"/herald-*/)
herald="$package/bin/herald"
if ldd "$herald" | grep -q 'libswift\|libFoundation\|libdispatch'; then fail "the binary needs Swift's shared libraries: $(ldd "$herald" | grep swift)"; fi
for page in herald.1 herald.audit.1 herald.check.1 herald.schema.1; do
  grep -q "^\.Dt" "$package/share/man/man1/$page" || fail "no man page $page"
done
bash -n "$package/share/bash-completion/completions/herald" || fail "the bash completion does not parse"
grep -q '_herald' "$package/share/zsh/site-functions/_herald" || fail "no zsh completion"
grep -q '^complete -c .herald' "$package/share/fish/vendor_completions.d/herald.fish" || fail "no fish completion"
[ -s "$package/LICENSE" ] && [ -s "$package/README.txt" ] || fail "no LICENSE or README.txt"

# A folder without the source tree: the shipped inventory alone, and a PATH without the toolchain.
cp -R "$repository/Inventory" "$work/Inventory"
cd "$work"
run() { env -i PATH=/usr/bin:/bin HOME="$work" "$herald" "$@"; }
run --version --verbose | grep -q '^commit: [0-9a-f]\{40\}' || fail "--version --verbose names no commit: $(run --version --verbose)"
status=0
run audit --as-of 2026-11-24 > audit.txt || status=$?
[ "$status" = 1 ] || { cat audit.txt; fail "the audit of the shipped inventory exited $status, not 1"; }
for report in report.json report.xml junit.xml report.sarif checkstyle.xml codequality.json report.html; do
  [ -s "Reports/$report" ] || fail "no Reports/$report"
done
run validate-report Reports/report.xml > /dev/null || fail "validate-report rejects the packaged binary's report.xml"
status=0
(cd Inventory/accounts/fire && run check --as-of 2026-11-24 . > "$work/check.txt") || status=$?
[ "$status" = 1 ] && grep -q '^\.\./\.\./accounts/fire/' check.txt || fail "herald check . inside a unit folder exited $status: $(cat check.txt)"
echo "check-release: $(basename "$tarball") runs without the source tree: $(head -2 audit.txt | tail -1)"
