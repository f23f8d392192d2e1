#!/usr/bin/env bash
# Resident memory and idle CPU of the tray app next to `tidesync run`, both watching the same N
# repositories with nothing changing, each with the JVM options its installed launcher uses.
# The app runs on Xvfb with trayer as the tray. Appends a table to bench/target/bench-results.md.
# Usage: bench/app-idle.sh [REPOS [SECONDS]]   (after ./mvnw install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
repos="${1:-200}"; seconds="${2:-60}"; settle=90
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
work="$(mktemp -d /tmp/tidesync-app-bench.XXXXXX)"
cleanup() { kill $(jobs -p) 2>/dev/null || true; }
trap cleanup EXIT

list=""
for i in $(seq 1 "$repos"); do
  git init -q --bare -b main "$work/r$i.git"
  git clone -q "$work/r$i.git" "$work/r$i" 2>/dev/null
  for f in $(seq 1 20); do mkdir -p "$work/r$i/dir$((f % 4))"; echo "text $f" >"$work/r$i/dir$((f % 4))/note$f.md"; done
  git -C "$work/r$i" -c user.name=b -c user.email=b@x add -A
  git -C "$work/r$i" -c user.name=b -c user.email=b@x commit -q -m seed
  git -C "$work/r$i" push -q -u origin HEAD:main
  git -C "$work/r$i" config user.name b; git -C "$work/r$i" config user.email b@x
  list="$list${list:+,}{\"path\":\"$work/r$i\"}"
done
mkhome() { mkdir -p "$1"; echo "{\"desktop\":{\"notifications\":\"off\"},\"repositories\":[$list]}" >"$1/config.json"; touch "$1/first-run.done"; }

./mvnw -q -o -pl app dependency:build-classpath -Dmdep.outputFile="$work/app.cp" >/dev/null
appcp="app/target/classes:engine/target/classes:$(tr ':' '\n' <"$work/app.cp" | grep -v tidesync-engine | paste -sd:)"
enginecp="engine/target/tidesync.jar"

measure() { # PID LABEL
  sleep "$settle"
  local c0 c1 t0 t1
  c0=$(awk '{print $14+$15}' "/proc/$1/stat"); t0=$(date +%s%N)
  sleep "$seconds"
  c1=$(awk '{print $14+$15}' "/proc/$1/stat"); t1=$(date +%s%N)
  local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status")
  # ticks are 10 ms; percent of one core = ticks*10 ms / elapsed ms * 100
  awk -v c=$((c1 - c0)) -v t=$(((t1 - t0) / 1000000)) -v r="$rss" -v l="$2" 'BEGIN {printf "| %s | %.2f %% | %s MiB |\n", l, c * 10 / t * 100, r}'
}

mkhome "$work/home-run"
"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m -cp "$enginecp" dev.tidesync.cli.Main --home "$work/home-run" run >"$work/run.log" 2>&1 &
run_pid=$!
row_run=$(measure $run_pid "\`tidesync run\` (headless)")
kill $run_pid; wait $run_pid 2>/dev/null || true

Xvfb :79 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
sleep 1
DISPLAY=:79 trayer --edge top --align right --widthtype request --height 24 >"$work/trayer.log" 2>&1 &
sleep 1
mkhome "$work/home-app"
DISPLAY=:79 TIDESYNC_HOME="$work/home-app" "$java" -XX:+UseSerialGC -Xms16m -Dprism.order=sw \
  --enable-native-access=javafx.graphics,ALL-UNNAMED -cp "$appcp" dev.tidesync.app.Launcher >"$work/app.log" 2>&1 &
app_pid=$!
row_app=$(measure $app_pid "tray app (Xvfb + trayer)")

out=$(cat <<TABLE

### The tray app next to \`tidesync run\`, $repos repositories, nothing changing ($seconds s after ${settle} s)

_$(date +%F) · $(nproc) cores · $("$java" -version 2>&1 | head -1) · $(git --version)_

| process | CPU, % of one core | resident memory |
|---|---|---|
$row_run
$row_app
TABLE
)
echo "$out"
mkdir -p bench/target && echo "$out" >>bench/target/bench-results.md
