#!/usr/bin/env bash
# The full torture suite: ≥200 kill -9s, 12 000 mutated configs and control messages, every
# fault and conflict case. CI runs the quick subset (the same tests, fewer runs) with the build.
# Usage: bench/torture.sh [--seed N]   — prints the results table for docs/reliability.md.
# Needs root for the full-disk (tmpfs) and read-only (bind mount) cases; they are skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
seed=()
if [[ "${1:-}" == "--seed" ]]; then seed=("-Dtorture.seed=$2"); fi
rm -f bench/target/torture/results.tsv
./mvnw -B -ntp -q install -DskipTests
./mvnw -B -ntp -pl bench test -Dtorture=full "${seed[@]}"
echo
echo "| case | runs | losses | outcome |"
echo "|---|---|---|---|"
sort bench/target/torture/results.tsv | awk -F'\t' '{printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}'
