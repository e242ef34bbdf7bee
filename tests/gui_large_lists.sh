#!/usr/bin/env bash
# The window under Xvfb with draw lists beyond 16-bit indices (issue 11 item 2): a valid
# scenario of 900 cohorts runs and draws, and a broken file whose error line is about 17,000
# characters shows its error; neither aborts on ImGui's 64K-vertex assertion.
# Usage: gui_large_lists.sh PATH/tsunagari SCRATCH_DIR   (run from the repository root)
set -u
GUI=${1:?path of tsunagari}
DIR=${2:?scratch directory}
mkdir -p "$DIR"
failures=0
fail() { echo "gui_large_lists: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "gui_large_lists: ok: $*"; }
xrun() { xvfb-run -a -s "-screen 0 1600x900x24" "$GUI" "$@"; }

python3 - "$DIR" <<'PY'
import json, sys
d = sys.argv[1]
kinds = ["average", "hard_seller", "gratitude_giver", "slow_trust_builder"]
calendar = [{"name": "mixer", "kind": "mixer", "first_day": 0, "every_days": 1, "rounds": 4, "group_size": 4,
             "hours": 2.0, "attendance": 1.0}]
doc = {"title": {"en": "900 cohorts", "ja": "900のコホート"}, "description": {"en": "x", "ja": "x"}, "seed": 1,
       "events": 3, "population": [{"archetype": kinds[i % 4], "label": "cohort %d" % i, "count": 2} for i in range(900)],
       "calendar": calendar}
json.dump(doc, open(d + "/cohorts900.json", "w"))
# A valid file but for one archetype: the error line quotes its 17,000-character name.
doc["population"] = [{"archetype": "x" * 17000, "count": 1}]
json.dump(doc, open(d + "/long_error.json", "w"))
PY

for panel in setup files inspector; do
    name="cohorts900_$panel"
    xrun "$DIR/cohorts900.json" --screenshot "$DIR/$name.png" --events 3 --panel "$panel" >"$DIR/$name.out" 2>"$DIR/$name.err"
    rc=$?
    if [ $rc -eq 0 ] && [ -s "$DIR/$name.png" ] && grep -q "^events=3 " "$DIR/$name.out"; then pass "900 cohorts drawn (panel $panel)"
    else fail "900 cohorts (panel $panel): exit $rc: $(head -c 300 "$DIR/$name.err")"; fi
done

xrun "$DIR/long_error.json" --screenshot "$DIR/long_error.png" --events 1 >/dev/null 2>"$DIR/long_error.err"; rc=$?
if [ $rc -eq 1 ] && [ -s "$DIR/long_error.png" ] && grep -q "long_error.json" "$DIR/long_error.err"
then pass "17,000-character error line shown (exit 1, window drawn)"
else fail "long error line: exit $rc: $(head -c 300 "$DIR/long_error.err")"; fi

if [ $failures -gt 0 ]; then echo "gui_large_lists: $failures failure(s)" >&2; exit 1; fi
echo "gui_large_lists: all passed"
