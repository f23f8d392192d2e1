#!/usr/bin/env bash
# The tray app under a long, busy session, on a real tray host under Xvfb: the StatusNotifierItem
# host (xfce4-panel on a private session bus) and the XEmbed tray (trayer, no bus, the AWT path).
# Each run has an idle phase (nothing changes: resident memory and CPU next to `tidesync run` on
# the same repositories) and an active phase: an edit every few seconds that the app commits and
# pushes, the status panel opened and closed by xdotool, the tray host killed and restarted.
# It fails if the app dies, writes a JVM crash file, loses its icon when the host restarts, or
# (full runs) its memory grows more than 10 % over the last two thirds of the active phase: the
# first third loads what the idle phase never used (the panel's controls and styles, the icon
# re-registration), a step and not a leak, so growth is measured from there. RSS is sampled at
# every step into HOST-rss.csv next to the results. Appends a table to bench/target/bench-results.md.
#
# Usage: bench/app-soak.sh [--quick] [--hosts sni,xembed] [--repos N] [--idle SECONDS] [--active SECONDS]
#   full (default): 200 repositories, 10 min idle, 20 min active, 100 panel toggles, 2 host restarts
#   --quick (CI):   20 repositories, 20 s idle, 60 s active, 15 toggles, 1 restart
# Needs: Xvfb, dbus-daemon, xfce4-panel, trayer, xdotool, x11-utils, gdbus; after ./mvnw install -DskipTests.
set -euo pipefail
cd "$(dirname "$0")/.."
repos=200; idle=600; active=1200; toggles=100; restarts=2; hosts=sni,xembed; quick=no
while (($#)); do
  case "$1" in
    --quick) quick=yes; repos=20; idle=20; active=60; toggles=15; restarts=1 ;;
    --hosts) hosts=$2; shift ;;
    --repos) repos=$2; shift ;;
    --idle) idle=$2; shift ;;
    --active) active=$2; shift ;;
    *) echo "app-soak: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
for tool in Xvfb dbus-daemon xfce4-panel trayer xdotool xwininfo gdbus import; do
  command -v "$tool" >/dev/null || { echo "app-soak: $tool is missing (see README: the desktop packages)" >&2; exit 2; }
done
work="$(mktemp -d /tmp/tidesync-soak.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
# The installed launchers' options (packaging/build.sh), so the numbers are the ones users get.
jvm=(-XX:+UseSerialGC -Xms16m -Xmx128m -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dprism.order=sw)

echo "app-soak: $repos repositories in $work"
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

./mvnw -q -o -pl app dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/app.cp" >/dev/null
# A private copy of the build, so rebuilding during a long run cannot change what runs.
mkdir -p "$work/build"
cp -r app/target/classes "$work/build/app-classes"; cp -r engine/target/classes "$work/build/engine-classes"
cp engine/target/tidesync.jar "$work/build/tidesync.jar"
appcp="$work/build/app-classes:$work/build/engine-classes:$(tr ':' '\n' <"$work/app.cp" | grep -v tidesync-engine | paste -sd:)"

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
threads() { ls "/proc/$1/task" 2>/dev/null | wc -l; }
cpu_over() { # PID SECONDS: % of one core used over the next SECONDS
  local c0 c1 t0 t1; c0=$(ticks "$1"); t0=$(date +%s%N); sleep "$2"; c1=$(ticks "$1"); t1=$(date +%s%N)
  awk -v c=$((c1 - c0)) -v t=$(((t1 - t0) / 1000000)) 'BEGIN {printf "%.2f", c * 10 / t * 100}'
}
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# The headless engine on the same repositories, idle: the baseline measured in the same run.
mkhome "$work/home-run"
"$java" -XX:+UseSerialGC -Xms16m -cp "$work/build/tidesync.jar" dev.tidesync.cli.Main --home "$work/home-run" run >"$work/run.log" 2>&1 &
run=$!; pids+=($run)
sleep $((idle / 2 > 10 ? idle / 2 : 10))
run_cpu=$(cpu_over $run $((idle / 2 > 10 ? idle / 2 : 10)))
run_rss=$(rss $run); run_threads=$(threads $run)
kill $run; wait $run 2>/dev/null || true
rows="| \`tidesync run\` (headless, baseline) | — | $repos | ${run_cpu} % | $run_rss MiB | — | — | — | $run_threads | — | — | — | — |"

failed=0
soak() { # HOST
  local host=$1 d=$((70 + RANDOM % 20)) dir="$work/$1" bus="" panel app started icon_ms
  mkdir -p "$dir/home-x"; mkhome "$dir/tidesync"
  Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 & pids+=($!)
  sleep 1
  export DISPLAY=":$d"
  if [[ $host == sni ]]; then
    bus="unix:path=$dir/bus"
    dbus-daemon --session --nofork --address="$bus" >"$dir/dbus.log" 2>&1 & pids+=($!)
    for _ in $(seq 1 40); do [[ -S $dir/bus ]] && break; sleep 0.25; done
    mkdir -p "$dir/home-x/.config/xfce4/xfconf/xfce-perchannel-xml"
    cp app/src/test/resources/dev/tidesync/app/fixture/xfce4-panel.xml "$dir/home-x/.config/xfce4/xfconf/xfce-perchannel-xml/"
  fi
  start_host() {
    if [[ $host == sni ]]; then
      HOME="$dir/home-x" DBUS_SESSION_BUS_ADDRESS="$bus" xfce4-panel --disable-wm-check >>"$dir/host.log" 2>&1 & panel=$!
      for _ in $(seq 1 120); do
        DBUS_SESSION_BUS_ADDRESS="$bus" gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
          --method org.freedesktop.DBus.NameHasOwner org.kde.StatusNotifierWatcher 2>/dev/null | grep -q true && break
        sleep 0.25
      done
    else
      trayer --edge top --align right --widthtype request --height 24 --transparent false --tint 0x303030 >>"$dir/host.log" 2>&1 & panel=$!
      sleep 1
    fi
    pids+=($panel)
  }
  icon_shown() {
    if [[ $host == sni ]]; then
      DBUS_SESSION_BUS_ADDRESS="$bus" gdbus call --session --dest org.kde.StatusNotifierWatcher --object-path /StatusNotifierWatcher \
        --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems 2>/dev/null \
        | grep -q "StatusNotifierItem-$app"
    else
      xwininfo -root -tree 2>/dev/null | grep -q JavaEmbeddedFrame
    fi
  }
  start_host
  sleep 2 # the host settles first, so start-to-icon times the app, not the panel loading its plugins
  started=$(date +%s%N)
  # In its own folder, where a JVM crash would leave its hs_err file.
  (cd "$dir" && exec env -u DBUS_SESSION_BUS_ADDRESS ${bus:+DBUS_SESSION_BUS_ADDRESS=$bus} HOME="$dir/home-x" TIDESYNC_HOME="$dir/tidesync" \
    "$java" "${jvm[@]}" -cp "$appcp" dev.tidesync.app.Launcher >"$dir/app.log" 2>&1) &
  app=$!; pids+=($app)
  icon_ms=""
  for _ in $(seq 1 400); do icon_shown && { icon_ms=$(ms_since "$started"); break; }; sleep 0.05; done
  [[ -n $icon_ms ]] || icon_ms="never"

  # Idle: nothing changes.
  sleep $((idle / 2))
  local idle_cpu idle_rss
  idle_cpu=$(cpu_over $app $((idle - idle / 2)))
  idle_rss=$(rss $app)
  echo "app-soak: $host idle: ${idle_cpu} % CPU, $idle_rss MiB, icon after $icon_ms ms"

  # Active: edits, panel toggles, host restarts.
  local lost=0 end=$((SECONDS + active)) step=$((active / toggles > 0 ? active / toggles : 1)) edits=0 opened=0 restarted=0 next_restart
  local warm_at=$((SECONDS + active / 3)) warm_rss="" began=$SECONDS samples="bench/target/$host-rss.csv"
  mkdir -p bench/target; echo "seconds,rss_mib" >"$samples"
  next_restart=$((SECONDS + active / (restarts + 1)))
  while ((SECONDS < end)) && kill -0 $app 2>/dev/null; do
    local r=$((RANDOM % repos + 1))
    echo "edit $edits at $(date +%T)" >>"$work/r$r/dir1/note1.md"; edits=$((edits + 1))
    if ((opened < toggles)); then
      xdotool mousemove 1268 12 click 1 >/dev/null 2>&1 || true; sleep 1
      xdotool mousemove 400 600 click 1 >/dev/null 2>&1 || true
      opened=$((opened + 1))
    fi
    if ((restarted < restarts && SECONDS >= next_restart)); then
      kill $panel 2>/dev/null || true; wait $panel 2>/dev/null || true
      sleep 2
      start_host
      restarted=$((restarted + 1)); next_restart=$((next_restart + active / (restarts + 1)))
      for _ in $(seq 1 200); do icon_shown && break; sleep 0.1; done
      icon_shown || { echo "app-soak: $host: the icon did not come back after host restart $restarted" >&2; lost=$((lost + 1)); }
    fi
    sleep $((step > 1 ? step - 1 : 1))
    echo "$((SECONDS - began)),$(rss $app)" >>"$samples"
    [[ -z $warm_rss && $SECONDS -ge $warm_at ]] && warm_rss=$(rss $app)
  done
  [[ -n $warm_rss ]] || warm_rss=$idle_rss
  local alive=yes end_rss end_threads growth crash=0
  kill -0 $app 2>/dev/null || alive=no
  end_rss=$(rss $app); end_threads=$(threads $app)
  kill -TERM $app 2>/dev/null || true
  for _ in $(seq 1 80); do kill -0 $app 2>/dev/null || break; sleep 0.25; done
  kill -9 $app 2>/dev/null || true
  ls "$dir"/hs_err_pid*.log >/dev/null 2>&1 && crash=$(ls "$dir"/hs_err_pid*.log | wc -l)
  grep -q "A fatal error has been detected" "$dir/app.log" && crash=$((crash > 0 ? crash : 1))
  growth=$(awk -v a="$warm_rss" -v b="$end_rss" 'BEGIN {if (a > 0) printf "%+.1f", (b - a) * 100 / a; else print "—"}')
  kill $panel 2>/dev/null || true
  local name; [[ $host == sni ]] && name="tray app, StatusNotifierItem (xfce4-panel)" || name="tray app, XEmbed (trayer)"
  rows="$rows
| $name | $icon_ms ms | $repos | ${idle_cpu} % | $idle_rss MiB | $warm_rss MiB | $end_rss MiB | ${growth} % | $end_threads | $edits | $opened | $restarted | $alive, $crash crash files |"
  # A quick run is too short for the memory rule: the first minutes still load classes and compile.
  if [[ $alive != yes || $crash -gt 0 || $lost -gt 0 ]] || { [[ $quick == no ]] && awk -v g="$growth" 'BEGIN {exit !(g + 0 > 10)}'; }; then
    echo "app-soak: $host FAILED: alive=$alive, crash files=$crash, icon lost after a host restart $lost times, memory growth $growth % (log: $dir/app.log)" >&2
    failed=1
  fi
}
IFS=, read -ra wanted <<<"$hosts"
for h in "${wanted[@]}"; do soak "$h"; done

out=$(cat <<TABLE

### Tray app soak: $repos repositories, ${idle} s idle then ${active} s active$([[ $quick == yes ]] && echo " (quick)")

_$(date +%F) · $(nproc) cores · $("$java" -version 2>&1 | head -1) · $(git --version)_

| process | start to icon | repos | idle CPU (% of one core) | RSS idle | RSS after ⅓ active | RSS end | growth over ⅔ active | threads | edits | panel opened | host restarts | alive |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
$rows
TABLE
)
echo "$out"
mkdir -p bench/target && echo "$out" >>bench/target/bench-results.md
exit $failed
