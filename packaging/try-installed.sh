#!/usr/bin/env bash
# Tries an installed Tidesync as a new user would, on Linux, macOS or Windows (Git Bash):
# `tidesync --version`, `doctor`, and one sync of a scratch repository into a bare remote.
# CI runs it after installing the package (the .msi silently, the .pkg with installer(8));
# it exits non-zero with one line saying what did not work.
# Usage: packaging/try-installed.sh [CLI]   (default: where the package installs it)
set -euo pipefail

cli=${1:-}
if [[ -z $cli ]]; then
  case "$(uname -s)" in
    Linux) cli=/opt/tidesync/bin/tidesync ;;
    Darwin) cli=/Applications/Tidesync.app/Contents/MacOS/tidesync-cli ;;
    MINGW*|MSYS*|CYGWIN*) cli="$LOCALAPPDATA/Tidesync/tidesync-cli.exe" ;;
    *) echo "try-installed: unknown system $(uname -s)" >&2; exit 2 ;;
  esac
fi
[[ -x $cli ]] || { echo "try-installed: no installed CLI at $cli" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TIDESYNC_HOME="$work/home" GIT_TERMINAL_PROMPT=0

"$cli" --version | grep -qi "^tidesync [0-9]" || { echo "try-installed: --version did not name tidesync and its version" >&2; exit 1; }

git init -q --bare -b main "$work/remote.git"
git clone -q "$work/remote.git" "$work/notes" 2>/dev/null
git -C "$work/notes" config user.name "Try Installed"
git -C "$work/notes" config user.email try@tidesync.invalid
echo "first note" >"$work/notes/today.md"

"$cli" add "$work/notes" >/dev/null
"$cli" sync "$work/notes" || { echo "try-installed: the first sync failed (exit $?)" >&2; exit 1; }
[[ "$(git -C "$work/remote.git" show main:today.md)" == "first note" ]] \
  || { echo "try-installed: the remote does not have the synced file" >&2; exit 1; }
"$cli" status --json | grep -q '"state" *: *"synced"' || { echo "try-installed: status is not synced after the sync" >&2; exit 1; }

# doctor exits 1 when something needs fixing; here only that no engine runs, which is a warning.
doctor=$("$cli" doctor) || { echo "try-installed: doctor found a problem:" >&2; echo "$doctor" >&2; exit 1; }
grep -q "git repository at" <<<"$doctor" || { echo "try-installed: doctor did not look at the repository" >&2; exit 1; }
echo "try-installed: $("$cli" --version | head -1) works: version, one sync into a bare remote, status, doctor"
