package dev.tidesync.app.alerts;

import java.nio.file.Path;
import java.util.List;

/**
 * Something the user should hear about once.
 *
 * @param key   what makes it the same incident: raised again only after it went away
 * @param urgent conflicts, held-back files, failures that stopped syncing (vs. news such as "3 commits pulled")
 */
public record Alert(String key, Path repository, String title, String text, Kind kind, boolean urgent) {

    public enum Kind { CONFLICT, HELD_BACK, NEEDS_ATTENTION, PULLED }

    /** What the user can do from the alert itself. */
    public enum Action {
        RESOLVE("resolve", "Resolve…"),
        OPEN_FOLDER("open-folder", "Open folder"),
        SHOW("show", "Show"),
        HISTORY("history", "History");

        private final String id;
        private final String label;

        Action(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The key a notification server sends back when this action is clicked. */
        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    /** The alert's actions, the main one first (it is also what clicking the alert itself does). */
    public List<Action> actions() {
        return switch (kind) {
            case CONFLICT -> List.of(Action.RESOLVE, Action.OPEN_FOLDER);
            case HELD_BACK, NEEDS_ATTENTION -> List.of(Action.SHOW, Action.OPEN_FOLDER);
            case PULLED -> List.of(Action.HISTORY);
        };
    }

    /** The main action's label. */
    public String actionLabel() {
        return actions().getFirst().label();
    }
}
