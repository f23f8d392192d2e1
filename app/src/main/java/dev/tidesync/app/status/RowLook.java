package dev.tidesync.app.status;

/** How a repository's row looks and what its one button does; decided here, drawn by the view. */
public record RowLook(String color, String stateLabel, RowAction action) {

    public enum RowAction {
        SYNC_NOW("Sync now"),
        RESOLVE("Resolve…"),
        RESUME("Resume"),
        RETRY("Retry");

        private final String label;

        RowAction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static RowLook of(RepoRow row) {
        if (!row.conflictPaths().isEmpty() || row.state().equals("conflict")) {
            return new RowLook("#E59A10", "conflict", RowAction.RESOLVE);
        }
        if (row.heldBack() > 0) {
            return new RowLook("#E59A10", row.heldBack() + " held back", RowAction.SYNC_NOW);
        }
        return switch (row.state()) {
            case "syncing" -> new RowLook("#2F7BE0", "syncing", RowAction.SYNC_NOW);
            case "paused" -> new RowLook("#868E99", "paused", RowAction.RESUME);
            case "disabled" -> new RowLook("#868E99", "disabled", RowAction.RESUME);
            case "error" -> row.offline()
                    ? new RowLook("#5E6B7D", "offline", RowAction.RETRY)
                    : new RowLook("#D63B3B", row.attention().isPresent() ? "needs attention" : "failed", RowAction.RETRY);
            case "dirty" -> new RowLook("#6FA8DC", row.dirtyFiles() + " unsaved changes", RowAction.SYNC_NOW);
            case "ahead" -> new RowLook("#6FA8DC", row.ahead() + " to push", RowAction.SYNC_NOW);
            case "behind" -> new RowLook("#6FA8DC", row.behind() + " to pull", RowAction.SYNC_NOW);
            default -> new RowLook("#0E9F8E", "synced", RowAction.SYNC_NOW);
        };
    }
}
