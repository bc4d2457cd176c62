#!/usr/bin/env bash
# Fuzzes the importer's parsers with Jazzer, one target after another (docs/fuzzing.md).
#   import/fuzz.sh [SECONDS] [TARGET...]      default: 600 seconds for every target
# Targets: dump-json dump-yaml snapshot metrics iptables-save ipvsadm nft import-file split-json
# Findings (crash-*, timeout-*, oom-* inputs) land in
#   import/src/test/resources/dev/kpp/importer/fuzz/crashes/<target>/
# which the corpus runs in ./mvnw verify do not read; move a fixed finding into the target's
# <Class>Inputs/<method>/ directory to keep it as a regression test. Logs: import/target/fuzz-logs/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-600}"
shift || true

declare -A TESTS=(
  [dump-json]="KubeDumpFuzzTest#json"
  [dump-yaml]="KubeDumpFuzzTest#yaml"
  [snapshot]="SnapshotFuzzTest#snapshot"
  [metrics]="MetricsFuzzTest#metrics"
  [iptables-save]="RuleDumpFuzzTest#iptablesSave"
  [ipvsadm]="RuleDumpFuzzTest#ipvsadm"
  [nft]="RuleDumpFuzzTest#nft"
  [import-file]="ImportFileFuzzTest#anyFile"
  [split-json]="SplitReadFuzzTest#json"
)
ORDER=(dump-json dump-yaml snapshot metrics iptables-save ipvsadm nft import-file split-json)
TARGETS=("$@")
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=("${ORDER[@]}")

CRASHES="$ROOT/import/src/test/resources/dev/kpp/importer/fuzz/crashes"
LOGS="$ROOT/import/target/fuzz-logs"
mkdir -p "$LOGS"
printf '%-14s %8s %12s %10s %s\n' target seconds executions exec/s findings
for t in "${TARGETS[@]}"; do
  test="${TESTS[$t]:-}"
  if [ -z "$test" ]; then
    echo "fuzz.sh: unknown target '$t' (known: ${ORDER[*]})" >&2
    exit 2
  fi
  dir="$CRASHES/$t"
  mkdir -p "$dir"
  before=$(find "$dir" -type f | wc -l)
  log="$LOGS/$t.log"
  (cd "$ROOT" && ./mvnw -B -ntp -Pfuzz -pl model,import test -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.seconds="$SECONDS_EACH" -Dfuzz.crashes="$dir") >"$log" 2>&1 || true
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  after=$(find "$dir" -type f | wc -l)
  if [ -z "$runs" ]; then
    # a fatal finding or a build failure ends the run before libFuzzer's summary
    runs="? ?"
    grep -m1 -E '== Java Exception|BUILD FAILURE|ERROR\]' "$log" >&2 || true
  fi
  printf '%-14s %8s %12s %10s %s\n' "$t" "${runs#* }" "${runs% *}" "${rate:-?}" "$((after - before))"
  [ "$after" -gt 0 ] || rmdir "$dir"
done
