#!/usr/bin/env bash
# Installs the .deb that packaging/build.sh made into this (throwaway) machine and checks it the
# way a user meets it: the command line on PATH, the tray app coming up on a StatusNotifierItem panel
# and on an XEmbed tray,
# the first-run question, start at login on and off, then a removal that leaves nothing behind.
# Needs root (dpkg, a test user), Xvfb, dbus-daemon, xfce4-panel, gdbus, trayer, x11-utils, xdotool and imagemagick.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(ls target/installers/tidesync_*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || { echo "test-installed: no .deb in target/installers; run packaging/build.sh --type deb first" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "test-installed: run as root (it installs a package and adds a user)" >&2; exit 2; }
user=tidesync-try
home=/home/$user
display=:$((90 + RANDOM % 9))
pids=()
shots=target/installers

step() { printf '== %s\n' "$*"; }
fail() { echo "test-installed: FAILED: $*" >&2; exit 1; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  dpkg -s tidesync >/dev/null 2>&1 && dpkg --purge tidesync >/dev/null 2>&1 || true
  forget_user
}
forget_user() {
  if id "$user" >/dev/null 2>&1; then
    pkill -KILL -u "$user" 2>/dev/null || true
    sleep 0.5
    userdel -r "$user" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
# As the test user, in a clean environment, as a desktop session would start things.
as_user() { runuser -u "$user" -- env -i HOME="$home" USER="$user" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$display" "$@"; }
# In the background: `as_user_bg … & pid=$!`. The function runs in a subshell; exec makes that
# subshell runuser itself, so $! is runuser (which passes a SIGTERM on to the program) and not
# a shell that would die alone and leave the program running.
as_user_bg() { exec runuser -u "$user" -- env -i HOME="$home" USER="$user" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$display" "$@"; }
wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for ((i = 0; i < seconds * 4; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  fail "$what within ${seconds}s"
}

# dpkg -i does not fetch what the package depends on (git, xdg-utils, the X and ALSA libraries): apt does it first.
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' '); do
  dpkg -s "${dep%%|*}" >/dev/null 2>&1 || missing+=("${dep%%|*}")
done
if ((${#missing[@]})); then
  step "install what the package depends on: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "install $(basename "$deb") ($(( $(wc -c <"$deb") / 1048576 )) MB) with dpkg -i"
dpkg -i "$deb" >/dev/null
[[ $(command -v tidesync) == /usr/bin/tidesync ]] || fail "tidesync is not on PATH as /usr/bin/tidesync"
[[ -x /opt/tidesync/bin/Tidesync ]] || fail "the tray app launcher /opt/tidesync/bin/Tidesync is missing"
ls /usr/share/applications/ | grep -q '^tidesync-Tidesync.desktop$' || fail "no menu entry in /usr/share/applications"

forget_user # a fresh user: a first start, with no settings
useradd -m -s /bin/bash "$user"

step "the command line from PATH"
as_user tidesync --version | tee /dev/stderr | grep -q "tidesync" || fail "tidesync --version"
as_user git config --global user.name "Try Out"
as_user git config --global user.email try@example.invalid
as_user git init -q --bare "$home/remote.git"
as_user git clone -q "$home/remote.git" "$home/notes" 2>/dev/null
as_user git -C "$home/notes" commit -q --allow-empty -m start
as_user git -C "$home/notes" push -q origin HEAD 2>/dev/null
as_user tidesync add "$home/notes" >/dev/null
echo "hello" | as_user tee "$home/notes/hello.md" >/dev/null
as_user tidesync sync "$home/notes" || fail "tidesync sync"
[[ -n $(as_user git --git-dir="$home/remote.git" log --oneline -- hello.md) ]] || fail "the sync did not reach the remote"
as_user tidesync doctor || fail "tidesync doctor found problems"

step "the tray app on a desktop whose panel shows StatusNotifierItems (xfce4-panel, $display)"
Xvfb "$display" -ac -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & pids+=($!)
wait_for 10 "Xvfb to start" xdpyinfo -display "$display"
bus="unix:path=$home/session-bus"
as_user_bg dbus-daemon --session --nofork --address="$bus" >/dev/null 2>&1 & pids+=($!)
wait_for 10 "the session bus to start" test -S "$home/session-bus"
panel_config=$home/.config/xfce4/xfconf/xfce-perchannel-xml
as_user mkdir -p "$panel_config"
install -o "$user" -m 644 app/src/test/resources/dev/tidesync/app/fixture/xfce4-panel.xml "$panel_config/"
as_user_bg DBUS_SESSION_BUS_ADDRESS="$bus" xfce4-panel --disable-wm-check >/dev/null 2>&1 & panel=$!; pids+=($panel)
on_bus() { as_user DBUS_SESSION_BUS_ADDRESS="$bus" "$@"; }
watcher_up() {
  on_bus gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.kde.StatusNotifierWatcher | grep -q true
}
wait_for 30 "xfce4-panel's StatusNotifierWatcher" watcher_up
# Xvfb has no OpenGL: JavaFX draws in software there (JDK_JAVA_OPTIONS reaches jpackage launchers).
as_user_bg DBUS_SESSION_BUS_ADDRESS="$bus" JDK_JAVA_OPTIONS=-Dprism.order=sw /opt/tidesync/bin/Tidesync >"$shots/installed-app.log" 2>&1 & app=$!; pids+=($app)
# First run: the question about starting at login, and the icon registered with the panel.
wait_for 60 "the first-run question to appear" env DISPLAY="$display" xdotool search --name "Welcome to Tidesync"
registered() {
  on_bus gdbus call --session --dest org.kde.StatusNotifierWatcher --object-path /StatusNotifierWatcher \
    --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems | grep -q StatusNotifierItem-
}
wait_for 20 "the tray icon to be registered with the panel" registered
as_user tidesync status >/dev/null || fail "tidesync status while the app runs"
# With the app's engine running, the hook maps its AOT cache (AOTMode=on makes a cache the JVM cannot use an error).
[[ -s /opt/tidesync/lib/app/tidesync-hook.aot ]] || fail "the hook's AOT cache /opt/tidesync/lib/app/tidesync-hook.aot is missing"
[[ -S $home/.local/state/tidesync/tidesync.sock ]] || fail "the app's engine has no control socket (the launcher picks the hook's cache by it)"
printf '{"cwd":"%s","session_id":"try"}' "$home/notes" | as_user env JAVA_TOOL_OPTIONS=-XX:AOTMode=on tidesync hook prompt \
  || fail "tidesync hook prompt could not map its AOT cache"
as_user tidesync doctor | grep -q "tray app (its icon: StatusNotifierItem" || fail "doctor does not name the app's StatusNotifierItem tray"
grep -q "tray: StatusNotifierItem" "$shots/installed-app.log" || fail "the app did not choose the StatusNotifierItem tray"
import -display "$display" -window root "$shots/installed-app.png" 2>/dev/null || true
question=$(DISPLAY=$display xdotool search --name "Welcome to Tidesync" | head -1)
DISPLAY=$display xdotool windowfocus --sync "$question" key Return   # the default button: Start at login

step "start at login"
entry=$home/.config/autostart/tidesync.desktop
wait_for 10 "the first-run answer to write $entry" test -f "$entry"
grep -qx "Exec=/opt/tidesync/bin/Tidesync" "$entry" || fail "$entry does not start /opt/tidesync/bin/Tidesync"
as_user tidesync autostart off | grep -q "is off" || fail "tidesync autostart off"
[[ ! -e $entry ]] || fail "$entry is still there after autostart off"
as_user tidesync autostart on | grep -q "is on" || fail "tidesync autostart on"
grep -qx "Exec=/opt/tidesync/bin/Tidesync" "$entry" || fail "autostart on did not find the installed app"

step "the app stops on SIGTERM"
kill -TERM "$app"
wait_for 20 "the app to exit" sh -c "! kill -0 $app"
kill "$panel" 2>/dev/null || true

step "the tray app on a desktop with only an XEmbed tray (trayer, no session bus)"
as_user_bg trayer --edge top --align right --widthtype request --height 28 --transparent false --tint 0x303030 >/dev/null 2>&1 & pids+=($!)
wait_for 10 "trayer to start" sh -c "xwininfo -display $display -root -tree | grep -q '\"panel\"'"
as_user_bg JDK_JAVA_OPTIONS=-Dprism.order=sw /opt/tidesync/bin/Tidesync >"$shots/installed-app-xembed.log" 2>&1 & app=$!; pids+=($app)
wait_for 40 "the tray icon to be embedded" sh -c "xwininfo -display $display -root -tree | grep -q JavaEmbeddedFrame"
import -display "$display" -window root "$shots/installed-app-xembed.png" 2>/dev/null || true
kill -TERM "$app"
wait_for 20 "the app to exit" sh -c "! kill -0 $app"

for log in "$shots/installed-app.log" "$shots/installed-app-xembed.log"; do
  grep -q "A fatal error has been detected" "$log" && fail "the app crashed: see $log"
done

step "remove the package"
dpkg -r tidesync >/dev/null
for left in /opt/tidesync /usr/bin/tidesync /usr/share/applications/tidesync-Tidesync.desktop "$entry"; do
  [[ ! -e $left && ! -L $left ]] || fail "$left is left behind after removal"
done
if find /usr/share /etc -name '*tidesync*' 2>/dev/null | grep -q .; then
  fail "left behind: $(find /usr/share /etc -name '*tidesync*' | tr '\n' ' ')"
fi
[[ -z $(dpkg -L tidesync 2>/dev/null | grep -v '^/\.$' | while read -r f; do [[ -e $f && ! -d $f ]] && echo "$f"; done) ]] \
  || fail "files dpkg lists for tidesync are still there"
dpkg --purge tidesync >/dev/null
[[ $(dpkg-query -W -f='${db:Status-Status}' tidesync 2>/dev/null || echo not-installed) == not-installed ]] || fail "dpkg still knows tidesync after purge"
echo "test-installed: all checks passed (the user's own ~/.config/tidesync and state stay, as user data should)"
