#!/usr/bin/env bash
# Every kpp benchmark in one run, side by side with the tools users compare kpp with, and the
# machine it ran on (docs/benchmarks.md, "One command"):
#   1. CLI start-up: ./kpp --version and ./kpp predict --sample tigera-10k (whole process)
#   2. the window's first chart (ms from JVM start, -Dkpp.startupTiming=true; needs Xvfb), beside the
#      first frame of an empty JavaFX window (bench/FxFloor.java)
#   3. the prediction engine (./kpp bench: one scenario, the 500-point sweep)
#   4. offline import of generated kubectl dumps against jq '.items | length' (wall, peak RSS,
#      MB/s, objects/s), rounds alternating between the two tools
#   5. report generation: PDF of tigera-10k and of the 50,000-Service large-50k sample
#   6. live import against a local API server with kubectl alongside (bench/live-vs-kubectl.sh;
#      only when kubectl is installed; LIVE=off skips it)
# Environment: RUNS (rounds per measurement, default 5), DUMPS (default "10000:10 50000:5"),
# LIVE (default on). Needs /usr/bin/time and jq; hyperfine is not needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KPP="$ROOT/kpp"
TIME=/usr/bin/time
RUNS="${RUNS:-5}"
DUMPS="${DUMPS:-10000:10 50000:5}"
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kpp-bench-all.XXXXXX")"
GUI_PID=""
XVFB_PID=""
cleanup() {
  [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# a calibration cache of this run's own (the user's is shared with other kpp builds, which may evict it)
export KPP_CACHE_DIR="$WORK/cache"
"$KPP" --version >/dev/null # builds the app and its start-up archive outside the measurements
"$KPP" predict --sample tigera-10k >/dev/null # and the calibration's disk cache

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }
# timed LABEL COMMAND...: one run; appends "wall_s rss_mib cpu_s" to $WORK/LABEL
timed() {
  local label="$1"; shift
  "$TIME" -f "%e %M %U %S" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  awk '{ printf "%s %.1f %.2f\n", $1, $2 / 1024, $3 + $4 }' "$WORK/t" >>"$WORK/$label"
}
col() { awk -v c="$2" '{ print $c }' "$WORK/$1"; }
summary() { # LABEL: median wall, its range, median peak RSS, median CPU
  printf '%-44s wall %6s s (%s)  peak RSS %7s MiB  CPU %6s s\n' "$1" "$(col "$1" 1 | median)" \
    "$(col "$1" 1 | range)" "$(col "$1" 2 | median)" "$(col "$1" 3 | median)"
}

echo "== machine"
echo "$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
KUBECTL="${KUBECTL:-$(ls /usr/lib/google-cloud-sdk/bin/kubectl.1.* 2>/dev/null | sort -V | tail -n 1 || true)}"
KUBECTL="${KUBECTL:-$(command -v kubectl || true)}"
echo "$(java -version 2>&1 | head -n 1); $(jq --version); kubectl: $(if [ -n "$KUBECTL" ]; then "$KUBECTL" version --client 2>/dev/null | head -n 1 || true; else echo 'not installed'; fi)"
"$KPP" --version | head -n 1
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== 1. CLI start-up (whole process, $RUNS rounds)"
for i in $(seq 1 "$RUNS"); do
  timed version "$KPP" --version
  timed predict "$KPP" predict --sample tigera-10k
done
mv "$WORK/version" "$WORK/kpp --version"; summary "kpp --version"
mv "$WORK/predict" "$WORK/kpp predict --sample tigera-10k"; summary "kpp predict --sample tigera-10k"

echo
echo "== 2. the window's first chart (ms from JVM start, $RUNS rounds)"
if command -v Xvfb >/dev/null; then
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
  XVFB_PID=$!
  for _ in $(seq 1 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  # alongside: the floor, a JavaFX application with one drawn canvas (bench/FxFloor.java), same jars
  FX="$(ls "$ROOT"/app/target/lib/javafx-*.jar | grep -E -- '-[0-9][0-9.]*-[a-z0-9_-]+\.jar$' | tr '\n' ':')"
  javac -d "$WORK/fx-floor" --module-path "$FX" --add-modules javafx.controls "$ROOT/bench/FxFloor.java"
  # the first window after a build records its class-data archive when it closes (./kpp, docs/adr/0106):
  # one window opened and closed before the timed rounds, as a user's first start
  DISPLAY=":$(head -n 1 "$WORK/display")" KPP_JAVA_OPTS="-Dkpp.startupTiming=true -Dkpp.exitAfterFirstChart=true" \
    timeout 120 "$KPP" >/dev/null 2>&1 || true
  for i in $(seq 1 "$RUNS"); do
    # the floor runs with the window's JIT setting (C1 alone) and the JDK's own class-data archive
    DISPLAY=":$(head -n 1 "$WORK/display")" timeout 60 java -XX:TieredStopAtLevel=1 --module-path "$FX" --add-modules javafx.controls \
      -cp "$WORK/fx-floor" FxFloor 2>&1 | grep -o "first frame [0-9]*" | awk '{ print $3 }' >>"$WORK/floor" || true
    rm -f "$WORK/gui.err"
    DISPLAY=":$(head -n 1 "$WORK/display")" KPP_JAVA_OPTS="-Dkpp.startupTiming=true -Dkpp.exitAfterFirstChart=true" "$KPP" 2>"$WORK/gui.err" >/dev/null &
    GUI_PID=$! # the launcher execs the JVM: this is the window's process
    for _ in $(seq 1 300); do grep -q "first chart drawn" "$WORK/gui.err" 2>/dev/null && break; sleep 0.1; done
    grep -o "first chart drawn [0-9]* ms after the JVM started ([0-9]* ms" "$WORK/gui.err" | awk '{ print $4, substr($10, 2) }' >>"$WORK/gui" || true
    kill "$GUI_PID" 2>/dev/null || true
    wait "$GUI_PID" 2>/dev/null || true
    GUI_PID=""
  done
  kill "$XVFB_PID" 2>/dev/null || true
  wait "$XVFB_PID" 2>/dev/null || true
  XVFB_PID=""
  echo "first chart drawn: median $(col gui 1 | median) ms after JVM start ($(col gui 1 | range) ms), $(col gui 2 | median) ms of CPU by then"
  echo "alongside, an empty JavaFX window with one drawn canvas: first frame median $(col floor 1 | median) ms ($(col floor 1 | range) ms)"
else
  echo "skipped: no Xvfb (apt-get install -y xvfb xauth libgtk-3-0)"
fi

echo
echo "== 3. prediction engine (kpp bench, one process)"
"$KPP" bench --repeat 30

echo
echo "== 4. offline import vs jq '.items | length' (whole process, $RUNS alternating rounds)"
for c in $DUMPS; do
  s="${c%%:*}"; e="${c##*:}"
  f="$WORK/dump-$s-$e.json"
  "$KPP" generate --services "$s" --endpoints-per-service "$e" --nodes 100 -o "$f" 2>/dev/null
  bytes="$(stat -c %s "$f")"
  items="$(jq '.items | length' "$f")"
  cat "$f" >/dev/null # page cache warm for both tools
  for i in $(seq 1 "$RUNS"); do
    timed "kpp-$s" "$KPP" inventory "$f"
    timed "jq-$s" jq '.items | length' "$f"
  done
  kw="$(col "kpp-$s" 1 | median)"; jw="$(col "jq-$s" 1 | median)"
  km="$(col "kpp-$s" 2 | median)"; jm="$(col "jq-$s" 2 | median)"
  echo "-- $s Services x $e endpoints ($((s * e)) endpoints, $items objects): $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')"
  mv "$WORK/kpp-$s" "$WORK/kpp inventory"; summary "kpp inventory"
  mv "$WORK/jq-$s" "$WORK/jq '.items|length'"; summary "jq '.items|length'"
  awk -v kw="$kw" -v jw="$jw" -v km="$km" -v jm="$jm" -v b="$bytes" -v n="$items" -v ep="$((s * e))" 'BEGIN {
    printf "kpp: %.0f MB/s, %.0f objects/s, %.0f endpoints/s; jq: %.0f MB/s\n", b / 1e6 / kw, n / kw, ep / kw, b / 1e6 / jw
    printf "kpp is %.2fx faster than jq (median wall) and uses %.2f of its peak memory\n", jw / kw, km / jm }'
  rm -f "$f" "$WORK/kpp inventory" "$WORK/jq '.items|length'"
done

echo
echo "== 5. report generation (PDF, whole process, $RUNS rounds)"
for sample in tigera-10k large-50k; do
  for i in $(seq 1 "$RUNS"); do
    rm -f "$WORK/r.pdf"
    timed "report-$sample" "$KPP" report --sample "$sample" -o "$WORK/r.pdf"
  done
  mv "$WORK/report-$sample" "$WORK/kpp report --sample $sample (PDF)"; summary "kpp report --sample $sample (PDF)"
  echo "   $(stat -c %s "$WORK/r.pdf") bytes"
done

echo
echo "== 6. live import vs kubectl"
if [ "${LIVE:-on}" != "off" ] && [ -n "$KUBECTL" ]; then
  KUBECTL="$KUBECTL" RUNS="$RUNS" PAGES="${PAGES:-500}" "$ROOT/bench/live-vs-kubectl.sh"
else
  echo "skipped (no kubectl, or LIVE=off)"
fi

echo
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
