#!/usr/bin/env python3
"""Speaker accuracy per attribution shape on a gold corpus whose quotations carry a `cause`.

    python3 scripts/speaker_causes.py GOLD.json RESULT.json --texts DIR [--files PREFIX,...]

Runs the shared scorer verbosely and counts, for each cause, the scored gold quotations
(direct and partial) that were found with the right speaker.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("gold")
ap.add_argument("result")
ap.add_argument("--texts", required=True)
ap.add_argument("--files", default="", help="comma-separated file-name prefixes to keep")
ap.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py"))
a = ap.parse_args()

gold = json.load(open(a.gold, encoding="utf-8"))
if a.files:
    keep = tuple(a.files.split(","))
    gold["quotes"] = [q for q in gold["quotes"] if q["file"].startswith(keep)]
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
    json.dump(gold, f, ensure_ascii=False)
    gold_path = f.name
run = subprocess.run([sys.executable, a.scorer, gold_path, a.result, "--texts", a.texts, "-v"],
                     capture_output=True, text=True)
missed = set(re.findall(r"^  MISSED (\S+):", run.stdout, re.M))
wrong = set(re.findall(r"^  SPEAKER (\S+):", run.stdout, re.M))
total, right = collections.Counter(), collections.Counter()
for q in gold["quotes"]:
    if q["kind"] not in ("direct", "partial"):
        continue
    c = q.get("cause", "plain")
    total[c] += 1
    if q["id"] not in missed and q["id"] not in wrong:
        right[c] += 1
for c in sorted(total, key=lambda c: -total[c]):
    print(f"  {c:<18} {right[c]:>3}/{total[c]:<3} {right[c] / total[c]:.2f}")
print(f"  {'all':<18} {sum(right.values()):>3}/{sum(total.values()):<3} "
      f"{sum(right.values()) / max(1, sum(total.values())):.2f}")
print(run.stdout.strip().splitlines()[-1])
