#!/usr/bin/env bash
# Writes the command line's launcher for a Linux app image: a shell script in place of
# jpackage's binary one, which asks rpm and dpkg which package owns it on every start (about
# 135 ms here; JPACKAGE_DEBUG=true shows the calls) and has no way to name a per-user CDS archive.
# The script runs the image's own runtime with the class path and options jpackage wrote for the
# launcher. `tidesync hook` with an engine running maps the AOT cache the packaging trained for
# the hook's quick path (lib/app/tidesync-hook.aot, made by packaging/launcher/train-aot.sh: its
# classes loaded and linked ahead of time). Every other command, and the hook of an image built
# with --no-aot, uses a class-data archive of the user's own, made by the JVM on the first run
# (-XX:+AutoCreateSharedArchive).
#
#   packaging/launcher/cli-launcher.sh APP_IMAGE LAUNCHER VERSION [JARS]
#
# JARS: a file naming the jars the command line needs, one per line (the engine's and its
# dependencies'); the class path then holds only those, not the tray app's, so a start opens
# and checks fewer jars. Without it, the class path jpackage wrote for the launcher.
set -euo pipefail
image=$1 name=$2 version=$3 jars=${4:-}
cfg="$image/lib/app/$name.cfg"
[[ -f $cfg ]] || { echo "cli-launcher.sh: no $cfg (jpackage writes one per launcher)" >&2; exit 2; }

main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
entries=$(sed -n 's/^app\.classpath=\$APPDIR\///p' "$cfg")
if [[ -n $jars ]]; then
  entries=$(grep -Fxf "$jars" <<<"$entries" || true)
fi
classpath=$(sed 's/^/$app\//' <<<"$entries" | paste -sd: -)
options=$(sed -n 's/^java-options=//p' "$cfg" | paste -sd' ' -)
[[ -n $main && -n $classpath ]] || { echo "cli-launcher.sh: $cfg names no main class or class path" >&2; exit 2; }

launcher="$image/bin/$name"
rm -f "$launcher"
cat >"$launcher" <<SCRIPT
#!/bin/sh
# Tidesync's command line (written by packaging/launcher/cli-launcher.sh; see there for why).
self=\$(readlink -f "\$0")
bin=\${self%/*}
root=\${bin%/*}
# The class path is spelled as the AOT cache was trained with it (no "..": the JVM compares them).
app="\$root/lib/app"
cache="\${XDG_CACHE_HOME:-\$HOME/.cache}/tidesync"
# Only the agent hook's quick path has an AOT cache: a JVM loads every class of the cache it
# maps, and caches trained on other commands (status, the hook with no engine) made them slower
# than the per-user archive (docs/benchmarks.md). So the cache only when an engine's socket is
# there, in --home or TidesyncHome's default place; a wrong guess costs time, never behaviour.
aot=""
case " \$* " in
  *" hook "*)
    state="\${TIDESYNC_HOME:-\${XDG_STATE_HOME:-\$HOME/.local/state}/tidesync}"
    prev=""
    for a in "\$@"; do
      [ "\$prev" = "--home" ] && state="\$a"
      case "\$a" in --home=*) state="\${a#--home=}" ;; esac
      prev="\$a"
    done
    if [ -S "\$state/tidesync.sock" ]; then aot="\$app/$name-hook.aot"; fi ;;
esac
if [ -n "\$aot" ] && [ -r "\$aot" ]; then
  share="-XX:AOTCache=\$aot -Xlog:aot=off -Xlog:cds=off"
elif mkdir -p "\$cache" 2>/dev/null && [ -w "\$cache" ]; then
  share="-XX:SharedArchiveFile=\$cache/cli-$version.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
else
  share=""
fi
# jpackage.app-path: where the installed launcher is, as jpackage's launcher says it (service install, autostart use it).
exec "\$root/lib/runtime/bin/java" $options \$share -Djpackage.app-path="\$bin/$name" -cp "$classpath" $main "\$@"
SCRIPT
chmod 755 "$launcher"
