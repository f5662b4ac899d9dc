#!/usr/bin/env bash
# The audit benchmark: Herald against the reference script (../shared/bench/ref_audit.py), side by side, and
# the cost of writing every report format against a JSON-only audit.
#
#   Scripts/benchmark.sh [ACCOUNTS] [RUNS]        (defaults: 100000 accounts, 5 runs each)
#
# Generates a synthetic inventory once (kept in .build/bench-ACCOUNTS), builds herald in release mode, warms
# the page cache, then alternates three commands RUNS times -- `herald audit --format json`, `herald audit`
# (every report) and the reference -- and prints each run's wall time and peak memory, and the medians.
# Herald runs inside the data folder with `--inventory Inventory`, as the nightly job runs at the top of the
# repository (report paths are `Inventory/...`). Speed is measured here, never in the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-100000}
runs=${2:-5}
data=.build/bench-$accounts
reference=${REFERENCE:-../shared/bench/ref_audit.py}

if [ ! -f "$data/Inventory/herald.yaml" ]; then
  python3 Scripts/generate-inventory.py "$data" --accounts "$accounts" --force > /dev/null
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
results=$(mktemp)
for run in $(seq "$runs"); do
  (cd "$data" && measure json "$herald" audit --inventory Inventory --output Reports --as-of 2026-11-24 --format json) >> "$results"
  (cd "$data" && measure all "$herald" audit --inventory Inventory --output Reports --as-of 2026-11-24) >> "$results"
  if [ -f "$reference" ]; then measure reference python3 "$reference" "$data" >> "$results"; fi
done
cat "$results"
python3 - "$results" "$accounts" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
medians = {}
for tool in ("json", "all", "reference"):
    walls = [float(r[1]) for r in rows if r[0] == tool]
    peaks = [int(r[2]) for r in rows if r[0] == tool]
    if walls:
        medians[tool] = statistics.median(walls)
        print(f"{tool}: median {medians[tool]:.2f} s wall, peak {max(peaks) / 1024:.0f} MiB, {len(walls)} runs, {sys.argv[2]} accounts")
if "reference" in medians:
    print(f"herald (JSON only) is {medians['reference'] / medians['json']:.1f}x faster than the reference")
print(f"every report format adds {100 * (medians['all'] / medians['json'] - 1):.0f}% to a JSON-only audit")
PY
rm -f "$results"
