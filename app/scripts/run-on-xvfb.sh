#!/bin/bash
# Runs the tray app on a virtual X display with a real system tray (trayer), a session D-Bus and
# a notification server (dunst): how docs/screenshots were taken. Needs the Debian packages that
# .ci/run installs plus xdotool for clicking. Usage: app/scripts/run-on-xvfb.sh [DISPLAY_NUMBER]
# then e.g. DISPLAY=:77 xdotool mousemove 1266 12 click 3; DISPLAY=:77 import -window root shot.png
set -euo pipefail
n="${1:-77}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/tmp/tidesync-xvfb.log 2>&1 &
sleep 1
export DISPLAY=":$n"
trayer --edge top --align right --widthtype request --height 24 --tint 0x303030 --transparent false >/tmp/tidesync-trayer.log 2>&1 &
sleep 1
cd "$here"
"$here/mvnw" -q -o -pl app dependency:build-classpath -Dmdep.outputFile=/tmp/tidesync-app.cp
cp="app/target/classes:engine/target/classes:$(tr ':' '\n' </tmp/tidesync-app.cp | grep -v tidesync-engine | paste -sd:)"
exec dbus-run-session -- bash -c "dunst >/tmp/tidesync-dunst.log 2>&1 & exec '$JAVA_HOME/bin/java' -Dprism.order=sw -cp '$cp' dev.tidesync.app.Launcher"
