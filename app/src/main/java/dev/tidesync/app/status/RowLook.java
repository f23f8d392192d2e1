package dev.tidesync.app.status;

import dev.tidesync.status.RepoState;

/** How a repository's row looks and what its one button does; decided here, drawn by the view. */
public record RowLook(String color, String stateLabel, RowAction action) {

    public enum RowAction {
        SYNC_NOW("Sync now"),
        RESOLVE("Resolve…"),
        RESUME("Resume"),
        RETRY("Retry"),
        /** A frozen repository: the marker file is the user's to delete, in the folder. */
        OPEN_FOLDER("Open folder");

        private final String label;

        RowAction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static RowLook of(RepoRow row) {
        if (!row.conflictPaths().isEmpty()) {
            return new RowLook("#E59A10", "conflict", RowAction.RESOLVE);
        }
        if (row.state().isEmpty()) {
            return new RowLook("#868E99", "checking", RowAction.SYNC_NOW);
        }
        if (row.heldBack() > 0 && !row.syncing()) {
            return new RowLook("#E59A10", row.heldBack() + " held back", RowAction.SYNC_NOW);
        }
        return switch (row.state().get()) {
            case RepoState.Conflict c -> new RowLook("#E59A10", "conflict", RowAction.RESOLVE);
            case RepoState.Syncing s -> new RowLook("#2F7BE0", "syncing", RowAction.SYNC_NOW);
            case RepoState.Paused p -> new RowLook("#868E99", "paused", RowAction.RESUME);
            case RepoState.Frozen f -> new RowLook("#4A90C2", "❄ frozen", RowAction.OPEN_FOLDER);
            case RepoState.Disabled d -> new RowLook("#868E99", "disabled", RowAction.RESUME);
            case RepoState.Error e -> row.offline()
                    ? new RowLook("#5E6B7D", "offline", RowAction.RETRY)
                    : new RowLook(row.attention().isPresent() ? "#C2410C" : "#D63B3B", row.attention().isPresent() ? "⚠ needs attention" : "failed",
                    RowAction.RETRY);
            case RepoState.SubmoduleChanges m -> new RowLook("#E59A10", "submodule changes", RowAction.SYNC_NOW);
            case RepoState.LocalOnly l -> new RowLook("#7A6FB0", "no remote", RowAction.SYNC_NOW);
            case RepoState.Dirty d -> new RowLook("#6FA8DC", d.files() + (d.files() == 1 ? " unsaved change" : " unsaved changes"),
                    RowAction.SYNC_NOW);
            case RepoState.Ahead a -> new RowLook("#6FA8DC", a.commits() + " to push", RowAction.SYNC_NOW);
            case RepoState.Behind b -> new RowLook("#6FA8DC", b.commits() + " to pull", RowAction.SYNC_NOW);
            case RepoState.Synced s -> new RowLook("#0E9F8E", "synced", RowAction.SYNC_NOW);
        };
    }
}
