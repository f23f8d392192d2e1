#!/usr/bin/env bash
# Trains the agent hook's AOT cache (JDK 25, JEP 483/514) for a Linux app image whose `tidesync`
# launcher is the script cli-launcher.sh wrote, and puts it where that script looks:
# lib/app/LAUNCHER-hook.aot. The training (dev.tidesync.cli.AotTraining) runs `hook prompt` with
# an engine running against a scratch repository with a bare remote, with the image's own java,
# options and class path, spelled as the launcher spells them: the JVM maps a cache only when
# those match. Only the hook gets one: a cache trained on more made other commands slower.
#
#   packaging/launcher/train-aot.sh APP_IMAGE LAUNCHER
set -euo pipefail
image=$(cd "$1" && pwd) name=$2
cfg="$image/lib/app/$name.cfg"
[[ -f $cfg ]] || { echo "train-aot.sh: no $cfg (jpackage writes one per launcher)" >&2; exit 2; }
command -v git >/dev/null || { echo "train-aot.sh: the training needs git on PATH" >&2; exit 2; }
# the class path exactly as the launcher script passes it, with its $app spelled out
classpath=$(sed -n 's/.* -cp "\([^"]*\)" .*/\1/p' "$image/bin/$name" | sed "s|\\\$app/|$image/lib/app/|g")
[[ -n $classpath ]] || { echo "train-aot.sh: $image/bin/$name is not the script cli-launcher.sh writes" >&2; exit 2; }
options=$(sed -n 's/^java-options=//p' "$cfg" | paste -sd' ' -)
rm -f "$image/lib/app/$name-hook.aot"

scratch=$(mktemp -d /tmp/tidesync-aot-training.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/user" XDG_CACHE_HOME="$scratch/user/.cache" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global user.name "Tidesync training" && git config --global user.email training@tidesync.invalid
git init -q --bare -b main "$scratch/remote.git"
git clone -q "$scratch/remote.git" "$scratch/notes" 2>/dev/null
for i in 1 2 3; do echo "note $i" >"$scratch/notes/note-$i.md"; done
git -C "$scratch/notes" add -A && git -C "$scratch/notes" commit -q -m "notes" && git -C "$scratch/notes" push -q -u origin HEAD:main
mkdir -p "$scratch/home"
printf '{"repositories": [{"path": "%s"}]}\n' "$scratch/notes" >"$scratch/home/config.json"

cache="$image/lib/app/$name-hook.aot"
log="$scratch/training.log"
# shellcheck disable=SC2086 # the options are words, as jpackage's launcher splits them
"$image/lib/runtime/bin/java" $options -XX:AOTCacheOutput="$cache" -Xlog:aot=warning -Xlog:cds=off \
  -Djpackage.app-path="$image/bin/$name" -cp "$classpath" dev.tidesync.cli.AotTraining \
  "$image/bin/$name" "$scratch/home" "$scratch/notes" >"$log" 2>&1 \
  || { cat "$log" >&2; echo "train-aot.sh: the training run failed" >&2; exit 1; }
[[ -s $cache ]] || { cat "$log" >&2; echo "train-aot.sh: the JVM wrote no AOT cache" >&2; exit 1; }
grep -q "^tidesync --home .* hook prompt.*→ 0" "$log" \
  || { cat "$log" >&2; echo "train-aot.sh: hook prompt failed in the training run" >&2; exit 1; }
echo "AOT cache for the hook: $cache ($(( $(wc -c <"$cache") / 1048576 )) MB)"
