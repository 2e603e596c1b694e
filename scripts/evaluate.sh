#!/usr/bin/env bash
# Sentence-splitter agreement with SoMaJo on 10kGNAD (and mention counts when claimsh has them).
#   scripts/evaluate.sh [--examples N]
# Uses the peers' venv and data (/tmp/peers-venv, /tmp/peers-data; created when missing),
# caches SoMaJo's boundaries, writes claimsh's with a test that only runs under CLAIMSH_EVAL=1,
# and prints recall of SoMaJo's sentence ends, claimsh's extra ends and the disagreements.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
[ -d "$PEERS" ] || PEERS=/work/shared/peers
DATA=${PEERS_DATA:-/tmp/peers-data}
PY=/tmp/peers-venv/bin/python
EXAMPLES=3
[ "${1:-}" = "--examples" ] && EXAMPLES=$2

bash "$PEERS/setup_venv.sh"
mkdir -p "$DATA"
[ -s "$DATA/corpus_1x.txt" ] || PEERS_DATA=$DATA $PY "$PEERS/make_data.py"
if [ ! -s "$DATA/boundaries_somajo.json" ]; then
  echo "SoMaJo boundaries (about 30 s) ..." >&2
  (cd "$DATA" && $PY "$PEERS/split_bench.py" somajo corpus_1x.txt --boundaries boundaries_somajo.json >&2)
fi

cd "$ROOT"
CLAIMSH_EVAL=1 CLAIMSH_EVAL_CORPUS="$DATA/corpus_1x.txt" CLAIMSH_EVAL_OUT="$DATA/boundaries_claimsh.json" \
  swift test --filter SentenceSplitterTests/writeCorpusBoundaries >"$DATA/claimsh_eval_test.log" 2>&1 \
  || { tail -n 30 "$DATA/claimsh_eval_test.log"; exit 1; }
python3 "$ROOT/scripts/split_agreement.py" "$DATA/corpus_1x.txt" "$DATA/boundaries_somajo.json" \
  "$DATA/boundaries_claimsh.json" --examples "$EXAMPLES"

# The same in the peers' own format (agreement.py writes agreement.json next to its inputs).
TMP=$(mktemp -d)
cp "$DATA/boundaries_somajo.json" "$DATA/boundaries_claimsh.json" "$TMP/"
echo
python3 "$PEERS/agreement.py" "$TMP" somajo claimsh
rm -rf "$TMP"

# Mention counts on 10kGNAD, once the claimsh binary has the corpus loaders and `mentions`.
BIN="$ROOT/.build/debug/claimsh"
CSV=${GNAD_CSV:-$PEERS/../corpora/10kGNAD/test.csv}
if [ -x "$BIN" ] && [ -f "$CSV" ] && "$BIN" --empty --no-init -c "help mentions" >/dev/null 2>&1; then
  echo
  echo "mentions on 10kGNAD test.csv (debug build, one load):"
  "$BIN" --empty --no-init --format jsonl -c "load '$CSV' --sep ';' --quote \"'\" --no-header --text-column 2" \
    -c "mentions numbers" -c "mentions times" -c "mentions sources" 2>&1 >"$DATA/claimsh_mentions.jsonl" | sed 's/^/  /'
  # Each layer's rows have their own columns: numbers "approx", times "type", sources "cue".
  python3 - "$DATA/claimsh_mentions.jsonl" <<'PY'
import collections, json, sys
n = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("{"):  # the load report
        print("  " + line.rstrip())
        continue
    row = json.loads(line)
    n["numbers" if "approx" in row else "times" if "type" in row else "sources" if "cue" in row else "other"] += 1
for layer in ("numbers", "times", "sources"):
    print(f"  {layer}: {n[layer]}")
PY
else
  echo
  echo "(mention counts skipped: $BIN has no 'mentions' command or the loaders yet)"
fi
