#!/usr/bin/env python3
"""Regenerates the play table of docs/workshop.md: the newcomer's seat played by each
scripted policy and by each built-in habit, means over seeds 1..N.

usage: tools/play_table.py [CLI] [SEEDS] [path=value ...]   (defaults: build/tsunagari-cli, 30;
       the settings are passed to play as --set, e.g. events=212 for a two-year season)"""
import json, os, subprocess, sys, tempfile

cli = sys.argv[1] if len(sys.argv) > 1 else "build/tsunagari-cli"
seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 30
settings = [arg for setting in sys.argv[3:] for arg in ("--set", setting)]
policies = ["pitch,silent", "pitch,both", "listen,silent", "listen,thank", "listen,report", "listen,both", "book,both"]
columns = ["referrals_received", "repeat_referrals", "collaborators", "room_trust", "closed_business"]
policyRows, habitRows = {}, {}   # label -> list of per-seed dicts

with tempfile.TemporaryDirectory() as folder:
    for policy in policies:
        for seed in range(1, seeds + 1):
            out = os.path.join(folder, "season.json")
            subprocess.run([cli, "play", "scenarios/newcomer.json", "--always", policy, "--seed", str(seed), "--out", out] + settings,
                           check=True, stdout=subprocess.DEVNULL)
            comparison = json.load(open(out))["comparison"]
            for entry in comparison:
                if entry["habit"] == "you":
                    policyRows.setdefault("always " + policy.replace(",", ", "), []).append(entry)
                elif policy == policies[0]:   # the habits do not depend on the player's policy
                    habitRows.setdefault("habit: " + entry["name"]["en"].lower(), []).append(entry)

print(f"| seat played by | referrals | repeat | collaborators | others' trust in you | closed (k yen) | seeds with none |")
print("|---|---|---|---|---|---|---|")
for label, runs in list(policyRows.items()) + list(habitRows.items()):
    mean = {c: sum(r[c] for r in runs) / len(runs) for c in columns}
    none = sum(1 for r in runs if r["referrals_received"] == 0)
    print(f"| {label} | {mean['referrals_received']:.1f} | {mean['repeat_referrals']:.1f} | {mean['collaborators']:.2f} | "
          f"{mean['room_trust']:.3f} | {mean['closed_business']:.0f} | {none}/{len(runs)} |")
