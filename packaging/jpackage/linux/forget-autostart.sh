#!/bin/sh
# Run by the package's removal as root: deletes each user's start-at-login entry that starts this
# install's launcher ($1), and nothing else, so an uninstalled Tidesync does not linger at login.
launcher="$1"
[ -n "$launcher" ] || exit 0
getent passwd | while IFS=: read -r _ _ _ _ _ home _; do
    entry="$home/.config/autostart/tidesync.desktop"
    if [ -f "$entry" ] && grep -qx "Exec=$launcher" "$entry"; then
        rm -f "$entry"
    fi
done
exit 0
