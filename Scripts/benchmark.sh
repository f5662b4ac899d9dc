#!/usr/bin/env bash
# The audit benchmark: Herald against the reference script (../shared/bench/ref_audit.py), side by side, and
# the cost of writing every report format against a JSON-only audit.
#
#   Scripts/benchmark.sh [ACCOUNTS] [RUNS] [SHAPE]   (defaults: 100000 accounts, 5 runs each, ordinary)
#
# SHAPE is the generator's --shape: ordinary (about 6% of accounts failing), messy (2 to 3 findings per
# account) or adoption (every account missing the governance fields, 6 to 7 findings each).
# Generates a synthetic inventory once (kept in .build/bench-ACCOUNTS, or .build/bench-ACCOUNTS-SHAPE),
# builds herald in release mode, warms the page cache, then alternates four commands RUNS times --
# `herald audit --format json`, `herald audit` (every report), `herald check` of one unit's folder and the
# reference -- and prints each run's wall time and peak memory, the medians, and the size of each report.
# Herald runs inside the data folder with `--inventory Inventory`, as the nightly job runs at the top of the
# repository (report paths are `Inventory/...`). Each kind of audit writes a folder of its own (JSON only
# into Reports-json, every report into Reports), as a nightly job of that kind does run after run: in one
# shared folder, a JSON-only audit would carry over the other run's 17,000 action lists, and an audit with
# every report would find a previous set of another kind. Speed is measured here, never in the tests.
#
# With GIT=1, the data folder is also made a git repository (once): the registry committed on `main`, then
# three commits that each change a third of the account files with a `Reviewed-by:` trailer (a few commits
# per account), and a working-tree change that marks one person as having left. Two more commands join the
# alternation: `herald check --changed-since main` (the pull-request check) and
# `herald audit --format json --git` (the history pass).
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-100000}
runs=${2:-5}
shape=${3:-ordinary}
data=.build/bench-$accounts
[ "$shape" = ordinary ] || data=$data-$shape
reference=${REFERENCE:-../shared/bench/ref_audit.py}

if [ ! -f "$data/Inventory/herald.yaml" ]; then
  python3 Scripts/generate-inventory.py "$data" --accounts "$accounts" --shape "$shape" --force > /dev/null
fi
swift build -c release --product herald > /dev/null
herald=$(swift build -c release --show-bin-path)/herald
reference=$(cd "$(dirname "$reference")" 2>/dev/null && pwd)/$(basename "$reference")

measure() { # label, command...: appends "label wall_s peak_kb"
  local label=$1; shift
  local timing
  timing=$(mktemp)
  /usr/bin/time -o "$timing" -f "%e %M" "$@" > /dev/null 2>&1 || true
  echo "$label $(tail -1 "$timing")"
  rm -f "$timing"
}

if [ "${GIT:-0}" = 1 ] && [ ! -d "$data/.git" ]; then
  (
    cd "$data"
    export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@fairhaven.gov GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@fairhaven.gov
    git init -q -b main && git add -A Inventory && GIT_COMMITTER_DATE=2026-01-05T10:00:00Z git commit -q -m "The registry"
    for part in 0 1 2; do
      find Inventory/accounts -name '*.yaml' | sort | awk -v part="$part" 'NR % 3 == part' | while read -r file; do echo "# reviewed $part" >> "$file"; done
      git add -A Inventory
      GIT_COMMITTER_DATE=2026-0$((part + 6))-01T10:00:00Z git commit -q -m "Review round $part" -m "Reviewed-by: Bench <bench@fairhaven.gov>"
    done
    sed -i '0,/policy_acknowledged/s/, policy_acknowledged/, active: false, policy_acknowledged/' Inventory/people.yaml
  ) > /dev/null
fi
find "$data/Inventory" -type f -exec cat {} + > /dev/null   # warm the page cache
folders=("$data"/Inventory/accounts/*)
unit=$(basename "${folders[0]}")   # the folder `herald check` is given
results=$(mktemp)
for run in $(seq "$runs"); do
  (cd "$data" && measure json "$herald" audit --inventory Inventory --output Reports-json --as-of 2026-11-24 --format json) >> "$results"
  (cd "$data" && measure all "$herald" audit --inventory Inventory --output Reports --as-of 2026-11-24) >> "$results"
  (cd "$data" && measure check "$herald" check --inventory Inventory --as-of 2026-11-24 "Inventory/accounts/$unit") >> "$results"
  if [ "${GIT:-0}" = 1 ]; then
    (cd "$data" && measure changed-since "$herald" check --inventory Inventory --as-of 2026-11-24 --changed-since main) >> "$results"
    (cd "$data" && measure git-history "$herald" audit --inventory Inventory --output Reports-json --as-of 2026-11-24 --format json --git) >> "$results"
  fi
  if [ -f "$reference" ]; then measure reference python3 "$reference" "$data" >> "$results"; fi
done
cat "$results"
python3 - "$results" "$accounts" "$shape" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
medians = {}
for tool in ("json", "all", "check", "changed-since", "git-history", "reference"):
    walls = [float(r[1]) for r in rows if r[0] == tool]
    peaks = [int(r[2]) for r in rows if r[0] == tool]
    if walls:
        medians[tool] = statistics.median(walls)
        print(f"{tool}: median {medians[tool]:.2f} s wall, peak {max(peaks) / 1024:.0f} MiB, {len(walls)} runs, {sys.argv[2]} accounts, {sys.argv[3]}")
if "reference" in medians:
    print(f"herald (JSON only) is {medians['reference'] / medians['json']:.1f}x faster than the reference")
print(f"herald (every report) is {medians['reference'] / medians['all']:.1f}x faster than the reference" if "reference" in medians else "")
print(f"every report format adds {100 * (medians['all'] / medians['json'] - 1):.0f}% to a JSON-only audit")
print(f"herald check of one folder takes {medians['check'] / medians['json']:.2f}x a JSON-only audit")
if "changed-since" in medians:
    print(f"the pull-request check (--changed-since) takes {medians['changed-since'] / medians['check']:.2f}x a plain herald check")
    print(f"--git adds {medians['git-history'] - medians['json']:.2f} s to a JSON-only audit")
PY
ls -l "$data/Reports" | awk 'NR > 1 { printf "%s %.1f MB\n", $9, $5 / 1e6 }'
rm -f "$results"
