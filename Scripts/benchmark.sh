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
# repository (report paths are `Inventory/...`). Speed is measured here, never in the tests.
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

find "$data/Inventory" -type f -exec cat {} + > /dev/null   # warm the page cache
folders=("$data"/Inventory/accounts/*)
unit=$(basename "${folders[0]}")   # the folder `herald check` is given
results=$(mktemp)
for run in $(seq "$runs"); do
  (cd "$data" && measure json "$herald" audit --inventory Inventory --output Reports --as-of 2026-11-24 --format json) >> "$results"
  (cd "$data" && measure all "$herald" audit --inventory Inventory --output Reports --as-of 2026-11-24) >> "$results"
  (cd "$data" && measure check "$herald" check --inventory Inventory --as-of 2026-11-24 "Inventory/accounts/$unit") >> "$results"
  if [ -f "$reference" ]; then measure reference python3 "$reference" "$data" >> "$results"; fi
done
cat "$results"
python3 - "$results" "$accounts" "$shape" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
medians = {}
for tool in ("json", "all", "check", "reference"):
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
PY
ls -l "$data/Reports" | awk 'NR > 1 { printf "%s %.1f MB\n", $9, $5 / 1e6 }'
rm -f "$results"
