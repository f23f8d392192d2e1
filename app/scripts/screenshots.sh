#!/bin/bash
# Retakes README's screenshots from the real app: Xvfb, a private session bus, Debian's
# xfce4-panel (a StatusNotifierItem host) and dunst (a notification server), with scratch
# repositories in every state the panel shows, a real conflict among them. Nothing on the
# machine is touched: the repositories, the Tidesync home and the panel's settings live in a
# temporary folder, removed at the end.
# Needs what .ci/run installs, after ./mvnw install. Usage: app/scripts/screenshots.sh [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$here/docs/screenshots}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"

cli() { TIDESYNC_HOME="$work/tidesync" "$java" -jar "$here/engine/target/tidesync.jar" "$@"; }
as() { local who="$1"; shift; git -c user.name="$who" -c user.email="$who@example.org" -c init.defaultBranch=main "$@"; }

# --- Repositories in every state ------------------------------------------------------------
mkdir -p "$work/remotes" "$work/laptop" "$work/desktop"
for r in thesis notes dotfiles; do git init -q --bare -b main "$work/remotes/$r.git"; done

# thesis: the same lines changed on both machines, and a figure deleted here but changed there.
as laptop clone -q "$work/remotes/thesis.git" "$work/laptop/thesis" 2>/dev/null
mkdir -p "$work/laptop/thesis/chapters" "$work/laptop/thesis/figures"
printf '# Results\n\nWe measured the sync delay on three machines.\nThe median delay was 4 seconds.\nSee table 2 for every run.\n\n## Limits\n\nOne laptop slept during the test.\n' > "$work/laptop/thesis/chapters/03-results.md"
printf '\x89PNG\r\n\x1a\n\x00\x00first version of the figure' > "$work/laptop/thesis/figures/overview.png"
(cd "$work/laptop/thesis" && as laptop add -A && as laptop commit -qm "Chapter 3" && as laptop push -q origin main)
as desktop clone -q "$work/remotes/thesis.git" "$work/desktop/thesis"
printf '# Results\n\nWe measured the sync delay on three machines.\nThe median delay was 0.4 seconds with announcements.\nSee table 2 for every run.\n\n## Limits\n\nOne laptop slept during the test; its syncs caught up on waking.\n' > "$work/laptop/thesis/chapters/03-results.md"
printf '\x89PNG\r\n\x1a\n\x00\x00the laptop redrew the figure with larger labels' > "$work/laptop/thesis/figures/overview.png"
(cd "$work/laptop/thesis" && as laptop commit -qam "Faster with announcements" && as laptop push -q origin main)
printf '# Results\n\nWe measured the sync delay on three machines.\nThe median delay was 3.8 seconds (n = 120).\nSee table 2 for every run.\n\n## Limits\n\nTwo machines shared one network.\n' > "$work/desktop/thesis/chapters/03-results.md"
(cd "$work/desktop/thesis" && git rm -q figures/overview.png && as desktop commit -qam "Exact median; figure to be redrawn")

# notes: in sync, with a history of its own.
as desktop clone -q "$work/remotes/notes.git" "$work/desktop/notes" 2>/dev/null
# dotfiles: a .env that looks like a secret, held back.
as desktop clone -q "$work/remotes/dotfiles.git" "$work/desktop/dotfiles" 2>/dev/null
printf 'set -o vi\n' > "$work/desktop/dotfiles/.bashrc"
(cd "$work/desktop/dotfiles" && as desktop add -A && as desktop commit -qm "bashrc" && as desktop push -q origin main)
# scratch: no remote at all. cold: frozen by its marker. work: a remote that cannot be reached.
as desktop init -q "$work/desktop/scratch"
as desktop init -q "$work/desktop/cold" && touch "$work/desktop/cold/.tidesync-freeze"
as desktop init -q "$work/desktop/archive"
as desktop init -q "$work/desktop/work"
printf 'todo\n' > "$work/desktop/work/todo.md"
(cd "$work/desktop/work" && as desktop add -A && as desktop commit -qm "start" && git remote add origin ssh://git@127.0.0.1:9/work.git)

for r in notes dotfiles thesis work scratch cold archive; do
  (cd "$work/desktop/$r" && git config user.name "Desk Top" && git config user.email desk@example.org)
  cli add "$work/desktop/$r" >/dev/null
done
cli config set triggers.poll.intervalSeconds 3600 >/dev/null
cli config set network.timeoutSeconds 5 >/dev/null || true
for i in 1 2 3 4 5; do
  printf 'Meeting notes, day %s\n' "$i" > "$work/desktop/notes/day-$i.md"
  cli sync "$work/desktop/notes" >/dev/null
done
cli sync "$work/desktop/dotfiles" >/dev/null
cli pause "$work/desktop/archive" >/dev/null
printf 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' > "$work/desktop/dotfiles/.env"

# --- A desktop: display, session bus, panel, notifications ----------------------------------
n=91
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & pids+=($!)
sleep 1
export DISPLAY=":$n" HOME="$work/user"
mkdir -p "$HOME/.config/xfce4/xfconf/xfce-perchannel-xml" "$HOME/.config/dunst"
cp "$here/app/src/test/resources/dev/tidesync/app/fixture/xfce4-panel.xml" "$HOME/.config/xfce4/xfconf/xfce-perchannel-xml/"
printf '[global]\n    width = 380\n    offset = 12x40\n    origin = top-right\n    font = DejaVu Sans 10\n    frame_width = 1\n    frame_color = "#8a8a8a"\n[urgency_critical]\n    background = "#fafafa"\n    foreground = "#202020"\n    frame_color = "#E3882D"\n    timeout = 0\n' > "$HOME/.config/dunst/dunstrc"
dbus-daemon --session --nofork --address="unix:path=$work/bus" >"$work/dbus.log" 2>&1 & pids+=($!)
sleep 0.5
export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/bus"
xfce4-panel --disable-wm-check >"$work/panel.log" 2>&1 & pids+=($!)
dunst >"$work/dunst.log" 2>&1 & pids+=($!)
for i in $(seq 1 40); do
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus --method org.freedesktop.DBus.NameHasOwner \
    org.kde.StatusNotifierWatcher 2>/dev/null | grep -q true && break
  sleep 0.5
done

(cd "$here" && ./mvnw -q -o -pl app dependency:build-classpath -Dmdep.outputFile="$work/app.cp")
cp="$here/app/target/classes:$here/engine/target/classes:$(tr ':' '\n' <"$work/app.cp" | grep -v tidesync-engine | paste -sd:)"
TIDESYNC_HOME="$work/tidesync" "$java" -Dprism.order=sw -Xmx128m -cp "$cp" dev.tidesync.app.Launcher >"$work/app.log" 2>&1 & pids+=($!)
app=$!

item=""
for i in $(seq 1 60); do
  item="$(gdbus call --session --dest org.kde.StatusNotifierWatcher --object-path /StatusNotifierWatcher \
    --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems 2>/dev/null \
    | grep -o "org.kde.StatusNotifierItem-[0-9]*-1" | head -1 || true)"
  [ -n "$item" ] && break
  sleep 0.5
done
[ -n "$item" ] || { echo "the icon never registered; app log:" >&2; cat "$work/app.log" >&2; exit 1; }
# The start-up syncs: thesis stops at its conflict, dotfiles holds .env back, work cannot reach its remote.
sleep 12

shot_window() { # NAME FILE: the app's window of that title, as drawn
  local id
  id="$(xdotool search --name "^$1\$" | tail -1)"
  xdotool windowraise "$id" 2>/dev/null || true
  sleep 1
  import -window "$id" "$out/$2"
}
menu_click() { # LABEL: the tray menu's item, clicked as the panel would (com.canonical.dbusmenu Event)
  local id
  gdbus call --session --dest "$item" --object-path /MenuBar --method com.canonical.dbusmenu.GetLayout -- 0 -1 '[]' >"$work/layout.txt"
  id="$(python3 "$here/app/scripts/menu-item.py" "$1" <"$work/layout.txt")" || { echo "no '$1' in the menu:" >&2; cat "$work/layout.txt" >&2; exit 1; }
  gdbus call --session --dest "$item" --object-path /MenuBar --method com.canonical.dbusmenu.Event -- "$id" clicked '<0>' 0 >/dev/null
}

# The desktop's own notification for the conflict (dunst draws it at the top right).
import -window "$(xdotool search --class Dunst | head -1)" "$out/conflict-notification.png"
# The tray menu, drawn by xfce4-panel from the app's dbusmenu.
xdotool mousemove 1266 14 click 3
sleep 2
import -window root -crop 460x420+820+0 "$out/tray-menu.png"
xdotool key Escape
# The status panel.
gdbus call --session --dest "$item" --object-path /StatusNotifierItem --method org.kde.StatusNotifierItem.Activate 1266 14 >/dev/null
sleep 2
shot_window "Tidesync" status-panel.png
xdotool key Escape
# The conflict window, from the repository's menu; the first place chosen, then the result.
menu_click "Resolve conflict…"
sleep 4
click_in() { # TITLE X Y: a click at that point of the window (where the layout puts a button, at the default font)
  local id
  id="$(xdotool search --name "^$1\$" | tail -1)"
  eval "$(xdotool getwindowgeometry --shell "$id")"
  xdotool mousemove $((X + $2)) $((Y + $3)) click 1
  sleep 1
}
click_in "Tidesync: conflict in thesis" 536 358   # place 1: both, mine first
shot_window "Tidesync: conflict in thesis" conflict-dialog.png
click_in "Tidesync: conflict in thesis" 434 225   # the Result tab
shot_window "Tidesync: conflict in thesis" conflict-result.png
click_in "Tidesync: conflict in thesis" 128 190   # the figure deleted here, redrawn there
shot_window "Tidesync: conflict in thesis" conflict-binary.png
# The change log and each settings tab.
menu_click "Change log…"
sleep 3
shot_window "Tidesync: change log" history.png
menu_click "Settings…"
sleep 3
for tab in repositories triggers agent-prompts messages general; do
  shot_window "Tidesync: settings" "settings-$tab.png"
  xdotool key --window "$(xdotool search --name '^Tidesync: settings$' | tail -1)" ctrl+Tab
  sleep 1
done
kill "$app" 2>/dev/null || true
echo "screenshots in $out"
