#!/usr/bin/env python3
"""Checks that every doctest case in the test binary is run by exactly one ctest entry.

doctest_discover_tests builds one ctest entry per line of `--list-test-cases`, and each entry
runs the binary with `--test-case=NAME`. Some names do not survive that trip: CMake splits a
name at ';' (and an unbalanced '[' glues lines together), and doctest reads the filter as a
case-insensitive wildcard pattern ('*', '?') with ',' as a separator and '\\' as an escape.
An entry whose filter selects no case still "passes" (doctest runs 0 cases and exits 0), so
such a case silently never runs.

This check fails unless:
  - the ctest entries that run the test binary and the binary's cases have the same names,
    each name once; and
  - each entry's own command line, with --list-test-cases added, selects exactly one case:
    the one it is named after (so it neither runs nothing nor also runs some other case).

Usage: check_ctest_cases.py CTEST BUILD_DIR TEST_BINARY
"""
import json
import os
import subprocess
import sys


def listed_cases(command, cwd):
    """The case names that `command --list-test-cases` prints (doctest's banner lines dropped)."""
    out = subprocess.run(command + ["--list-test-cases"], cwd=cwd, check=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout.decode("utf-8")
    return [line for line in out.split("\n")
            if line and not line.startswith("[doctest] ") and line != "=" * 79]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ctest, build_dir, binary = sys.argv[1:]
    binary = os.path.realpath(binary)

    cases = listed_cases([binary], cwd=build_dir)
    show = subprocess.run([ctest, "--test-dir", build_dir, "--show-only=json-v1"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if show.returncode != 0:
        # A name with an unbalanced '[' makes the generated test list unreadable to ctest.
        print("FAILED: ctest cannot read its test list (a case name with an unbalanced '[' or ']'?):\n"
              + show.stderr.decode("utf-8", "replace"))
        return 1
    entries = []
    for test in json.loads(show.stdout)["tests"]:
        command = test.get("command") or []
        if command and os.path.realpath(command[0]) == binary:
            props = {p["name"]: p["value"] for p in test.get("properties", [])}
            entries.append((test["name"], command, props.get("WORKING_DIRECTORY", build_dir)))

    problems = []
    for name in sorted({c for c in cases if cases.count(c) > 1}):
        problems.append(f"doctest case name used {cases.count(name)} times: {name!r}")
    entry_names = [name for name, _, _ in entries]
    for name in sorted(set(cases) - set(entry_names)):
        problems.append(f"doctest case with no ctest entry (never run by ctest): {name!r}")
    for name in sorted(set(entry_names) - set(cases)):
        problems.append(f"ctest entry not named after any doctest case: {name!r}")

    ran_nothing = 0
    for name, command, cwd in entries:
        selected = listed_cases(command, cwd)
        if selected != [name]:
            ran_nothing += not selected
            problems.append(f"ctest entry {name!r} runs {len(selected)} case(s) "
                            f"instead of exactly itself: {selected!r}\n    command: {command!r}")

    print(f"{len(cases)} doctest cases, {len(entries)} ctest entries for {os.path.basename(binary)}, "
          f"{ran_nothing} entries that run no case")
    if not cases:
        problems.append("the test binary lists no cases")
    if problems:
        print(f"FAILED: {len(problems)} problem(s). Rename the cases involved: no ';', no unbalanced "
              "'[' or ']', no '*', '?' or '\\', and no two names that differ only in case.")
        for p in problems:
            print("  " + p)
        return 1
    print("OK: every doctest case is exactly one ctest entry, and each entry runs exactly its case")
    return 0


if __name__ == "__main__":
    sys.exit(main())
