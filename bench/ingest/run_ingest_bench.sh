#!/usr/bin/env bash
# Ingest benchmark (issue 4): wall time and peak memory of reading a simulated 12 MP and 24 MP
# phone photo of an A3 sheet with 20 drawn marks. Results go to docs/ingest.md by hand.
#   bash bench/ingest/run_ingest_bench.sh [build-dir]
set -euo pipefail
build=${1:-build/release}
tool="$build/bench/ingest/bench_ingest"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$tool" make "$out" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for photo in "$out"/photo_12mp.jpg "$out"/photo_24mp.jpg; do
  # Warm runs in one process (median of 5), then one cold process under /usr/bin/time for peak RSS.
  "$tool" read "$photo" 5
  /usr/bin/time -v "$tool" read "$photo" 1 2>"$out/time.txt" >/dev/null
  echo "  one process: wall $(grep 'Elapsed (wall' "$out/time.txt" | awk '{print $NF}'), peak RSS $(grep 'Maximum resident' "$out/time.txt" | awk '{print $NF}') kB"
done
