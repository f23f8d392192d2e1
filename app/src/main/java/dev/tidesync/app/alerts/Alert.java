package dev.tidesync.app.alerts;

import java.nio.file.Path;

/**
 * Something the user should hear about once.
 *
 * @param key   what makes it the same incident: raised again only after it went away
 * @param urgent conflicts, held-back files, failures that stopped syncing (vs. news such as "3 commits pulled")
 */
public record Alert(String key, Path repository, String title, String text, Kind kind, boolean urgent) {

    public enum Kind { CONFLICT, HELD_BACK, NEEDS_ATTENTION, PULLED }

    /** The one button the popup offers. */
    public String actionLabel() {
        return switch (kind) {
            case CONFLICT -> "Resolve…";
            case HELD_BACK, NEEDS_ATTENTION -> "Show";
            case PULLED -> "History";
        };
    }
}
