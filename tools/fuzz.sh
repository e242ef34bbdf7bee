#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (scenario/snapshot loader, CLI arguments, structure-aware
# hostile scenarios, and the loader again on long inputs); non-zero on any crash, leak or UB.
#
# Usage: tools/fuzz.sh            1,000,000 runs of each byte-level target (hostile ones: 600 s, 300 s long)
#        tools/fuzz.sh N          N runs of each byte-level target (likewise)
#        tools/fuzz.sh Ns         N seconds of each target (e.g. 600s)
#        tools/fuzz.sh --ci       60 seconds of each byte-level target, 45 s structure-aware, 30 s long inputs (CI)
# Environment: BUILD_DIR (default build-fuzz), CXX (default clang++-14), JOBS (default 2).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
cxx="${CXX:-clang++-14}"
jobs="${JOBS:-2}"

budget=(-runs=1000000)
# Hostile inputs run slower (megabytes each), so CI gives them their own bounded time.
structured_budget=(-max_total_time=600) long_budget=(-max_total_time=300)
case "${1:-}" in
  "") ;;
  --ci) budget=(-max_total_time=60) structured_budget=(-max_total_time=45) long_budget=(-max_total_time=30) ;;
  *s) [[ "${1%s}" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: expected N, Ns or --ci, got '$1'" >&2; exit 2; }
      budget=(-max_total_time="${1%s}") structured_budget=("${budget[@]}") long_budget=("${budget[@]}") ;;
  *) [[ "$1" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: expected N, Ns or --ci, got '$1'" >&2; exit 2; }
     budget=(-runs="$1") ;;
esac

command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx not found (apt-get install -y clang-14 libclang-rt-14-dev)" >&2; exit 2; }

# RelWithDebInfo without -DNDEBUG: optimised enough to fuzz fast, asserts still fire.
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g" -DTSUNAGARI_FUZZ=ON -DTSUNAGARI_GUI=OFF -DTSUNAGARI_TESTS=OFF >/dev/null || exit 2
cmake --build "$build" --target fuzz_scenario fuzz_cli_args fuzz_scenario_structured -j "$jobs" || exit 2

mkdir -p "$build/artifacts" "$build/logs"
work="$(mktemp -d "${TMPDIR:-/tmp}/tsunagari-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Leaks count as failures; UB aborts (the targets are built with -fno-sanitize-recover).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

status=0
# run TARGET MAX_LEN DICT SEED_DIR...: the first corpus dir (a fresh temp dir) receives new inputs;
# the seed dirs are only read, so nothing is copied into or written to the source tree.
# NAME (default: the target) names the log and corpus; BUDGET (default: budget) overrides the length;
# EXTRA adds one libFuzzer flag.
run() {
  local target="$1" maxlen="$2" dict="$3"
  shift 3
  local name="${NAME:-$target}"
  local corpus="$work/$name" log="$build/logs/$name.log"
  local -a this_budget=("${budget[@]}")
  [[ -n "${BUDGET:-}" ]] && this_budget=("$BUDGET")
  mkdir -p "$corpus"
  echo "== $name ${this_budget[*]} -max_len=$maxlen (log: $log)"
  local start=$SECONDS
  "$build/fuzz/$target" "${this_budget[@]}" ${EXTRA:-} -max_len="$maxlen" -timeout=20 -rss_limit_mb=2048 -dict="$dict" \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$corpus" "$@" >"$log" 2>&1
  local rc=$?
  local secs=$((SECONDS - start))
  local execs rate
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  echo "   $name: exit $rc, ${execs:-?} executions, ${rate:-?} exec/s, ${secs}s, corpus $(ls "$corpus" | wc -l) new inputs"
  if [[ $rc -ne 0 ]]; then
    status=1
    grep -E "ERROR: |SUMMARY: |runtime error|contract broken|Test unit written" "$log" | head -20
  fi
}

run fuzz_scenario 16384 "$root/fuzz/scenario.dict" "$root/scenarios" "$root/tests/malformed"
run fuzz_cli_args 1024 "$root/fuzz/cli_args.dict" "$root/fuzz/corpus_cli"
# Recipes, not text: a few hundred bytes of input build megabyte scenarios and --set settings.
# Whole recipes from the start (-len_control=0): short ones only build small scenarios.
EXTRA=-len_control=0 BUDGET="${structured_budget[*]}" run fuzz_scenario_structured 512 "$root/fuzz/scenario.dict"
# The loader on inputs beyond the 16 KB cap, from seeds generated here (deep, wide, long, duplicated).
python3 "$root/tools/fuzz_long_corpus.py" "$work/long-seeds" || exit 2
NAME=fuzz_scenario_long BUDGET="${long_budget[*]}" run fuzz_scenario 1048576 "$root/fuzz/scenario.dict" "$work/long-seeds"

if [[ $status -ne 0 ]]; then
  echo "fuzz.sh: FAILED (crash inputs in $build/artifacts/)" >&2
else
  echo "fuzz.sh: no crashes, leaks or sanitizer reports"
fi
exit $status
