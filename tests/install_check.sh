#!/usr/bin/env bash
# Installation check (issue 12): `cmake --install` into a temporary prefix puts both programs in
# PREFIX/bin and every string table and scenario under PREFIX/share/tsunagari, with a desktop entry
# and an icon; the prefix is then moved elsewhere, and the moved window, run under Xvfb from a
# working directory outside the source tree with the source-tree lookup switched off
# (TSUNAGARI_NO_SOURCE_TREE=1), loads its strings and a story by a relative path from its own
# share/tsunagari and writes a non-empty PNG; the installed CLI validates the installed default
# scenario. A control run of a copy of the window with no data beside it must fail to find the story.
# Usage: install_check.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=${1:?build directory}
SOURCE=${2:?source directory}
failures=0
fail() { echo "install_check: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "install_check: ok: $*"; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/tsunagari-install.XXXXXX") || { echo "install_check: mktemp failed" >&2; exit 1; }
trap 'rm -rf "$TMP"' EXIT
case "$TMP" in "$SOURCE"/*) echo "install_check: temporary directory $TMP is inside the source tree" >&2; exit 1 ;; esac

if ! cmake --install "$BUILD" --prefix "$TMP/prefix" > "$TMP/install.log" 2>&1; then
    cat "$TMP/install.log" >&2
    echo "install_check: FAIL: cmake --install exited non-zero" >&2
    exit 1
fi
pass "cmake --install --prefix $TMP/prefix"

# Relocate: the window must find its data relative to its own executable, not the configured prefix.
mv "$TMP/prefix" "$TMP/moved" || { echo "install_check: mv failed" >&2; exit 1; }
P=$TMP/moved
DATA=$P/share/tsunagari

for f in bin/tsunagari bin/tsunagari-cli; do
    [ -x "$P/$f" ] && pass "$f installed" || fail "$f missing or not executable"
done
for f in share/applications/tsunagari.desktop share/icons/hicolor/scalable/apps/tsunagari.svg \
         share/tsunagari/scenarios/scenario.schema.json share/tsunagari/scenarios/stories/story.schema.json; do
    [ -s "$P/$f" ] && pass "$f installed" || fail "$f missing or empty"
done
# Every JSON file of assets/strings and scenarios/ (stories, experiments, schemas) is installed.
want=$(cd "$SOURCE" && find assets/strings scenarios -name '*.json' | sort)
have=$(cd "$DATA" 2>/dev/null && find assets/strings scenarios -name '*.json' | sort)
if [ -n "$want" ] && [ "$want" = "$have" ]; then
    pass "$(echo "$want" | wc -l) data files under share/tsunagari"
else
    fail "installed data differ from the source tree: $(diff <(echo "$want") <(echo "$have") | grep '^[<>]' | head -5 | tr '\n' ' ')"
fi
grep -qx 'Exec=tsunagari' "$P/share/applications/tsunagari.desktop" && grep -qx 'Icon=tsunagari' "$P/share/applications/tsunagari.desktop" \
    && pass "desktop entry names the installed program and icon" || fail "desktop entry lacks Exec=tsunagari / Icon=tsunagari"

mkdir -p "$TMP/run"
cd "$TMP/run" || exit 1
export TSUNAGARI_NO_SOURCE_TREE=1
xrun() { xvfb-run -a -s "-screen 0 1600x900x24" "$@"; }
png_ok() { [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; }

# The default scenario and the string tables come from the installed data (a missing table prints an error).
if xrun "$P/bin/tsunagari" --screenshot out.png --events 3 > default.out 2> default.err; then
    png_ok out.png && pass "installed window: default scenario, --events 3, PNG written" || fail "out.png missing, empty or not a PNG"
    grep -q '^tsunagari:' default.err && fail "installed window complained: $(grep '^tsunagari:' default.err | head -c 300)" \
        || pass "installed window: no 'tsunagari:' error on stderr (string tables found)"
else
    fail "installed window exited $?: $(head -c 300 default.err)"
fi

# A story by a path relative to the data directory: only the installed lookup can find it here.
if xrun "$P/bin/tsunagari" --story scenarios/stories/lateness.json --screenshot story.png > story.out 2> story.err; then
    png_ok story.png && pass "installed window: scenarios/stories/lateness.json from share/tsunagari, PNG written" \
        || fail "story.png missing, empty or not a PNG"
else
    fail "installed window with --story scenarios/stories/lateness.json exited $?: $(head -c 300 story.err)"
fi

# Control: the same program with no share/tsunagari beside it cannot find the story (source tree hidden).
mkdir -p "$TMP/bare/bin" && cp "$P/bin/tsunagari" "$TMP/bare/bin/"
if xrun "$TMP/bare/bin/tsunagari" --story scenarios/stories/lateness.json --screenshot bare.png > bare.out 2> bare.err; then
    fail "a copy without installed data still found the story: the source tree was not hidden"
else
    grep -q 'lateness' bare.err && pass "control: without share/tsunagari the story is not found ($(grep -m1 lateness bare.err | head -c 120))" \
        || fail "control failed for another reason: $(head -c 300 bare.err)"
fi

if "$P/bin/tsunagari-cli" validate "$DATA/scenarios/default.json" > validate.out 2>&1; then
    pass "installed CLI validates share/tsunagari/scenarios/default.json"
else
    fail "tsunagari-cli validate exited $?: $(head -c 300 validate.out)"
fi

[ "$failures" -eq 0 ] || { echo "install_check: $failures failure(s)" >&2; exit 1; }
echo "install_check: all passed"
