package dev.tidesync.status;

import java.time.Instant;
import java.util.List;

/**
 * The one value the tray, the status panel and {@code status --json} all render. Ordered by
 * what the user most needs to see: the first that applies wins.
 */
public sealed interface RepoState {

    /** The contract's word for this state. */
    String id();

    record Disabled() implements RepoState {
        public String id() { return "disabled"; }
    }

    /** @param until null: until resumed */
    record Paused(Instant until) implements RepoState {
        public String id() { return "paused"; }
    }

    record Syncing() implements RepoState {
        public String id() { return "syncing"; }
    }

    record Conflict(List<String> paths) implements RepoState {
        public String id() { return "conflict"; }
    }

    record Error(String kind, String message) implements RepoState {
        public String id() { return "error"; }
    }

    record Dirty(int files) implements RepoState {
        public String id() { return "dirty"; }
    }

    record Ahead(int commits) implements RepoState {
        public String id() { return "ahead"; }
    }

    record Behind(int commits) implements RepoState {
        public String id() { return "behind"; }
    }

    record Synced() implements RepoState {
        public String id() { return "synced"; }
    }
}
