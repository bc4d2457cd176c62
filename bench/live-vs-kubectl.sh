#!/usr/bin/env bash
# Live-import benchmark: `kpp import --context` (whole process, JVM start included) at several page
# sizes against `kubectl get services,endpointslices,nodes -A -o json --chunk-size=500`, both reading
# the same generated cluster from the same local API server (MiniApiServer from the import module's
# tests, in its own JVM, serving pages with limit/continue from memory over plain HTTP on loopback).
# Usage: bench/live-vs-kubectl.sh [SERVICES:ENDPOINTS_PER_SERVICE]   (default 10000:10)
# Environment: RUNS (default 3), PAGES (default "100 500 2000"), KUBECTL (default: newest kubectl.1.* of
# the Google Cloud SDK package, else kubectl on PATH). Needs /usr/bin/time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KPP="$ROOT/kpp"
TIME=/usr/bin/time
RUNS="${RUNS:-3}"
PAGES="${PAGES:-100 500 2000}"
CASE="${1:-10000:10}"
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
if [ -z "${KUBECTL:-}" ]; then
  KUBECTL="$(ls /usr/lib/google-cloud-sdk/bin/kubectl.1.* 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$KUBECTL" ] || KUBECTL="$(command -v kubectl || true)"
fi
[ -n "$KUBECTL" ] || { echo "needs kubectl (KUBECTL=/path/to/kubectl)" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kpp-live-bench.XXXXXX")"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$KPP" --version >/dev/null # builds the app (and app/target/lib) outside the measurements
(cd "$ROOT" && ./mvnw -B -ntp -q -o test-compile -pl model,import >/dev/null)

s="${CASE%%:*}"; e="${CASE##*:}"
"$KPP" generate --services "$s" --endpoints-per-service "$e" --nodes 100 -o "$WORK/dump.json" 2>/dev/null
java -Xmx3g -cp "$ROOT/import/target/test-classes:$ROOT/app/target/lib/*" dev.kpp.importer.cluster.MiniApiServer 0 \
  "$WORK/dump.json" >"$WORK/url" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do [ -s "$WORK/url" ] && break; sleep 0.2; done
URL="$(head -n 1 "$WORK/url")"
[ -n "$URL" ] || { cat "$WORK/server.err" >&2; exit 1; }
cat >"$WORK/kubeconfig" <<KC
apiVersion: v1
kind: Config
current-context: bench
clusters:
- name: bench
  cluster: {server: "$URL"}
users:
- name: bench
  user: {token: bench-token}
contexts:
- name: bench
  context: {cluster: bench, user: bench}
KC

measure() { # label, command...
  local label="$1"; shift
  for i in $(seq 1 "$RUNS"); do
    "$TIME" -f "%e %M %U %S" -o "$WORK/t" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
    read -r secs kb user sys <"$WORK/t"
    printf '%-24s run %d: %6.2f s wall  %6.2f s CPU  %8.1f MiB peak RSS\n' "$label" "$i" "$secs" \
      "$(echo "$user + $sys" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "kubectl: $KUBECTL ($("$KUBECTL" version --client 2>/dev/null | head -n 1))"
echo "cluster: $s services x $e endpoints, 100 nodes, served by MiniApiServer at $URL"
# one untimed run each: kubectl fills its discovery cache, both page the server's memory in
"$KUBECTL" --kubeconfig "$WORK/kubeconfig" --cache-dir "$WORK/kcache" get services,endpointslices,nodes -A -o json \
  --chunk-size=500 >"$WORK/kubectl.json"
echo "kubectl output: $(du -m "$WORK/kubectl.json" | cut -f1) MB"
"$KPP" import --kubeconfig "$WORK/kubeconfig" -o "$WORK/warm.kpp.json" 2>/dev/null
for round in $(seq 1 "$RUNS"); do
  RUNS_SAVED="$RUNS"; RUNS=1
  for p in $PAGES; do
    measure "kpp --page-size $p" "$KPP" import --kubeconfig "$WORK/kubeconfig" --page-size "$p" -o "$WORK/s.kpp.json"
  done
  measure "kubectl --chunk-size=500" "$KUBECTL" --kubeconfig "$WORK/kubeconfig" --cache-dir "$WORK/kcache" get \
    services,endpointslices,nodes -A -o json --chunk-size=500
  RUNS="$RUNS_SAVED"
done
# the same objects, as kubectl dumped them, imported offline: the counts must be the same
"$KPP" inventory "$WORK/s.kpp.json" --format json >"$WORK/live.json"
"$KPP" inventory "$WORK/kubectl.json" --format json >"$WORK/offline.json"
python3 - "$WORK/live.json" "$WORK/offline.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for k in ("services", "endpoints", "nodes"):
    print(f"{k:10} live {json.dumps(a.get(k), sort_keys=True)[:110]}")
    print(f"{'':10} kubectl dump {'same' if a.get(k) == b.get(k) else 'DIFFERENT: ' + json.dumps(b.get(k))[:100]}")
PY
