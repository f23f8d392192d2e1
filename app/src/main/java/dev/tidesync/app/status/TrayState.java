package dev.tidesync.app.status;

import java.util.List;

/** The one state the tray icon shows: the most urgent among all repositories. */
public enum TrayState {
    SYNCED("Everything is in sync"),
    SYNCING("Syncing"),
    PAUSED("Paused"),
    OFFLINE("Offline: changes wait locally"),
    ERROR("A sync failed"),
    ATTENTION("Needs your attention");

    private final String summary;

    TrayState(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }

    /**
     * Attention beats error beats offline beats syncing: the icon must never look calm while
     * something waits for the user. Paused shows only when nothing is wrong.
     */
    public static TrayState of(List<RepoRow> rows, boolean globallyPaused) {
        if (rows.stream().anyMatch(RepoRow::needsAttention)) {
            return ATTENTION;
        }
        if (rows.stream().anyMatch(RepoRow::failed)) {
            return ERROR;
        }
        if (rows.stream().anyMatch(RepoRow::offline)) {
            return OFFLINE;
        }
        if (rows.stream().anyMatch(r -> r.syncing() || r.state().isEmpty())) {
            return SYNCING; // a repository not read yet is being looked at: busy, not calm
        }
        if (globallyPaused || (!rows.isEmpty() && rows.stream().allMatch(RepoRow::held))) {
            return PAUSED;
        }
        return SYNCED;
    }

    /** The state in a few words; a pause because syncing costs now says so ("Paused while on battery power"). */
    public String summary(java.util.Optional<String> costPause) {
        return this == PAUSED && costPause.isPresent() ? "Paused while " + costPause.get() : summary;
    }

    /** The tooltip: the state and, when it is not calm, which repository and why, in one line. */
    public static String tooltip(TrayState state, List<RepoRow> rows) {
        return tooltip(state, rows, java.util.Optional.empty());
    }

    public static String tooltip(TrayState state, List<RepoRow> rows, java.util.Optional<String> costPause) {
        String head = "Tidesync: " + state.summary(costPause);
        return switch (state) {
            case ATTENTION -> rows.stream().filter(r -> !r.conflictPaths().isEmpty()).findFirst() // a conflict first: it is the one that waits
                    .or(() -> rows.stream().filter(RepoRow::needsAttention).findFirst())
                    .map(r -> head + " (" + r.name() + ")").orElse(head);
            case ERROR -> rows.stream().filter(RepoRow::failed).findFirst().map(r -> head + " (" + r.name() + ")").orElse(head);
            case OFFLINE -> rows.stream().filter(RepoRow::offline).findFirst().map(r -> head + " (" + r.name() + ")").orElse(head);
            case SYNCING -> head + " " + rows.stream().filter(RepoRow::syncing).map(RepoRow::name).findFirst().orElse("");
            default -> head + " · " + rows.size() + (rows.size() == 1 ? " repository" : " repositories");
        };
    }
}
