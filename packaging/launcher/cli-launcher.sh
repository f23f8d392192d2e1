#!/usr/bin/env bash
# Writes the command line's launcher for a Linux app image: a shell script in place of
# jpackage's binary one, which asks rpm and dpkg which package owns it on every start (about
# 135 ms here; JPACKAGE_DEBUG=true shows the calls) and has no way to name a per-user CDS archive.
# The script runs the image's own runtime with the class path and options jpackage wrote for the
# launcher, and a class-data archive of its own in the user's cache, made by the JVM on the first
# run and used from then on (-XX:+AutoCreateSharedArchive; a new version makes a new one).
#
#   packaging/launcher/cli-launcher.sh APP_IMAGE LAUNCHER VERSION
set -euo pipefail
image=$1 name=$2 version=$3
cfg="$image/lib/app/$name.cfg"
[[ -f $cfg ]] || { echo "cli-launcher.sh: no $cfg (jpackage writes one per launcher)" >&2; exit 2; }

main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
classpath=$(sed -n 's/^app\.classpath=\$APPDIR\//$app\//p' "$cfg" | paste -sd: -)
options=$(sed -n 's/^java-options=//p' "$cfg" | paste -sd' ' -)
[[ -n $main && -n $classpath ]] || { echo "cli-launcher.sh: $cfg names no main class or class path" >&2; exit 2; }

launcher="$image/bin/$name"
rm -f "$launcher"
cat >"$launcher" <<SCRIPT
#!/bin/sh
# Tidesync's command line (written by packaging/launcher/cli-launcher.sh; see there for why).
bin=\$(dirname "\$(readlink -f "\$0")")
app="\$bin/../lib/app"
cache="\${XDG_CACHE_HOME:-\$HOME/.cache}/tidesync"
if mkdir -p "\$cache" 2>/dev/null && [ -w "\$cache" ]; then
  share="-XX:SharedArchiveFile=\$cache/cli-$version.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
else
  share=""
fi
# jpackage.app-path: where the installed launcher is, as jpackage's launcher says it (service install, autostart use it).
exec "\$bin/../lib/runtime/bin/java" $options \$share -Djpackage.app-path="\$bin/$name" -cp "$classpath" $main "\$@"
SCRIPT
chmod 755 "$launcher"
