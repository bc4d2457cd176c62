#!/usr/bin/env bash
# kill -9 at random points during 20 `kpp import` saves (the real CLI, JVM start to rename), then
# one more run: after each kill the snapshot must be absent (before the first save) or a complete
# snapshot (the old or the new one), and after the next run no temporary file may be left.
# Usage: bench/kill-during-save.sh [SERVICES] [KILLS]   (defaults: 20000 services, 20 kills)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KPP="$ROOT/kpp"
SERVICES="${1:-20000}"
KILLS="${2:-20}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kpp-kill.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
"$KPP" --version >/dev/null # build first
"$KPP" generate --services "$SERVICES" --endpoints-per-service 5 -o "$WORK/dump.json" 2>/dev/null
OUT="$WORK/out/cluster.kpp.json"
mkdir -p "$WORK/out"

complete() { # the file is a whole snapshot: valid JSON whose inventory has every Service
  python3 - "$1" "$SERVICES" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "kpp-snapshot", "not a snapshot"
assert len(d["inventory"]["services"]) == int(sys.argv[2]), "services missing"
PY
}
temps() { find "$WORK/out" -name '*.kpp-tmp' | wc -l; }

start=$(date +%s%N)
"$KPP" import "$WORK/dump.json" -o "$OUT" 2>/dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "one import + save: ${full_ms} ms; killing $KILLS runs at random points in [0, ${full_ms}] ms"
most=0
for i in $(seq 1 "$KILLS"); do
  "$KPP" import "$WORK/dump.json" -o "$OUT" 2>/dev/null &
  pid=$!
  delay=$(( RANDOM * full_ms / 32768 ))
  sleep "$(echo "$delay / 1000" | bc -l)"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -e "$OUT" ]; then complete "$OUT" || { echo "kill $i after ${delay} ms: BROKEN snapshot" >&2; exit 1; }; fi
  t=$(temps); [ "$t" -gt "$most" ] && most=$t
  printf 'kill %2d after %5d ms: snapshot complete, %d temporary file(s)\n' "$i" "$delay" "$t"
done
"$KPP" import "$WORK/dump.json" -o "$OUT" 2>/dev/null
complete "$OUT"
left=$(temps)
echo "after the next run: snapshot complete, $left temporary file(s) (at most $most between kills)"
[ "$left" -eq 0 ]
