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

    /** A freeze marker ({@code .tidesync-freeze}) in the work tree holds it until the file is deleted. */
    record Frozen() implements RepoState {
        public String id() { return "frozen"; }
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

    /** Submodules whose own work trees have changes: Tidesync does not sync inside a submodule. */
    record SubmoduleChanges(List<String> submodules) implements RepoState {
        public String id() { return "submodule-changes"; }
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

    /** Nothing to sync with: no remote configured and no upstream. Changes are committed locally. */
    record LocalOnly() implements RepoState {
        public String id() { return "local-only"; }
    }

    record Synced() implements RepoState {
        public String id() { return "synced"; }
    }
}
