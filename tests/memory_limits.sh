#!/usr/bin/env bash
# Process limits (issue 11 item 13): under `ulimit -v` the memory check names the address-space
# limit; an endless input (/dev/zero) as a scenario or a snapshot is refused with one line; an
# allocation that fails part-way becomes one "out of memory" line, never an abort.
# Usage: memory_limits.sh PATH/tsunagari-cli SCRATCH_DIR
set -u
CLI=${1:?path of tsunagari-cli}
DIR=${2:?scratch directory}
mkdir -p "$DIR"
failures=0
fail() { echo "memory_limits: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "memory_limits: ok: $*"; }

# AddressSanitizer reserves terabytes of address space: ulimit -v cannot apply to it.
if ldd "$CLI" 2>/dev/null | grep -q libasan; then echo "memory_limits: skipped (sanitizer build)"; exit 0; fi

# Runs the CLI with an address-space limit (KB); exit status in $rc, stderr in $DIR/err.
limited() {
    local kb=$1; shift
    (ulimit -v "$kb"; exec "$CLI" "$@") >"$DIR/out" 2>"$DIR/err"
    rc=$?
}
one_line() { [ "$(wc -l <"$DIR/err")" -eq 1 ]; }

# 1. A million attendees cannot fit in 2 GB of address space: refused up front, naming the limit.
cat >"$DIR/million.json" <<'JSON'
{"title": {"en": "A million", "ja": "百万"}, "description": {"en": "x", "ja": "x"}, "seed": 1, "events": 10,
 "population": [{"archetype": "average", "count": 1000000}],
 "calendar": [{"name": "mixer", "kind": "mixer", "first_day": 0, "every_days": 1, "rounds": 4, "group_size": 4,
               "hours": 2.0, "attendance": 1.0}]}
JSON
limited 2000000 run "$DIR/million.json" --out "$DIR/million_out" --quiet
if [ $rc -eq 2 ] && one_line && grep -q "million.json: needs about .* the address-space limit (ulimit -v) leaves" "$DIR/err"
then pass "1M attendees under ulimit -v 2000000 refused: $(cat "$DIR/err")"
else fail "1M attendees under ulimit -v: exit $rc: $(head -c 300 "$DIR/err")"; fi

# 2. /dev/zero as a scenario (validate and run) and as a snapshot: one line each, no growth to bad_alloc.
for args in "validate /dev/zero" "run /dev/zero --out $DIR/zero_out" "run --resume /dev/zero --out $DIR/zero_out"; do
    # shellcheck disable=SC2086
    limited 4000000 $args
    if [ $rc -eq 2 ] && one_line && grep -q "/dev/zero: cannot read: more than " "$DIR/err"
    then pass "$args refused: $(cat "$DIR/err")"
    else fail "$args: exit $rc: $(head -c 300 "$DIR/err")"; fi
done

# 2b. A regular file beyond the cap is refused from its size, before any of it is read.
truncate -s 300M "$DIR/sparse.json"
limited 4000000 validate "$DIR/sparse.json"
if [ $rc -eq 2 ] && one_line && grep -q "sparse.json: cannot read: more than 64 MB" "$DIR/err"
then pass "300 MB file refused: $(cat "$DIR/err")"
else fail "300 MB file: exit $rc: $(head -c 300 "$DIR/err")"; fi
rm -f "$DIR/sparse.json"

# 3. A valid-looking file whose parse needs more than the limit: one "out of memory" line, exit 1.
python3 -c "
import sys
sys.stdout.write('{\"title\": [' + '0,' * 12000000 + '0]}')" >"$DIR/wide.json"
limited 400000 validate "$DIR/wide.json"
if [ $rc -eq 1 ] && one_line && grep -q "^tsunagari-cli validate: $DIR/wide.json: out of memory (" "$DIR/err"
then pass "allocation failure reported: $(cat "$DIR/err")"
else fail "allocation failure: exit $rc: $(head -c 300 "$DIR/err")"; fi

if [ $failures -gt 0 ]; then echo "memory_limits: $failures failure(s)" >&2; exit 1; fi
echo "memory_limits: all passed"
