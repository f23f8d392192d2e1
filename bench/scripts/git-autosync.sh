#!/bin/sh
# The baseline the benchmarks race against: what gitwatch-style tools do with the git CLI.
# Waits for a change, then for DELAY seconds of quiet, then add/commit/pull --rebase/push.
# Usage (inside a work tree): git-autosync.sh DELAY_SECONDS
delay="$1"
events="-e close_write -e create -e delete -e move"
exclude='(^|/)\.git(/|$)'
while :; do
  inotifywait -qq -r $events --exclude "$exclude" . || exit 1
  # inotifywait exits 2 when its timeout passes with no event: that is the quiet period.
  while inotifywait -qq -r -t "$delay" $events --exclude "$exclude" .; do :; done
  git add -A && git commit -q -m auto && git pull -q --rebase && git push -q
done
