#!/usr/bin/env python3
"""Writes seed scenarios beyond the byte-level fuzzer's 16 KB cap into DIR (tools/fuzz.sh uses it):
deep nesting, thousands of cohorts, long names, many and duplicate keys, trailing bytes."""
import json
import sys
from pathlib import Path


def scenario(population, calendar, **extra):
    doc = {"title": {"en": "long", "ja": "長い"}, "description": {"en": "", "ja": ""},
           "population": population, "calendar": calendar}
    doc.update(extra)
    return json.dumps(doc, ensure_ascii=False)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    chapter = [{"name": "chapter", "kind": "chapter"}]
    seeds = {
        "cohorts_5000": scenario([{"archetype": "hard_seller", "label": f"c{i}"} for i in range(5000)], chapter),
        "cohorts_label_ja": scenario([{"archetype": "gratitude_giver", "label": "guest", "label_ja": f"客{i % 3}"}
                                      for i in range(3000)], chapter),
        "calendar_2000": scenario([{"archetype": "latecomer", "joins": [f"series {i}" for i in range(0, 2000, 7)]}],
                                  [{"name": f"series {i}", "kind": "mixer"} for i in range(2000)]),
        "long_join_name": scenario([{"archetype": "hard_seller", "joins": ["x" * 200000]}], chapter),
        "long_title": scenario([{"archetype": "hard_seller"}], chapter).replace('"long"', json.dumps("t" * 100000)),
        "params_many_keys": scenario([{"archetype": "hard_seller"}], chapter,
                                     params={f"k{i}": i for i in range(20000)}),
    }
    seeds["deep_60"] = seeds["cohorts_5000"][:-1] + ', "x": ' + "[" * 60 + "]" * 60 + "}"
    seeds["deep_70"] = seeds["cohorts_5000"][:-1] + ', "x": ' + "[" * 70 + "]" * 70 + "}"
    seeds["duplicate_last"] = seeds["cohorts_5000"].replace('"label": "c4999"', '"label": "c4999", "label": "again"')
    seeds["nul_tail"] = seeds["cohorts_5000"] + "\0" + "garbage" * 5000
    for name, text in seeds.items():
        (out / f"{name}.json").write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: fuzz_long_corpus.py DIR")
    main(Path(sys.argv[1]))
