#!/usr/bin/env python3
"""Draws random mentions of one layer from 10kGNAD for checking by hand (issue 3's precision).

usage: sample_mentions.py LAYER [N] [SEED] > sample.tsv
LAYER: numbers | times. Runs the built claimsh (CLAIMSH_BIN, default .build/release/claimsh,
else .build/debug/claimsh) on ../shared/corpora/10kGNAD/test.csv and prints N mentions drawn
with a fixed seed, each with its sentence, as TSV with an empty `ok` column to fill in
(y = the mention and its value are right, n = wrong, with a note).
For numbers only role=quantity mentions are drawn (the ones that can become claims).
"""
import json
import os
import random
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
layer = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261121
binary = os.environ.get("CLAIMSH_BIN") or next(
    p for p in (os.path.join(root, ".build/release/claimsh"), os.path.join(root, ".build/debug/claimsh"))
    if os.path.exists(p))
gnad = os.path.join(root, "..", "shared", "corpora", "10kGNAD", "test.csv")
load = f"load {gnad} --sep ';' --quote \"'\" --no-header --text-column 2"


def run(cmd):
    out = subprocess.run([binary, "--empty", "--no-init", "--format", "jsonl", "-c", load, "-c", cmd],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


mentions = run(f"mentions {layer}")
if layer == "numbers":
    mentions = [m for m in mentions if m.get("role") == "quantity"]
sentences = {(s["doc"], s["sentence"]): s["text"] for s in run("sentences")}
random.Random(seed).shuffle(mentions)
cols = [k for k in mentions[0].keys() if k not in ("span",)] if mentions else []
print("\t".join(["ok", "note"] + cols + ["sentence_text"]))
for m in mentions[:n]:
    cells = [str(m.get(k, "")) for k in cols]
    print("\t".join(["", ""] + cells + [sentences.get((m["doc"], m["sentence"]), "").replace("\t", " ")]))
print(f"# {len(mentions)} {layer} mentions in all; {min(n, len(mentions))} drawn with seed {seed}", file=sys.stderr)
