#!/usr/bin/env bash
# Import benchmark: kpp inventory (whole process, JVM start included) against jq '.items | length'
# on the same generated kubectl dump. Usage: bench/import-vs-jq.sh [SERVICES:ENDPOINTS_PER_SERVICE ...]
# Defaults: 10000:10 (100,000 endpoints) and 50000:5 (250,000 endpoints). Needs /usr/bin/time and jq.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KPP="$ROOT/kpp"
TIME=/usr/bin/time
RUNS="${RUNS:-3}"
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
CASES=("$@")
[ "${#CASES[@]}" -gt 0 ] || CASES=("10000:10" "50000:5")
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kpp-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
"$KPP" --version >/dev/null # build first, outside the measurements

measure() { # label, command...
  local label="$1"; shift
  for i in $(seq 1 "$RUNS"); do
    "$TIME" -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
    read -r secs kb <"$WORK/t"
    printf '%-6s run %d: %6.2f s  %8.1f MB peak RSS\n' "$label" "$i" "$secs" "$(echo "$kb / 1024" | bc -l)"
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(jq --version)"
for c in "${CASES[@]}"; do
  s="${c%%:*}"; e="${c##*:}"
  f="$WORK/dump-$s-$e.json"
  "$KPP" generate --services "$s" --endpoints-per-service "$e" --nodes 100 -o "$f" 2>/dev/null
  echo
  echo "== $s services x $e endpoints = $((s * e)) endpoints; file $(du -m "$f" | cut -f1) MB ($(stat -c %s "$f") bytes)"
  cat "$f" >/dev/null # page cache warm for both tools
  measure kpp "$KPP" inventory "$f"
  measure jq jq '.items | length' "$f"
done
