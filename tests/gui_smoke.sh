#!/usr/bin/env bash
# Window smoke test under Xvfb: screenshots in English and Japanese are written and not blank,
# the simulation moves, bad flags, broken files and scenarios beyond memory fail cleanly, the
# Files tab (with the snapshot buttons) draws, a --scale 1.5 screenshot draws, and the window's per-group
# figures equal the CLI's summary.json for the same run; play mode draws and plays the CLI's season.
# Usage: gui_smoke.sh PATH/tsunagari PATH/tsunagari-cli SCRATCH_DIR   (run from the repository root)
set -u
GUI=${1:?path of tsunagari}
CLI=${2:?path of tsunagari-cli}
DIR=${3:?scratch directory}
mkdir -p "$DIR"
failures=0
fail() { echo "gui_smoke: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "gui_smoke: ok: $*"; }
xrun() { xvfb-run -a -s "-screen 0 1600x900x24" "$GUI" "$@"; }

# A PNG is "not blank" when it decodes and holds more than 20 distinct colours (stdlib only).
png_colours() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width = 8, b"", 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), "unexpected PNG format"
        bpp = 4 if ctype == 6 else 3
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
colours = set()
for y in range(height):
    f = raw[y * (stride + 1)]
    row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if f == 1:
        for i in range(bpp, stride): row[i] = (row[i] + row[i - bpp]) & 255
    elif f == 2:
        row = bytearray((a + b) & 255 for a, b in zip(row, prev))
    elif f == 3:
        for i in range(stride): row[i] = (row[i] + ((row[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
    elif f == 4:
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:   # every fourth row is plenty to tell a picture from a blank
        colours.update(bytes(row[i:i + 3]) for i in range(0, stride, bpp))
    prev = row
print(len(colours))
PY
}

check_png() {   # name file
    if [ ! -s "$2" ]; then fail "$1: no PNG written"; return; fi
    local n
    n=$(png_colours "$2") || { fail "$1: PNG does not decode"; return; }
    if [ "$n" -gt 20 ]; then pass "$1: $n distinct colours"; else fail "$1: looks blank ($n colours)"; fi
}

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }

# 1. Zero and five events, English; Japanese with the inspector open.
out0=$(xrun --screenshot "$DIR/events0.png" --events 0) || fail "--events 0 exited $?"
out5=$(xrun --screenshot "$DIR/events5.png" --events 5 --summary-out "$DIR/gui_summary.json") || fail "--events 5 exited $?"
outja=$(xrun --screenshot "$DIR/events5_ja.png" --events 5 --lang ja --panel inspector) || fail "--lang ja exited $?"
echo "gui_smoke: $out5"
check_png "English" "$DIR/events5.png"
check_png "Japanese" "$DIR/events5_ja.png"
xrun --screenshot "$DIR/files_ja.png" --events 5 --lang ja --panel files >/dev/null || fail "--panel files exited $?"
check_png "Files tab" "$DIR/files_ja.png"
[ "$(field events "$out5")" = 5 ] || fail "expected events=5, got: $out5"
h0=$(field state_hash "$out0"); h5=$(field state_hash "$out5"); hja=$(field state_hash "$outja")
if [ -n "$h0" ] && [ -n "$h5" ] && [ "$h0" != "$h5" ]; then pass "simulation moved ($h0 -> $h5)"; else fail "state hash did not change: '$h0' '$h5'"; fi
[ "$h5" = "$hja" ] && pass "same run in both languages" || fail "language changed the run: $h5 vs $hja"

# 1b. A projector's UI scale: fonts rebuilt at 1.5 x, the same run.
outsc=$(xrun --screenshot "$DIR/scale15_ja.png" --events 5 --lang ja --scale 1.5 --size 1600x900) || fail "--scale 1.5 exited $?"
check_png "scale 1.5" "$DIR/scale15_ja.png"
[ "$(field state_hash "$outsc")" = "$h5" ] && pass "scale leaves the run alone" || fail "scale changed the run: $outsc"
xrun --scale 9 >/dev/null 2>"$DIR/badscale.err"; rc=$?
if [ $rc -eq 2 ] && grep -q -- "--scale expects" "$DIR/badscale.err"; then pass "bad scale exits 2"; else fail "bad scale exited $rc"; fi

# 2. Bad flags: one line, exit 2.
xrun --events nope >/dev/null 2>"$DIR/badflag.err"; rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$DIR/badflag.err")" -ge 1 ]; then pass "bad flag exits 2"; else fail "bad flag exited $rc"; fi

# 3. A broken scenario: the window shows the error instead of crashing.
printf '{"seed": 1, "population": [ {"archetype": "no_such_type"} ]' >"$DIR/broken.json"
xrun "$DIR/broken.json" --screenshot "$DIR/broken.png" --events 1 >/dev/null 2>"$DIR/broken.err"; rc=$?
if [ $rc -eq 1 ] && [ -s "$DIR/broken.png" ] && grep -q "broken.json" "$DIR/broken.err"; then pass "broken file reported (exit 1, window drawn)"
else fail "broken file: exit $rc"; fi

# 3b. A scenario too big for this machine's memory: refused before building, like a broken file.
avail_kb=$(sed -n 's/^MemAvailable: *\([0-9]*\) kB/\1/p' /proc/meminfo)
if [ -n "$avail_kb" ] && [ "$avail_kb" -lt 60000000 ]; then   # the file below needs about 72 GB
    python3 - "$DIR/huge.json" <<'PY'
import json, sys
s = json.load(open("scenarios/default.json"))
s["population"] = s["population"][:1]
s["population"][0]["count"] = 1000000
json.dump(s, open(sys.argv[1], "w"))
PY
    xrun "$DIR/huge.json" --screenshot "$DIR/huge.png" --events 1 >/dev/null 2>"$DIR/huge.err"; rc=$?
    if [ $rc -eq 1 ] && grep -q "huge.json: needs about" "$DIR/huge.err"; then pass "scenario beyond memory refused (exit 1)"
    else fail "scenario beyond memory: exit $rc: $(head -1 "$DIR/huge.err")"; fi
else
    echo "gui_smoke: skipped the memory check (MemAvailable unknown or over 60 GB)"
fi

# 4. Without the Japanese font the window still runs (default font, one-line notice).
outnf=$(TSUNAGARI_FONT=/nonexistent/font.ttf xrun --screenshot "$DIR/nofont.png" --events 1 --lang ja 2>/dev/null); rc=$?
if [ $rc -eq 0 ] && [ -s "$DIR/nofont.png" ]; then pass "missing font falls back"; else fail "missing font: exit $rc"; fi

# 5. The window's per-group figures equal the CLI's for the same scenario and events.
if "$CLI" run scenarios/default.json --events 5 --out "$DIR/cli" >/dev/null 2>"$DIR/cli.err" && [ -f "$DIR/cli/summary.json" ]; then
    if python3 - "$DIR/gui_summary.json" "$DIR/cli/summary.json" <<'PY'
import json, sys
gui, cli = (json.load(open(p)) for p in sys.argv[1:3])
problems = []
if gui["state_hash"] != cli.get("state_hash"): problems.append(f"state_hash {gui['state_hash']} vs {cli.get('state_hash')}")
cli_groups = {g["label"]: g for g in cli["groups"]}
for g in gui["groups"]:
    c = cli_groups.get(g["label"])
    if c is None: problems.append(f"group {g['label']} missing from the CLI"); continue
    for key in ("members", "contacts", "collaborators", "referrals_received", "closed_business", "reputation"):
        a, b = float(g[key]), float(c[key])
        if abs(a - b) > 1e-4 * max(1.0, abs(a), abs(b)): problems.append(f"{g['label']}.{key}: window {a} vs CLI {b}")
if len(gui["groups"]) != len(cli_groups): problems.append("different number of groups")
print("\n".join(problems) or f"{len(gui['groups'])} groups equal")
sys.exit(1 if problems else 0)
PY
    then pass "window figures equal the CLI's"; else fail "window figures differ from the CLI's"; fi
else
    echo "gui_smoke: skipped CLI comparison ($CLI run did not write summary.json)"
fi

# 6. Workshop mode: a story's step run to its reveal is the very run the CLI makes of that
# room; the presenter's four views draw in Japanese; a broken story is one line, exit 1.
outst=$(xrun --story scenarios/stories/lateness.json --step 2 --events 1 --screenshot "$DIR/story.png") || fail "--story exited $?"
check_png "story step 2 revealed" "$DIR/story.png"
if "$CLI" run scenarios/l6_lateness.json --events "$(field events "$outst")" --out "$DIR/story_cli" --quiet \
      --set 'population[1].label=latecomer' --set 'population[2].label=latecomer' \
      --set 'population[1].label_ja=遅れがちな人' --set 'population[2].label_ja=遅れがちな人' \
      --set 'population[1].traits.notify_when_late=1' --set 'population[2].traits.notify_when_late=1' 2>"$DIR/story_cli.err"; then
    hs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state_hash"])' "$DIR/story_cli/summary.json")
    [ "$hs" = "$(field state_hash "$outst")" ] && pass "story room equals the CLI run ($hs)" || fail "story room $outst vs CLI $hs"
else
    fail "CLI run of the story's room failed: $(head -1 "$DIR/story_cli.err")"
fi
for view in 1 2 3 4; do
    xrun --story scenarios/stories/what_would_you_do.json --step 2 --events 1 --presenter --view $view --lang ja \
        --screenshot "$DIR/presenter$view.png" >/dev/null || fail "presenter view $view exited $?"
    check_png "presenter view $view" "$DIR/presenter$view.png"
done
xrun --story "$DIR/no_such_story.json" --screenshot "$DIR/nostory.png" >/dev/null 2>"$DIR/nostory.err"; rc=$?
if [ $rc -ne 0 ] && [ "$(grep -c "^tsunagari:" "$DIR/nostory.err")" -eq 1 ] && grep -q "no_such_story.json" "$DIR/nostory.err"; then pass "missing story: one line, exit $rc"
else fail "missing story: exit $rc: $(cat "$DIR/nostory.err")"; fi
xrun --story scenarios/stories/lateness.json --set seed=2 >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && pass "--story with --set refused (exit 2)" || fail "--story with --set exited $rc"

# 7. Playing as an attendee: the decision over the venue (English) and the season's end with
# the habits' table (Japanese) draw; a season played as "listen, report back and thank" in the
# window is the very season the CLI plays with that policy; bad seats are one line.
outpl=$(xrun --play --events 10 --screenshot "$DIR/play.png" --size 1280x720) || fail "--play exited $?"
check_png "play: a decision waiting" "$DIR/play.png"
outpj=$(xrun --play --events 212 --lang ja --screenshot "$DIR/play_end_ja.png" --size 1280x720) || fail "--play --lang ja exited $?"
check_png "play: the season's end in Japanese" "$DIR/play_end_ja.png"
if "$CLI" play scenarios/newcomer.json --always listen,both --out "$DIR/play_cli.json" >/dev/null 2>"$DIR/play_cli.err"; then
    hp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state_hash"])' "$DIR/play_cli.json")
    [ "$hp" = "$(field state_hash "$outpj")" ] && pass "played season equals the CLI's ($hp)" || fail "played season $outpj vs CLI $hp"
else
    fail "CLI play failed: $(head -1 "$DIR/play_cli.err")"
fi
xrun --play --seat 999 --screenshot "$DIR/badseat.png" >/dev/null 2>"$DIR/badseat.err"; rc=$?
if [ $rc -eq 1 ] && [ "$(grep -c "^tsunagari:" "$DIR/badseat.err")" -eq 1 ] && grep -q -- "--seat: expected an attendee id" "$DIR/badseat.err"; then pass "bad seat: one line, exit 1"
else fail "bad seat: exit $rc: $(cat "$DIR/badseat.err")"; fi
xrun --seat 3 >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && pass "--seat without --play refused (exit 2)" || fail "--seat without --play exited $rc"

if [ $failures -gt 0 ]; then echo "gui_smoke: $failures failure(s)" >&2; exit 1; fi
echo "gui_smoke: all passed"
