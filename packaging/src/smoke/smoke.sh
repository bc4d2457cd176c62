#!/usr/bin/env bash
# Smoke test of the packaged kpp, run by ./mvnw -Ppackage package after jpackage:
#   smoke.sh TARGET_DIR POM_VERSION INSTALLER_TYPE JDK_BIN
# 1. the app-image: both launchers start, print the POM version and run a prediction; a live import
#    from a local API server runs through the packaged runtime;
# 2. the image: JDK modules (jdeps), java options, licences and bundled fonts are all there;
# 3. the installer (deb): its Depends name GTK, and a clean dpkg -i into a fresh root puts a
#    working kpp on the PATH with a valid desktop entry and icon; dpkg -r removes it again.
# Exits non-zero at the first failure, saying what was expected.
set -euo pipefail

TARGET="$1"
VERSION="$2"
TYPE="$3"
JDK_BIN="$4"
APP="$TARGET/dist/kpp"
WORK="$TARGET/smoke"
rm -rf "$WORK"
mkdir -p "$WORK"

step() { printf '\n[smoke] %s\n' "$*"; }
fail() { printf '[smoke] FAILED: %s\n' "$*" >&2; exit 1; }
millis() { echo $(( $(date +%s%N) / 1000000 )); }

check_json_prediction() { # file
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$1" <<'PY' || fail "predict --format json did not print the expected JSON ($1)"
import json, sys
doc = json.load(open(sys.argv[1]))
text = json.dumps(doc)
for mode in ("iptables", "ipvs", "nftables"):
    assert mode in text, "no '%s' in the prediction" % mode
print("[smoke] prediction JSON parsed: %d top-level keys (%s)" % (len(doc), ", ".join(list(doc)[:6])))
PY
  else
    head -c 1 "$1" | grep -q '{' || fail "predict --format json did not print a JSON object"
    grep -q '"nftables"\|nftables' "$1" || fail "no nftables in the prediction"
  fi
}

step "app-image: $APP ($(du -sh "$APP" | cut -f1); runtime $(du -sh "$APP/lib/runtime" | cut -f1))"
for launcher in kpp kpp-cli; do
  [ -x "$APP/bin/$launcher" ] || fail "no launcher $APP/bin/$launcher"
  out="$("$APP/bin/$launcher" --version)"
  echo "$launcher --version: $out" | head -n 1
  grep -qF "$VERSION" <<<"$out" || fail "$launcher --version does not print the POM version $VERSION"
done
start=$(millis)
"$APP/bin/kpp" predict --sample tigera-10k --format json >"$WORK/predict.json"
end=$(millis)
echo "kpp predict --sample tigera-10k --format json: $(wc -c <"$WORK/predict.json") bytes in $((end - start)) ms (whole process)"
check_json_prediction "$WORK/predict.json"
"$APP/bin/kpp-cli" predict --sample tigera-10k --format json >"$WORK/predict-cli.json"
cmp -s "$WORK/predict.json" "$WORK/predict-cli.json" || fail "kpp and kpp-cli print different predictions"

step "live import through the packaged runtime (a local API server, read-only, paginated)"
# The runtime is jlinked: a JDK module the live import needs (java.net.http for fabric8's JDK client)
# is missing only at run time, so a real import from a cluster is the check. MiniApiServer is the
# import module's test server (plain HTTP on loopback), run by the build JDK.
TEST_CLASSES="$TARGET/../../import/target/test-classes"
if [ -f "$TEST_CLASSES/dev/kpp/importer/cluster/MiniApiServer.class" ]; then
  "$APP/bin/kpp-cli" generate --services 40 --endpoints-per-service 3 --nodes 4 -o "$WORK/cluster.json" 2>/dev/null
  "$JDK_BIN/java" -cp "$TEST_CLASSES:$TARGET/input/*" dev.kpp.importer.cluster.MiniApiServer 0 "$WORK/cluster.json" \
    >"$WORK/server.url" 2>"$WORK/server.err" &
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do [ -s "$WORK/server.url" ] && break; sleep 0.2; done
  URL="$(head -n 1 "$WORK/server.url")"
  [ -n "$URL" ] || fail "the local API server did not start: $(cat "$WORK/server.err")"
  printf 'apiVersion: v1\nkind: Config\ncurrent-context: smoke\nclusters:\n- name: smoke\n  cluster: {server: "%s"}\nusers:\n- name: smoke\n  user: {token: smoke-token}\ncontexts:\n- name: smoke\n  context: {cluster: smoke, user: smoke}\n' \
    "$URL" >"$WORK/kubeconfig"
  "$APP/bin/kpp-cli" import --kubeconfig "$WORK/kubeconfig" -o "$WORK/live.kpp.json" >"$WORK/live.out" 2>&1 \
    || fail "kpp-cli import --kubeconfig failed: $(tail -n 5 "$WORK/live.out")"
  "$APP/bin/kpp-cli" inventory "$WORK/live.kpp.json" >"$WORK/live-inventory.txt" 2>&1 \
    || fail "the live snapshot does not read back: $(tail -n 5 "$WORK/live-inventory.txt")"
  grep -qE '^Services +40 ' "$WORK/live-inventory.txt" || fail "the live import did not read the 40 Services: $(head -n 3 "$WORK/live-inventory.txt")"
  kill "$SERVER_PID" 2>/dev/null || true
  echo "ok: kpp-cli import --kubeconfig read 40 Services from $URL; the snapshot reads back"
else
  echo "skipped: no import test classes (built with -Dmaven.test.skip); the live import was not tried"
fi

step "java options of both launchers"
for cfg in "$APP/lib/app/kpp.cfg" "$APP/lib/app/kpp-cli.cfg"; do
  for opt in -Dfile.encoding=UTF-8 -Djava.net.useSystemProxies=true; do
    grep -qF -- "$opt" "$cfg" || fail "$cfg lacks $opt"
  done
done
grep -qF -- "-XX:+UseSerialGC" "$APP/lib/app/kpp-cli.cfg" || fail "kpp-cli.cfg lacks the CLI heap settings"
echo "ok: -Dfile.encoding=UTF-8 -Djava.net.useSystemProxies=true in kpp.cfg and kpp-cli.cfg"

step "runtime modules cover what jdeps finds in the jars"
have="$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$APP/lib/runtime/release" | tr ' ' '\n' | sort)"
need="$("$JDK_BIN/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
    --class-path "$TARGET/input/*" "$TARGET"/input/*.jar 2>/dev/null | tail -n 1 | tr ',' '\n' | sort)"
missing="$(comm -23 <(echo "$need") <(echo "$have"))"
[ -z "$missing" ] || fail "the runtime lacks modules jdeps needs: $missing (add them to jlink.modules in packaging/pom.xml)"
for m in jdk.crypto.ec jdk.unsupported jdk.localedata; do
  grep -qx "$m" <<<"$have" || fail "the runtime lacks $m"
done
echo "ok: jdeps needs $(echo $need | tr ' ' ','); the runtime has $(echo "$have" | wc -l) modules"

step "licences and fonts"
legal="$APP/lib/app/legal"
[ -s "$legal/THIRD-PARTY.txt" ] || fail "no $legal/THIRD-PARTY.txt"
for jar in "$TARGET"/input/*.jar; do
  a="$(basename "$jar" .jar)"
  case "$a" in kpp-*) continue ;; esac
  artifact="$(sed -E 's/-[0-9][0-9.]*(-[a-z]+)?$//' <<<"$a")"
  grep -q ":$artifact[:,)]\|:$artifact " "$legal/THIRD-PARTY.txt" || fail "THIRD-PARTY.txt does not list $artifact"
  if unzip -l "$jar" | grep -qiE '\.(ttf|otf|woff2?)$'; then
    grep -qF "$a.jar" "$legal/FONTS.txt" || fail "$a.jar bundles a font that FONTS.txt does not list"
  fi
done
for f in Apache-2.0 MIT BSD-3-Clause OFL-1.1 GPL-2.0-with-Classpath-exception; do
  [ -s "$legal/licenses/$f.txt" ] || fail "no licence text $f"
done
echo "ok: $(grep -c "^    " "$legal/THIRD-PARTY.txt") libraries in THIRD-PARTY.txt, $(find "$legal/bundled" -type f | wc -l) licence/notice files from the jars"

case "$TYPE" in
  deb) ;;
  none) echo "[smoke] no installer on this OS"; exit 0 ;;
  *) echo "[smoke] $TYPE: installed by its own tools, not checked here"; exit 0 ;;
esac

DEB="$(ls "$TARGET"/installer/*.deb)"
step "deb: $DEB ($(du -h "$DEB" | cut -f1))"
depends="$(dpkg-deb -f "$DEB" Depends)"
grep -q 'libgtk-3-0' <<<"$depends" || fail "Depends lacks libgtk-3-0: $depends"
echo "Depends: $depends"

ROOT="$WORK/root"
mkdir -p "$ROOT/var/lib/dpkg/info" "$ROOT/var/lib/dpkg/updates" "$ROOT/var/log" "$ROOT/usr/bin"
: >"$ROOT/var/lib/dpkg/status"
: >"$ROOT/var/lib/dpkg/available"
# A fresh root has no packages, so dependencies cannot be met there (--force-depends); the
# maintainer scripts run on the host with DPKG_ROOT set, and kpp's skip the host's menus then.
DPKG=(dpkg --root="$ROOT" --admindir="$ROOT/var/lib/dpkg" --log="$ROOT/var/log/dpkg.log"
      --force-depends --force-script-chrootless)
"${DPKG[@]}" -i "$DEB" >"$WORK/dpkg-install.log" 2>&1 || { cat "$WORK/dpkg-install.log"; fail "dpkg -i"; }
"${DPKG[@]}" -s kpp | grep -q '^Status: install ok installed' || fail "dpkg does not list kpp as installed"
echo "installed: $("${DPKG[@]}" -s kpp | sed -n 's/^Version: //p')"

out="$(PATH="$ROOT/usr/bin:/usr/bin:/bin" kpp --version)"
grep -qF "$VERSION" <<<"$out" || fail "the installed kpp --version does not print $VERSION"
echo "kpp on the PATH ($(PATH="$ROOT/usr/bin:/usr/bin:/bin" command -v kpp)): $(head -n 1 <<<"$out")"
PATH="$ROOT/usr/bin:/usr/bin:/bin" kpp predict --sample tigera-10k --format json >"$WORK/predict-installed.json"
cmp -s "$WORK/predict.json" "$WORK/predict-installed.json" || fail "the installed kpp predicts differently"
PATH="$ROOT/usr/bin:/usr/bin:/bin" kpp-cli --version >/dev/null || fail "the installed kpp-cli does not run"

[ "$(readlink "$ROOT/usr/bin/kpp")" = "../../opt/kpp/bin/kpp" ] || fail "/usr/bin/kpp is not the postinst's link to /opt/kpp/bin/kpp"
desktop="$ROOT/opt/kpp/lib/kpp-kpp.desktop"
[ -f "$desktop" ] || fail "no desktop entry at $desktop"
grep -qx 'Exec=/opt/kpp/bin/kpp' "$desktop" || fail "the desktop entry does not start /opt/kpp/bin/kpp"
grep -qx 'NoDisplay=true' "$ROOT/opt/kpp/lib/kpp-kpp-cli.desktop" || fail "the console launcher's entry must stay out of the menus"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "$ROOT$icon" ] || fail "the desktop entry's icon $icon is not installed"
[ "$(head -c 8 "$ROOT$icon" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$icon is not a PNG"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop" "$ROOT/opt/kpp/lib/kpp-kpp-cli.desktop" || fail "desktop-file-validate rejects a desktop entry"
  echo "desktop-file-validate: ok"
fi
cp "$desktop" "$WORK/kpp.desktop"
cp "$ROOT$icon" "$WORK/kpp-installed-icon.png"
echo "desktop entry ($desktop):"
sed 's/^/    /' "$desktop"

"${DPKG[@]}" -r kpp >"$WORK/dpkg-remove.log" 2>&1 || { cat "$WORK/dpkg-remove.log"; fail "dpkg -r"; }
[ ! -e "$ROOT/usr/bin/kpp" ] && [ ! -L "$ROOT/usr/bin/kpp" ] || fail "dpkg -r left /usr/bin/kpp behind"
[ ! -e "$ROOT/opt/kpp" ] || fail "dpkg -r left /opt/kpp behind"
echo "dpkg -r kpp: removed cleanly"
echo
echo "[smoke] all checks passed"
