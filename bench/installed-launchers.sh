#!/usr/bin/env bash
# How fast the installed command line starts, as a user and an agent run it: the .deb built by
# packaging/build.sh is installed, and each command is timed through jpackage's own launcher
# (rebuilt beside ours for the comparison), through Tidesync's launcher script with the AOT
# caches moved aside (its fallback: a per-user class-data archive) and with them as installed,
# next to a bare JVM start of the same runtime. Medians of N runs after two warm-up runs (the first of
# which also writes the user's class-data archive). Needs root (it installs the package) and the
# packages .ci/run installs. Usage: bench/installed-launchers.sh [N]   (after packaging/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
deb=$(ls target/installers/tidesync_*.deb | head -1)
[[ $(id -u) == 0 ]] || { echo "installed-launchers.sh: run as root (it installs $deb)" >&2; exit 2; }
user=tidesync-bench
id "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
home=$(getent passwd "$user" | cut -d: -f6)
work=$(mktemp -d)
chmod 755 "$work"
engine=""
cleanup() {
  [[ -n $engine ]] && kill "$engine" 2>/dev/null || true
  rm -f /opt/tidesync/bin/tidesync-jpackage /opt/tidesync/lib/app/tidesync-jpackage.cfg
  for c in "$work"/*.aot; do [[ -f $c ]] && mv "$c" /opt/tidesync/lib/app/; done
  rm -rf "$work"
}
trap cleanup EXIT

dpkg -s tidesync >/dev/null 2>&1 && dpkg --purge tidesync >/dev/null
dpkg -i "$deb" >/dev/null
# jpackage's launcher for the command line, as it was: its binary (the app's) reads the .cfg named after itself.
cp /opt/tidesync/bin/Tidesync /opt/tidesync/bin/tidesync-jpackage
cp /opt/tidesync/lib/app/tidesync.cfg /opt/tidesync/lib/app/tidesync-jpackage.cfg
rm -rf "$home/.cache/tidesync" "$home/.config/tidesync" "$home/.local/state/tidesync" "$home/repos"

as() { runuser -u "$user" -- env HOME="$home" "$@"; }
# A bare JVM start of the installed runtime, with the command line's own options.
mkdir -p "$work/nothing/dev/tidesync/bench"
cp bench/target/classes/dev/tidesync/bench/Nothing.class "$work/nothing/dev/tidesync/bench/"
chmod -R a+rX "$work"
runtime=/opt/tidesync/lib/runtime/bin/java

# Ten repositories with a remote each, watched.
for i in $(seq 1 10); do
  as git init -q --bare -b main "$home/repos/remote-$i.git"
  as git clone -q "$home/repos/remote-$i.git" "$home/repos/r$i" 2>/dev/null
  as sh -c "cd '$home/repos/r$i' && echo hi > a.md && git add a.md && git -c user.name=b -c user.email=b@x commit -qm a && git push -q origin main"
  as tidesync add "$home/repos/r$i" >/dev/null
done
cd "$home/repos/r1"

median_ms() { # COMMAND...: median wall time of n runs, in ms
  local times=()
  for _ in 1 2; do as "$@" >/dev/null 2>&1 || true; done
  for _ in $(seq 1 "$n"); do
    local t0 t1
    t0=$(date +%s%N)
    as "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.0f", m / 1000}'
}

row() { printf '| %s | %s ms | %s ms | %s ms | %s |\n' "$1" "$2" "$3" "$4" "$(awk -v a="$2" -v b="$4" 'BEGIN {printf "%.2f", b / a}')"; }
aside() { mv /opt/tidesync/lib/app/*.aot "$work/"; }
back() { mv "$work"/*.aot /opt/tidesync/lib/app/; }
three() { # COMMAND...: jpackage's launcher, the script without and with the AOT caches ("tidesync" in COMMAND is the launcher)
  local jp dyn aot
  jp=$(median_ms "${@//tidesync/\/opt\/tidesync\/bin\/tidesync-jpackage}")
  aside; dyn=$(median_ms "${@//tidesync/\/opt\/tidesync\/bin\/tidesync}"); back
  aot=$(median_ms "${@//tidesync/\/opt\/tidesync\/bin\/tidesync}")
  echo "$jp $dyn $aot"
}

bare=$(median_ms "$runtime" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m -Xshare:auto -cp "$work/nothing" dev.tidesync.bench.Nothing)
prompt='{"hook_event_name":"UserPromptSubmit","cwd":"'"$home/repos/r1"'","session_id":"bench"}'
printf '%s' "$prompt" >"$work/prompt.json"
chmod a+r "$work/prompt.json"

echo "## Installed launchers ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), n=$n)"
echo
echo "Bare JVM start of the installed runtime (an empty main): **$bare ms**."
echo
echo "| command | jpackage's launcher | script, per-user archive | script, AOT caches | AOT / jpackage |"
echo "|---|---|---|---|---|"
# shellcheck disable=SC2046 # three numbers
row "tidesync --version" $(three tidesync --version)
# shellcheck disable=SC2046
row "tidesync status (10 repositories), no engine" $(three tidesync status)
read -r jp dyn none < <(three sh -c "tidesync hook prompt < $work/prompt.json")
row "tidesync hook prompt, no engine" "$jp" "$dyn" "$none"
runuser -u "$user" -- env HOME="$home" /opt/tidesync/bin/tidesync run >"$work/run.log" 2>&1 & engine=$!
for _ in $(seq 1 100); do [[ -S $home/.local/state/tidesync/tidesync.sock ]] && break; sleep 0.2; done
sleep 5
read -r jp dyn running < <(three sh -c "tidesync hook prompt < $work/prompt.json")
row "tidesync hook prompt, engine running" "$jp" "$dyn" "$running"
# shellcheck disable=SC2046
row "tidesync status (10 repositories), engine running" $(three tidesync status)
echo
echo "Against the bare JVM start: hook with an engine $(awk -v a="$bare" -v b="$running" 'BEGIN {printf "%.1f", b / a}')× (goal ≤ 2×), without $(awk -v a="$bare" -v b="$none" 'BEGIN {printf "%.1f", b / a}')× (goal ≤ 4×)."
kill "$engine" 2>/dev/null || true
engine=""
rm -f /opt/tidesync/bin/tidesync-jpackage /opt/tidesync/lib/app/tidesync-jpackage.cfg
dpkg --purge tidesync >/dev/null
