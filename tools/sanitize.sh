#!/usr/bin/env bash
# Builds the core, CLI and tests with ASan+UBSan (build-asan) and runs ctest; non-zero on any failure or sanitizer report.
#
# Usage: tools/sanitize.sh [extra ctest arguments, e.g. -R snapshot]
# Environment: BUILD_DIR (default build-asan), JOBS (default 2).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-asan}"
jobs="${JOBS:-2}"

# RelWithDebInfo: sanitizer reports carry file:line, and the lesson tests stay fast enough.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTSUNAGARI_SANITIZE=ON -DTSUNAGARI_GUI=OFF \
  -DTSUNAGARI_TESTS=ON >/dev/null || exit 2
cmake --build "$build" -j "$jobs" || exit 2

# The build uses -fno-sanitize-recover=all, so any UB report also fails its test.
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

log="$build/ctest.log"
ctest --test-dir "$build" -j "$jobs" --output-on-failure --timeout 1800 "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# A sanitizer report inside a test that still exited 0 (e.g. in a child process whose status was ignored)
# is a failure too.
if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" "$log"; then
  echo "sanitize.sh: sanitizer report found in $log" >&2
  grep -nE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY:" "$log" | head -20 >&2
  rc=1
fi
[[ $rc -eq 0 ]] && echo "sanitize.sh: all tests passed with ASan+UBSan" || echo "sanitize.sh: FAILED" >&2
exit $rc
