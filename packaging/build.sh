#!/usr/bin/env bash
# Builds Tidesync's native installers for the operating system this runs on:
#   Linux: .deb and .rpm   macOS: .dmg and .pkg   Windows: .msi (per user)
# into target/installers/, and prints each installer's size.
#
#   packaging/build.sh [--skip-build] [--no-aot] [--type deb|rpm|dmg|pkg|msi|app-image]...
#
# --no-aot leaves out the command line's AOT cache (Linux), whose training run needs git and
# takes about half a minute; the launcher then falls back to a per-user class-data archive.
#
# Needs JAVA_HOME to be a full JDK 21+ (jlink, jpackage); on Linux fakeroot and dpkg-deb for
# .deb and rpmbuild (Debian's `rpm`) for .rpm; on Windows WiX 3 or 4+ on PATH.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
export JAVA_HOME
bin="$JAVA_HOME/bin"

case "$(uname -s)" in
  Linux) os=linux; types=(deb rpm); cli=tidesync; sep=: ;;
  Darwin) os=macos; types=(dmg pkg); cli=tidesync-cli; sep=: ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; types=(msi); cli=tidesync-cli; sep=';' ;;
  *) echo "build.sh: no installer for $(uname -s)" >&2; exit 2 ;;
esac

build=yes
aot=yes
chosen=()
while (($#)); do
  case "$1" in
    --skip-build) build=no ;;
    --no-aot) aot=no ;;
    --type) chosen+=("$2"); shift ;;
    *) echo "build.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
  shift
done
((${#chosen[@]})) && types=("${chosen[@]}")

# jpackage wants a numeric version: 0.1.0-SNAPSHOT → 0.1.0
pom_version=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)
version=${pom_version%%-*}

work=target/packaging
out=target/installers
rm -rf "$work" && mkdir -p "$work/input" "$work/javafx" "$out"

if [[ $build == yes ]]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
# The engine comes from this build's engine/target, not from a local repository.
./mvnw -B -ntp -q -pl app dependency:copy-dependencies -DincludeScope=runtime -DexcludeArtifactIds=tidesync-engine \
  -DoutputDirectory="$root/$work/deps"
cp "engine/target/tidesync-engine-$pom_version.jar" "$work/input/"
# The jars the command line needs (the engine's), so its launcher's class path leaves out the app's.
./mvnw -B -ntp -q -pl engine dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$root/$work/engine-classpath.txt"
{ tr ':' '\n' <"$work/engine-classpath.txt"; echo; echo "tidesync-engine-$pom_version.jar"; } | sed 's|.*/||' | grep . >"$work/cli-jars.txt"

# JavaFX goes into the runtime as modules (its platform jars carry the native libraries);
# everything else, the app's and engine's jars included, goes on the class path.
for jar in "$work"/deps/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux*.jar|javafx-*-mac*.jar|javafx-*-win*.jar) cp "$jar" "$work/javafx/" ;;
    javafx-*.jar) ;; # the empty platform-independent javafx jars
    *) cp "$jar" "$work/input/" ;;
  esac
done
cp "app/target/tidesync-app-$pom_version.jar" "$work/input/"
cp packaging/jpackage/linux/forget-autostart.sh "$work/input/"

# Only the modules Tidesync uses (docs/install.md explains each).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.security.jgss,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.net,jdk.security.auth,jdk.unsupported,javafx.base,javafx.graphics,javafx.controls,javafx.swing
# --generate-cds-archive: the runtime's own class-data archive (lib/server/classes.jsa), which
# every start maps instead of parsing the JDK's classes again, and on which the command line's
# per-user archive builds (packaging/launcher/cli-launcher.sh). bin/java stays (no
# --strip-native-commands): the archive is made by it, and the command line's script runs it.
"$bin/jlink" --module-path "$work/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --generate-cds-archive \
  --output "$work/runtime"
# Tidesync's heaps are small: the archive for heaps over 32 GB (uncompressed oops) is never mapped.
rm -f "$work/runtime/lib/server/classes_nocoops.jsa"

common=(
  --name Tidesync --app-version "$version" --vendor "Tidesync"
  --description "Keeps your git repositories in sync with their remotes"
  --copyright "Copyright 2026 the Tidesync developers"
  --input "$work/input" --main-jar "tidesync-app-$pom_version.jar" --main-class dev.tidesync.app.Launcher
  --runtime-image "$work/runtime"
  # The app: a small, capped heap and C1 only (measured with 200 repositories: 238 MiB and less CPU than with C2; docs/benchmarks.md).
  --java-options "-XX:+UseSerialGC -Xms16m -Xmx128m -XX:TieredStopAtLevel=1 --enable-native-access=javafx.graphics,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  --add-launcher "$cli=packaging/jpackage/cli.properties"
)
# What a package built from an app image is told again (the rest is in the image).
packaged=(
  --name Tidesync --app-version "$version" --vendor "Tidesync"
  --description "Keeps your git repositories in sync with their remotes"
  --copyright "Copyright 2026 the Tidesync developers"
  --dest "$out"
)

# Linux: the app image first, so that the command line's launcher can be our script
# (packaging/launcher/cli-launcher.sh) before the packages are made from it.
image=""
if [[ $os == linux ]]; then
  "$bin/jpackage" "${common[@]}" --type app-image --dest "$work/image" --icon icons/rendered/app/tidesync-256.png
  image="$work/image/Tidesync"
  packaging/launcher/cli-launcher.sh "$image" "$cli" "$version" "$work/cli-jars.txt"
  [[ $aot == yes ]] && packaging/launcher/train-aot.sh "$image" "$cli"
fi

for type in "${types[@]}"; do
  case "$os/$type" in
    linux/deb|linux/rpm)
      "$bin/jpackage" "${packaged[@]}" --app-image "$image" --type "$type" --resource-dir packaging/jpackage/linux \
        --icon icons/rendered/app/tidesync-256.png \
        --linux-package-name tidesync --linux-shortcut --linux-menu-group "Utility;Development;" \
        --linux-app-category utils --linux-deb-maintainer hello@tidesync.dev \
        --linux-rpm-license-type "Apache-2.0" \
        --linux-package-deps "git" ;;
    macos/dmg|macos/pkg)
      "$bin/jpackage" "${common[@]}" --dest "$out" --type "$type" --resource-dir packaging/jpackage/macos \
        --icon icons/rendered/app/tidesync.icns \
        --mac-package-identifier dev.tidesync.Tidesync --mac-package-name Tidesync ;;
    windows/msi)
      "$bin/jpackage" "${common[@]}" --dest "$out" --type msi \
        --icon icons/rendered/app/tidesync.ico \
        --win-per-user-install --win-upgrade-uuid 6b0f3c52-8f0e-4c53-9a36-0d6e4b2f7a19 \
        --win-menu --win-menu-group Tidesync --win-shortcut-prompt ;;
    linux/app-image)
      cp -r "$image" "$out/" ;;
    */app-image)
      "$bin/jpackage" "${common[@]}" --dest "$out" --type app-image ;;
    *) echo "build.sh: cannot build a $type on $os" >&2; exit 2 ;;
  esac
done

echo "runtime: $(du -sh "$work/runtime" | cut -f1) ($modules)"
for f in "$out"/*; do
  [[ -f $f ]] && printf '%s\t%s MB\n' "$(basename "$f")" "$(( ($(wc -c <"$f") + 524287) / 1048576 ))"
done
