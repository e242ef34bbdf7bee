#!/usr/bin/env python3
"""Writes scenarios/scenario.schema.json (JSON Schema draft 2020-12) from the model's tables.

The parameter, mechanism and trait tables (src/core/params.cpp, src/core/traits.cpp), the
archetype and profession lists and the loader's limits (src/core/scenario.h) are read from the
sources, so the schema says exactly what the loader accepts; the rest of the schema (the
shape of a scenario file) is written out below. Run it after changing any of those tables:

    python3 tools/gen_schema.py            # rewrites scenarios/scenario.schema.json
    python3 tools/gen_schema.py --check    # exit status 1 if the file is out of date

tests/test_scenario_io.cpp checks the result against the tables the program was built with.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "src" / "core"
OUT = ROOT / "scenarios" / "scenario.schema.json"


# ---- reading the C++ tables -------------------------------------------------------------

TOKEN = re.compile(r'\s+|//[^\n]*|"(?:[^"\\]|\\.)*"|[{}(),]|[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|[A-Za-z_][A-Za-z_0-9:]*|.')


def unescape(literal):
    return bytes(literal[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        t = m.group(0)
        if t.isspace() or t.startswith("//"):
            continue
        if t.startswith('"'):
            s = unescape(t)
            if out and isinstance(out[-1], tuple) and out[-1][0] == "str":   # adjacent literals concatenate
                out[-1] = ("str", out[-1][1] + s)
            else:
                out.append(("str", s))
        else:
            out.append(t)
    return out


def rows(text, start_marker, constants=None):
    """The brace-enclosed rows of the table that follows the regex start_marker, each a list of values."""
    constants = constants or {}
    toks = tokens(text[re.search(start_marker, text).end():])
    # The marker ends just before the table's "{{" (std::array) or "{" (std::vector).
    assert toks[0] == "{", start_marker
    i = 1
    if toks[i] == "{" and toks[i + 1] == "{":
        i += 1
    result, depth, row = [], 0, None
    while i < len(toks):
        t = toks[i]
        i += 1
        if t == "{":
            depth += 1
            if depth == 1:
                row = []
            continue
        if t == "}":
            if depth == 0:
                break
            depth -= 1
            if depth == 0:
                result.append(row)
            continue
        if depth == 0 or t == ",":
            continue
        if depth > 1:   # nested braces (archetype presets): not needed
            continue
        if isinstance(t, tuple):
            row.append(t[1])
        elif t in ("true", "false"):
            row.append(t == "true")
        elif t in constants:
            row.append(constants[t])
        elif re.fullmatch(r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)", t):
            row.append(float(t))
        else:
            row.append(t)
    return result


def string_constants(text):
    return {m.group(1): unescape(m.group(2))
            for m in re.finditer(r'constexpr const char\* (\w+) = ("(?:[^"\\]|\\.)*");', text)}


def int_constant(text, name):
    m = re.search(r"inline constexpr int " + name + r" = ([\d']+);", text)
    return int(m.group(1).replace("'", ""))


def number(value, integer):
    return int(value) if integer else float(value)


def read_tables():
    params_cpp = (CORE / "params.cpp").read_text(encoding="utf-8")
    traits_cpp = (CORE / "traits.cpp").read_text(encoding="utf-8")
    professions_cpp = (CORE / "professions.cpp").read_text(encoding="utf-8")
    scenario_h = (CORE / "scenario.h").read_text(encoding="utf-8")
    scenario_cpp = (CORE / "scenario.cpp").read_text(encoding="utf-8")
    constants = string_constants(params_cpp)
    params = [dict(zip(("key", "fallback", "min", "max", "integer", "meaning", "source"), r))
              for r in rows(params_cpp, r"\bkParamInfo(?=\{)", constants)]
    mechanisms = [dict(zip(("key", "meaning"), r)) for r in rows(params_cpp, r"\bkMechanismInfo(?=\{)")]
    traits = [dict(zip(("key", "fallback", "meaning"), r)) for r in rows(traits_cpp, r"\bkTraitInfo(?=\{)")]
    archetypes = [r[0] for r in rows(traits_cpp, r"makeArchetypes\(\) \{[^{]*return ")]
    professions = [r[0] for r in rows(professions_cpp, r"\bkProfessions(?=\{)")]
    kinds = [t[1] for t in tokens(scenario_cpp[scenario_cpp.index("kEventKindKeys"):].split(";")[0]) if isinstance(t, tuple)]
    policies = [t[1] for t in tokens(scenario_cpp[scenario_cpp.index("kPolicyKeys"):].split(";")[0]) if isinstance(t, tuple)]
    limits = {name: int_constant(scenario_h, name) for name in ("kMaxAttendees", "kMaxEvents", "kMaxRounds", "kMaxGroupSize",
                                                          "kMaxCohorts", "kMaxCalendarEntries")}
    return params, mechanisms, traits, archetypes, professions, kinds, policies, limits


# ---- the schema -------------------------------------------------------------------------

def schema():
    params, mechanisms, traits, archetypes, professions, kinds, policies, limits = read_tables()
    bilingual = lambda description, min_length: {
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "required": ["en", "ja"],
        "properties": {lang: ({"type": "string", "minLength": 1} if min_length else {"type": "string"})
                       for lang in ("en", "ja")},
    }
    text = lambda description: {"description": description, "type": "string", "minLength": 1}
    integer = lambda description, lo, hi, default=None: {
        "description": description, "type": "integer", "minimum": lo, "maximum": hi,
        **({} if default is None else {"default": default})}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "scenario.schema.json",
        "title": "Tsunagari scenario",
        "description": "A networking scenario: who attends (population), which events happen (calendar), and how the "
                       "model is tuned (params, mechanisms). See docs/scenario-format.md. The loader also checks what "
                       "a schema cannot: calendar names are unique, every 'joins' entry names a calendar entry, 'names' "
                       "has at most 'count' items, cohorts sharing a 'label' give it the same 'label_ja', at most " +
                       str(limits["kMaxAttendees"]) + " attendees in total, "
                       "complaint_delay_min_days <= complaint_delay_max_days, and stage_known <= stage_friend <= "
                       "stage_collaborator.",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "description", "population", "calendar"],
        "properties": {
            "$schema": {"description": "path or URL of this schema, for editors; ignored by the simulator", "type": "string"},
            "title": bilingual("scenario title in English and Japanese; both non-empty", True),
            "description": bilingual("what the scenario shows, in English and Japanese", False),
            "seed": integer("random seed: the same seed and scenario give the same run", 0, 2**64 - 1, 1),
            "events": integer("events a plain `run` simulates", 1, limits["kMaxEvents"], 40),
            "matchmaking": {"description": "who talks to whom at events, unless a calendar entry overrides it",
                            "$ref": "#/$defs/policy", "default": "rotation"},
            "population": {"description": "cohorts of attendees", "type": "array", "minItems": 1,
                           "maxItems": limits["kMaxCohorts"], "items": {"$ref": "#/$defs/cohort"}},
            "calendar": {"description": "recurring event series", "type": "array", "minItems": 1,
                         "maxItems": limits["kMaxCalendarEntries"], "items": {"$ref": "#/$defs/calendarEntry"}},
            "params": {
                "description": "model constants; any left out keep their defaults",
                "type": "object",
                "additionalProperties": False,
                "properties": {p["key"]: {
                    "description": p["meaning"] + ". Source: " + p["source"],
                    "type": "integer" if p["integer"] else "number",
                    "minimum": number(p["min"], p["integer"]),
                    "maximum": number(p["max"], p["integer"]),
                    "default": number(p["fallback"], p["integer"]),
                } for p in params},
            },
            "mechanisms": {
                "description": "switches for the mechanisms of the model; any left out stay on",
                "type": "object",
                "additionalProperties": False,
                "properties": {m["key"]: {"description": m["meaning"], "type": "boolean", "default": True}
                               for m in mechanisms},
            },
        },
        "$defs": {
            "policy": {
                "description": "matchmaking policy: random mingling, rotation maximising new pairs, complementary "
                               "professions, or warm introductions through a mutual trusted contact",
                "enum": policies,
            },
            "cohort": {
                "description": "count attendees sharing an archetype and trait overrides",
                "type": "object",
                "additionalProperties": False,
                "required": ["archetype"],
                "properties": {
                    "archetype": {"description": "preset of traits", "enum": archetypes},
                    "count": integer("number of attendees in this cohort (0: none yet)", 0, limits["kMaxAttendees"], 1),
                    "label": text("name of the cohort in tables and charts (default: the archetype key)"),
                    "label_ja": text("name of the cohort in the window when it speaks Japanese (default: label)"),
                    "traits": {
                        "description": "overrides applied on top of the archetype preset",
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {t["key"]: {
                            "description": t["meaning"] + " (default: the archetype's preset)",
                            "type": "number", "minimum": 0, "maximum": 1,
                        } for t in traits},
                    },
                    "professions": {
                        "description": "professions cycled over the members (default: dealt with the other cohorts "
                                       "without a list, one member per trade until every trade is held)",
                        "type": "array",
                        "items": {"enum": professions},
                    },
                    "names": {"description": "names of the first members, at most count; the rest are numbered",
                              "type": "array", "items": {"type": "string", "minLength": 1}},
                    "joins": {"description": "names of the calendar entries these attendees belong to (default: all)",
                              "type": "array", "items": {"type": "string", "minLength": 1}},
                },
            },
            "calendarEntry": {
                "description": "one recurring event series",
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "kind"],
                "properties": {
                    "name": text("unique name, used by cohorts' joins"),
                    "name_ja": text("name of the series in the window when it speaks Japanese (default: name)"),
                    "kind": {"description": "chapter: closed weekly meeting; mixer: open cross-industry event; "
                                            "community: non-business group, no pitching; one_to_ones: 1-to-1 meetings "
                                            "members arrange",
                             "enum": kinds},
                    "first_day": integer("day of the first occurrence", 0, 36500, 0),
                    "every_days": integer("days between occurrences", 1, 1000, 7),
                    "occurrences": integer("number of occurrences; 0 = no end", 0, limits["kMaxEvents"], 0),
                    "rounds": integer("conversation rounds per event (ignored by one_to_ones)", 1, limits["kMaxRounds"], 3),
                    "group_size": integer("people per conversation group", 2, limits["kMaxGroupSize"], 4),
                    "hours": {"description": "length of the event in hours", "type": "number",
                              "exclusiveMinimum": 0, "maximum": 24, "default": 1.5},
                    "attendance": {"description": "chance each member attends a given occurrence", "type": "number",
                                   "minimum": 0, "maximum": 1, "default": 0.9},
                    "matchmaking": {"description": "policy for this series only (default: the scenario's matchmaking)",
                                    "$ref": "#/$defs/policy"},
                },
            },
        },
    }


# ---- the format guide's tables -----------------------------------------------------------

GUIDE = ROOT / "docs" / "scenario-format.md"


def g(value):
    """A number as C's %g writes it (the guide's tests compare with that)."""
    return "%g" % value


def snake(name):
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def archetype_presets(traits_cpp, traits):
    """Each archetype's traits: the defaults with the preset's overrides."""
    defaults = {t["key"]: t["fallback"] for t in traits}
    body = traits_cpp[re.search(r"makeArchetypes\(\) \{", traits_cpp).end():]
    body = body[:body.index("\n}\n")]
    presets = {}
    for m in re.finditer(r'\{"(\w+)", "[^"]*", "[^"]*", (defaults\(\)|preset\(\{(.*?)\}\))\}', body, re.S):
        values = dict(defaults)
        for trait, value in re.findall(r"\{T::(\w+), ([-+0-9.eE]+)\}", m.group(3) or ""):
            values[snake(trait)] = float(value)
        presets[m.group(1)] = values
    return presets


def guide_tables():
    params, mechanisms, traits, archetypes, _, _, _, _ = read_tables()
    presets = archetype_presets((CORE / "traits.cpp").read_text(encoding="utf-8"), traits)
    assert list(presets) == archetypes, "archetype presets not understood"
    trait_rows = ["| trait | meaning | default | " + " | ".join(archetypes) + " |",
                  "|---|---|---|" + "---|" * len(archetypes)]
    for t in traits:
        cells = [g(presets[a][t["key"]]) if presets[a][t["key"]] == t["fallback"] else "**" + g(presets[a][t["key"]]) + "**"
                 for a in archetypes]
        trait_rows.append(f"| `{t['key']}` | {t['meaning']} | {g(t['fallback'])} | " + " | ".join(cells) + " |")
    param_rows = ["| param | type | range | default | meaning | source |", "|---|---|---|---|---|---|"]
    for p in params:
        kind = "whole number" if p["integer"] else "number"
        param_rows.append(f"| `{p['key']}` | {kind} | {g(p['min'])} – {g(p['max'])} | {g(p['fallback'])} | "
                          f"{p['meaning']} | {p['source']} |")
    mechanism_rows = ["| mechanism | default | when on |", "|---|---|---|"]
    for m in mechanisms:
        mechanism_rows.append(f"| `{m['key']}` | true | {m['meaning']} |")
    return [trait_rows, param_rows, mechanism_rows]


def guide_text(guide):
    """The guide with its trait, param and mechanism tables rewritten from the tables."""
    lines = guide.split("\n")
    for table in guide_tables():
        start = lines.index(table[0])   # the header row names the table
        end = start
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        lines[start:end] = table
    return "\n".join(lines)


def main():
    outputs = {OUT: json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"}
    if GUIDE.exists():
        outputs[GUIDE] = guide_text(GUIDE.read_text(encoding="utf-8"))
    stale = [path for path, text in outputs.items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    if "--check" in sys.argv[1:]:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python3 tools/gen_schema.py", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(outputs[path], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
