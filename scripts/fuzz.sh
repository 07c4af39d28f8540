#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer (docs/robustness.md): builds the targets
# (build preset fuzz: the fuzz targets in the clang tree of preset sanitize, ASan + UBSan), then
# runs each for a bounded time on a working corpus seeded from fuzz/corpus/. A crash, a
# sanitizer report, an escaped exception other than wijkatlas::error, a hang (10 s on one input)
# or 2 GB of memory fails the step and leaves the input in build/sanitize/fuzz/artifacts/<case>/;
# add it to fuzz/regressions/<case>/ with the fix.
#
#   bash scripts/fuzz.sh                     # every case, 20 s each (about 3 minutes in all)
#   bash scripts/fuzz.sh 3600 map_definition # one case for an hour
#   FUZZ_JOBS=2 bash scripts/fuzz.sh 600     # two processes per case
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-20}"
shift || true
cases=("$@")
if [ "${#cases[@]}" -eq 0 ]; then
  cases=(sheet_payload map_definition programme csv_points indicators registry drawing serve_request)
fi
parallel=()
# libFuzzer's jobs mode writes fuzz-N.log into the current directory.
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then parallel=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi

data_dir="${WIJKATLAS_DATA_DIR:-$(cd .. && pwd)/shared/datasets}"
cmake --preset sanitize -DWIJKATLAS_DATA_DIR="$data_dir" >/dev/null
cmake --build --preset fuzz

# GDAL's, fontconfig's and Pango's process-wide caches are not leaks of ours.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1"

out="build/sanitize/fuzz"
failed=()
for name in "${cases[@]}"; do
  work="$out/corpus/$name"
  artifacts="$out/artifacts/$name/"
  log="$out/$name.log"
  mkdir -p "$work" "$artifacts"
  echo "fuzz: $name for ${seconds} s"
  # New inputs go to the working corpus (the first directory); the seeds stay as they are.
  if "$out/fuzz_$name" "$work" "fuzz/corpus/$name" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 "${parallel[@]}" \
      -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$log" | tail -1 || true
  else
    echo "fuzz: $name FAILED; input(s) in $artifacts, log in $log"
    grep -E "ERROR|SUMMARY|terminate|does not|Test unit written" "$log" | head -20 || true
    failed+=("$name")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: ${#cases[@]} cases, ${seconds} s each, nothing found"
