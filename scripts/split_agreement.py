#!/usr/bin/env python3
"""Compare claimsh's sentence ends with a reference splitter's (SoMaJo) on a corpus.

usage: split_agreement.py CORPUS REFERENCE.json CLAIMSH.json [--examples N]

Both JSON files hold, per article line of CORPUS, the character offsets where sentences end
(written by the peers' split_bench.py --boundaries and by the CLAIMSH_EVAL test). As in the
peers' agreement.py, each article's final end is dropped. Prints the recall of the reference's
ends, the share of claimsh ends the reference does not have ("extra"), and the missed and
extra ends grouped by the token before the boundary, with examples.
"""
import collections
import json
import re
import sys


def ends(per_article):
    out = set()
    for i, e in enumerate(per_article):
        for x in sorted(set(e))[:-1]:
            out.add((i, x))
    return out


def category(text, pos):
    """What precedes the boundary: the last word-ish token and the mark."""
    left = text[max(0, pos - 25):pos]
    m = re.search(r"(\S+)\s*$", left)
    last = m.group(1) if m else ""
    right = text[pos:pos + 20].lstrip()
    nxt = right[:1]
    w = re.sub(r"[\"'“”„«»‚‘’)\]]+$", "", last)
    if re.fullmatch(r".*\d\.", w):
        kind = "number."
    elif re.fullmatch(r"(?:\w\.)+", w):
        kind = "letter."
    elif w.endswith("."):
        kind = "word."
    elif w.endswith(("?", "!")):
        kind = "?!"
    elif w.endswith(("…", "..")):
        kind = "ellipsis"
    else:
        kind = "other"
    if w != last:
        kind += "+closer"
    if nxt and not nxt.isalnum():
        kind += " ->" + nxt
    elif nxt.isdigit():
        kind += " ->digit"
    elif nxt.islower():
        kind += " ->lower"
    return kind


def main():
    args = sys.argv[1:]
    n_examples = 3
    if "--examples" in args:
        k = args.index("--examples")
        n_examples = int(args[k + 1])
        del args[k:k + 2]
    corpus, ref_path, ours_path = args
    with open(corpus, encoding="utf-8") as f:
        articles = f.read().split("\n")
    if articles and articles[-1] == "":
        articles.pop()
    ref = ends(json.load(open(ref_path)))
    ours = ends(json.load(open(ours_path)))
    hit = ref & ours
    missed = ref - ours
    extra = ours - ref
    print(f"reference ends: {len(ref)}, claimsh ends: {len(ours)} (article ends excluded)")
    print(f"recall (reference ends reproduced exactly): {len(hit) / max(1, len(ref)):.4f}  ({len(missed)} missed)")
    print(f"extra (claimsh ends the reference lacks):   {len(extra) / max(1, len(ref)):.4f}  ({len(extra)} extra, per reference end)")
    for title, items in (("missed", missed), ("extra", extra)):
        groups = collections.defaultdict(list)
        for i, pos in sorted(items):
            groups[category(articles[i], pos)].append((i, pos))
        print(f"\n{title} by category:")
        for cat, xs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(xs):5d}  {cat}")
            for i, pos in xs[:n_examples]:
                t = articles[i]
                print(f"         [{i}] ...{t[max(0, pos - 50):pos]}|{t[pos:pos + 30]}...")


if __name__ == "__main__":
    main()
