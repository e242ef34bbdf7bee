#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (scenario/snapshot loader, CLI arguments); non-zero on any crash, leak or UB.
#
# Usage: tools/fuzz.sh            1,000,000 runs of each target
#        tools/fuzz.sh N          N runs of each target
#        tools/fuzz.sh Ns         N seconds of each target (e.g. 600s)
#        tools/fuzz.sh --ci       60 seconds of each target (CI)
# Environment: BUILD_DIR (default build-fuzz), CXX (default clang++-14), JOBS (default 2).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
cxx="${CXX:-clang++-14}"
jobs="${JOBS:-2}"

budget=(-runs=1000000)
case "${1:-}" in
  "") ;;
  --ci) budget=(-max_total_time=60) ;;
  *s) [[ "${1%s}" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: expected N, Ns or --ci, got '$1'" >&2; exit 2; }
      budget=(-max_total_time="${1%s}") ;;
  *) [[ "$1" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: expected N, Ns or --ci, got '$1'" >&2; exit 2; }
     budget=(-runs="$1") ;;
esac

command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx not found (apt-get install -y clang-14 libclang-rt-14-dev)" >&2; exit 2; }

# RelWithDebInfo without -DNDEBUG: optimised enough to fuzz fast, asserts still fire.
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g" -DTSUNAGARI_FUZZ=ON -DTSUNAGARI_GUI=OFF -DTSUNAGARI_TESTS=OFF >/dev/null || exit 2
cmake --build "$build" --target fuzz_scenario fuzz_cli_args -j "$jobs" || exit 2

mkdir -p "$build/artifacts" "$build/logs"
work="$(mktemp -d "${TMPDIR:-/tmp}/tsunagari-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Leaks count as failures; UB aborts (the targets are built with -fno-sanitize-recover).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

status=0
# run TARGET MAX_LEN DICT SEED_DIR...: the first corpus dir (a fresh temp dir) receives new inputs;
# the seed dirs are only read, so nothing is copied into or written to the source tree.
run() {
  local target="$1" maxlen="$2" dict="$3"
  shift 3
  local corpus="$work/$target" log="$build/logs/$target.log"
  mkdir -p "$corpus"
  echo "== $target ${budget[*]} -max_len=$maxlen (log: $log)"
  local start=$SECONDS
  "$build/fuzz/$target" "${budget[@]}" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 -dict="$dict" \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$corpus" "$@" >"$log" 2>&1
  local rc=$?
  local secs=$((SECONDS - start))
  local execs rate
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  echo "   $target: exit $rc, ${execs:-?} executions, ${rate:-?} exec/s, ${secs}s, corpus $(ls "$corpus" | wc -l) new inputs"
  if [[ $rc -ne 0 ]]; then
    status=1
    grep -E "ERROR: |SUMMARY: |runtime error|contract broken|Test unit written" "$log" | head -20
  fi
}

run fuzz_scenario 16384 "$root/fuzz/scenario.dict" "$root/scenarios" "$root/tests/malformed"
run fuzz_cli_args 1024 "$root/fuzz/cli_args.dict" "$root/fuzz/corpus_cli"

if [[ $status -ne 0 ]]; then
  echo "fuzz.sh: FAILED (crash inputs in $build/artifacts/)" >&2
else
  echo "fuzz.sh: no crashes, leaks or sanitizer reports"
fi
exit $status
