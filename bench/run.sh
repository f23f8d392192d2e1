#!/usr/bin/env bash
# Runs the benchmarks; each prints its table and appends it to bench/target/bench-results.md.
# Usage: bench/run.sh [--no-build] [NAME [ARGS...]]   (no NAME: all of them, in order)
# Needs: git, inotify-tools (inotifywait), a JDK 21+ in JAVA_HOME. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [[ "${1:-}" == "--no-build" ]]; then shift; else ./mvnw -q -B -ntp install -DskipTests; fi
command -v inotifywait >/dev/null || { echo "bench/run.sh: inotifywait is missing; install inotify-tools" >&2; exit 2; }
# A private copy of the class path, so rebuilding the engine during a long run cannot pull jars
# out from under the running programs and daemons.
snap="$(mktemp -d /tmp/tidesync-bench-cp.XXXXXX)"
cp -r bench/target/classes "$snap/classes"
cp="$snap/classes"
for entry in $(tr ':' ' ' <bench/target/classpath.txt); do
  if [[ "$entry" == */engine/target/* ]]; then cp "$entry" "$snap/"; entry="$snap/$(basename "$entry")"; fi
  cp="$cp:$entry"
done
run() { echo "== $*"; java -XX:+UseSerialGC -cp "$cp" "dev.tidesync.bench.$@"; }
if [[ $# -gt 0 ]]; then run "$@"; exit; fi
run CycleTiming 30
run SaveToRemote 50
run RemoteToLocal 20
run PullGuard 30
run LargeTree 100000
run ManyFiles 10000 3
run ManyRepos 120 200 1000
run BigRepo 2048 512
run HookTiming 30
run Scale 200 60
run SecretScan 200 1000 5000
run Announced 30 5
