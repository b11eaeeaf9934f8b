#!/usr/bin/env bash
# Smoke test of the Linux package, run by .ci/run after `mvn -B -ntp verify`:
#   builds the .deb (mvn -Pinstaller package), checks its metadata, installs it with apt-get (which
#   brings the libraries it declares), runs the installed `rehearsal` command on a small real
#   export and writes a report, starts the installed desktop app under Xvfb until its first frame,
#   then removes the package and checks that nothing of it is left.
# Needs root and apt-get (Debian or Ubuntu); installs what it needs. Prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

PACKAGE=rehearsal
INSTALL_DIR=/opt/rehearsal
COMMAND=/usr/bin/rehearsal
APP="$INSTALL_DIR/bin/Rehearsal"
MENU_ENTRY=/usr/share/applications/rehearsal-Rehearsal.desktop
# Small real exports (Apache DevLake's test tables): PagerDuty incidents, GitLab deployments.
FIXTURES=(
  src/test/resources/fixtures/devlake/pagerduty/_raw_pagerduty_incidents.csv
  src/test/resources/fixtures/devlake/gitlab/_raw_gitlab_api_deployments.csv
)
# What installers/linux-deb.args declares and jpackage would leave out.
DECLARED_DEPENDENCIES=(libgtk-3-0 libgl1 libxtst6 libfreetype6 libpango-1.0-0 fonts-dejavu-core)
FIRST_FRAME_TIMEOUT=120

step() { printf '\n== %s (%d s)\n' "$*" "$((SECONDS - start))"; }
fail() {
  echo "smoke test FAILED: $*" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || fail "run it as root: it installs and removes a package"
command -v apt-get >/dev/null 2>&1 || fail "it needs apt-get (Debian or Ubuntu)"
export DEBIAN_FRONTEND=noninteractive

work=$(mktemp -d /tmp/rehearsal-smoke.XXXXXX)
created_dirs=()
cleanup() {
  local status=$?
  if dpkg -s "$PACKAGE" >/dev/null 2>&1 && [ -n "${installed_here:-}" ]; then
    apt-get purge -y -q "$PACKAGE" >/dev/null 2>&1 || dpkg --purge "$PACKAGE" || true
  fi
  # folders this script made (see "install"), with what the menu tools put in them
  for d in ${created_dirs[@]+"${created_dirs[@]}"}; do rm -rf "$d"; done
  rm -rf "$work"
  if [ "$status" = 0 ]; then
    echo "smoke test passed in $((SECONDS - start)) s"
  else
    echo "smoke test failed after $((SECONDS - start)) s" >&2
  fi
  exit "$status"
}
trap cleanup EXIT

step "tools: fakeroot (jpackage's .deb), Xvfb (a display for the app)"
need=()
for p in fakeroot xvfb xauth; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
# the package lists are also what `apt-get install ./the.deb` resolves its dependencies from
apt-get update -q >/dev/null
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
if dpkg -s "$PACKAGE" >/dev/null 2>&1; then
  fail "$PACKAGE is installed already; remove it first (apt-get purge $PACKAGE)"
fi

step "build: mvn -Pinstaller package"
mvn -B -ntp -Pinstaller -DskipTests package >"$work/build.log" 2>&1 || {
  tail -50 "$work/build.log"
  fail "the installer build failed"
}
debs=(target/installer/"$PACKAGE"_*.deb)
if [ ${#debs[@]} != 1 ] || [ ! -f "${debs[0]}" ]; then
  fail "expected one .deb in target/installer: ${debs[*]}"
fi
deb=${debs[0]}

step "metadata: dpkg-deb -I $deb"
dpkg-deb -I "$deb"
pom_version=$(grep -m1 -o '<version>[^<]*</version>' pom.xml | sed 's:</*version>::g')
[ -n "$pom_version" ] || fail "no version in pom.xml"
expected_version="${pom_version//-/\~}-1" # 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT-1
[ "$(dpkg-deb -f "$deb" Package)" = "$PACKAGE" ] || fail "package name is not $PACKAGE"
[ "$(dpkg-deb -f "$deb" Version)" = "$expected_version" ] ||
  fail "version $(dpkg-deb -f "$deb" Version), expected $expected_version"
depends=", $(dpkg-deb -f "$deb" Depends | tr -d ' '),"
for d in "${DECLARED_DEPENDENCIES[@]}"; do
  [[ $depends == *",$d,"* ]] || fail "Depends lacks $d"
done
echo "package $PACKAGE $expected_version, $(du -k "$deb" | cut -f1) KiB," \
  "installed $(dpkg-deb -f "$deb" Installed-Size) KiB; declares ${DECLARED_DEPENDENCIES[*]}"

step "install: apt-get install ./$(basename "$deb")"
# On a system without a desktop menu (a server, a container) the package installs without a
# menu entry. Give this one the folders a desktop has, so that the entry is installed and checked.
for d in /usr/share/applications /usr/share/desktop-directories; do
  [ -d "$d" ] || { mkdir -p "$d" && created_dirs+=("$d"); }
done
installed_here=1
apt-get install -y -q --no-install-recommends "./$deb" >"$work/install.log" 2>&1 || {
  tail -30 "$work/install.log"
  fail "apt-get install failed"
}
hash -r
[ "$(command -v rehearsal)" = "$COMMAND" ] || fail "rehearsal is not $COMMAND on the PATH"
[ "$(readlink -f "$COMMAND")" = "$INSTALL_DIR/bin/rehearsal" ] || fail "$COMMAND is not the installed launcher"
[ -x "$APP" ] || fail "no app launcher $APP"
# JavaFX's native libraries beside the JDK's, where JavaFX loads them from
[ -f "$INSTALL_DIR/lib/runtime/lib/libglassgtk3.so" ] || fail "no JavaFX native libraries in the runtime"
[ -f "$MENU_ENTRY" ] || fail "no menu entry $MENU_ENTRY"
du -sh "$INSTALL_DIR"
# the window's JVM runs C1 only, the command line's both compilers (decision 0030)
grep -qx 'java-options=-XX:TieredStopAtLevel=1' "$INSTALL_DIR/lib/app/Rehearsal.cfg" ||
  fail "the app launcher's JVM options lack -XX:TieredStopAtLevel=1: $(cat "$INSTALL_DIR/lib/app/Rehearsal.cfg")"
if grep -q 'TieredStopAtLevel' "$INSTALL_DIR/lib/app/rehearsal.cfg"; then
  fail "the command line's JVM options have the window's C1-only flag"
fi
grep -qx 'java-options=-Xmx1g' "$INSTALL_DIR/lib/app/rehearsal.cfg" ||
  fail "the command line's JVM options lack -Xmx1g: $(cat "$INSTALL_DIR/lib/app/rehearsal.cfg")"

# Java takes the home folder from the account, not $HOME: point it elsewhere to see that the
# installed app writes nothing there (JavaFX's native libraries come with the runtime).
home="$work/home"
mkdir -p "$home"
export JAVA_TOOL_OPTIONS="-Duser.home=$home"

step "version: rehearsal --version"
version_line=$(rehearsal --version 2>/dev/null)
echo "$version_line"
if commit=$(git rev-parse --short=7 --verify HEAD 2>/dev/null); then
  expected="Rehearsal $pom_version (commit $commit)"
else
  expected="Rehearsal $pom_version (no commit recorded)"
fi
[ "$version_line" = "$expected" ] || fail "--version printed '$version_line', expected '$expected'"

workspace="$work/workspace"
# the report and the first frame stay in the build folder, to look at
report=target/installer/smoke
rm -rf "$report"
mkdir -p "$report"

# The reports the installed command writes: the incidents CSV and the quarterly PDF over all
# the fixtures' time, with the counts beside them.
write_report() {
  rehearsal stats --workspace "$workspace" --json >"$report/stats.json"
  rehearsal rejections --workspace "$workspace" >"$report/rejections.txt"
  rehearsal report --workspace "$workspace" --from 2000-01-01 --to 2100-01-01 \
    --csv "$report/incidents.csv" --pdf "$report/report.pdf"
  [ "$(head -c 5 "$report/report.pdf")" = "%PDF-" ] || fail "the report is not a PDF"
  [ "$(wc -l <"$report/incidents.csv")" -gt 1 ] || fail "the incidents CSV has no rows"
}

step "command line: import, analyze, report"
rehearsal import --workspace "$workspace" --strict "${FIXTURES[@]}"
rehearsal analyze --workspace "$workspace" >"$report/analyze.txt"
write_report
grep -Eq '"incident" : [1-9]' "$report/stats.json" || fail "the report counts no incidents"
grep -Eq '"deploy" : [1-9]' "$report/stats.json" || fail "the report counts no deploys"
grep -Eq '"finding" : [1-9]' "$report/stats.json" || fail "the analysis stored no findings"
ls -l "$report"

step "desktop app: first frame under Xvfb"
shot="$report/first-frame.png"
t0=$SECONDS
timeout "$FIRST_FRAME_TIMEOUT" xvfb-run -a -s "-screen 0 1280x800x24" \
  "$APP" --workspace="$workspace" --screenshot="$shot" --exit-after-load >"$work/app.log" 2>&1 || {
  cat "$work/app.log"
  fail "the app did not show its first frame and exit within $FIRST_FRAME_TIMEOUT s"
}
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "no PNG at $shot"
echo "first frame after $((SECONDS - t0)) s (JVM start included): $(du -k "$shot" | cut -f1) KiB PNG"
# Allowed in the home folder: Rehearsal's own folders where the platform keeps them (XDG: the
# window's preferences in ~/.config/rehearsal, the PDF library's font cache in
# ~/.cache/rehearsal) and the font configuration cache the JDK writes for any program that lays
# out text with AWT's fonts (the reports' charts do); nothing else (no JavaFX native libraries,
# no dot-files of its own).
[ ! -e "$home/.pdfbox.cache" ] || fail "the PDF font cache went into the home folder"
leftovers=$(find "$home" -mindepth 1 \
  -not -path "$home/.cache" -not -path "$home/.cache/rehearsal" -not -path "$home/.cache/rehearsal/*" \
  -not -path "$home/.config" -not -path "$home/.config/rehearsal" -not -path "$home/.config/rehearsal/*" \
  -not -path "$home/.java" -not -path "$home/.java/fonts" -not -path "$home/.java/fonts/*" | head -5)
[ -z "$leftovers" ] || fail "the installed app wrote into the home folder: $leftovers"
unset JAVA_TOOL_OPTIONS

step "remove: apt-get purge $PACKAGE"
apt-get purge -y -q "$PACKAGE" >/dev/null
installed_here=
hash -r
dpkg -s "$PACKAGE" >/dev/null 2>&1 && fail "$PACKAGE is still installed"
[ ! -e "$INSTALL_DIR" ] || fail "$INSTALL_DIR is left: $(find "$INSTALL_DIR" | head -5)"
if [ -e "$COMMAND" ] || [ -L "$COMMAND" ]; then fail "$COMMAND is left"; fi
! command -v rehearsal >/dev/null 2>&1 || fail "rehearsal is still on the PATH: $(command -v rehearsal)"
leftovers=$(find /usr/share/applications /usr/share/desktop-directories -name 'rehearsal*' 2>/dev/null)
[ -z "$leftovers" ] || fail "menu entries are left: $leftovers"
echo "nothing of $PACKAGE is left"
