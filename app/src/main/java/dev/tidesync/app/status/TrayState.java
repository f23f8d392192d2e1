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
        if (rows.stream().anyMatch(r -> r.needsAttention() || r.state().equals("conflict"))) {
            return ATTENTION;
        }
        if (rows.stream().anyMatch(r -> r.state().equals("error") && !r.offline())) {
            return ERROR;
        }
        if (rows.stream().anyMatch(RepoRow::offline)) {
            return OFFLINE;
        }
        if (rows.stream().anyMatch(RepoRow::syncing)) {
            return SYNCING;
        }
        if (globallyPaused || (!rows.isEmpty() && rows.stream().allMatch(r -> r.state().equals("paused") || r.state().equals("disabled")))) {
            return PAUSED;
        }
        return SYNCED;
    }

    /** The tooltip: the state and, when it is not calm, which repository and why, in one line. */
    public static String tooltip(TrayState state, List<RepoRow> rows) {
        String head = "Tidesync: " + state.summary();
        return switch (state) {
            case ATTENTION -> rows.stream().filter(r -> r.needsAttention() || r.state().equals("conflict")).findFirst()
                    .map(r -> head + " (" + r.name() + ")").orElse(head);
            case ERROR, OFFLINE -> rows.stream().filter(r -> r.state().equals("error")).findFirst()
                    .map(r -> head + " (" + r.name() + ")").orElse(head);
            case SYNCING -> head + " " + rows.stream().filter(RepoRow::syncing).map(RepoRow::name).findFirst().orElse("");
            default -> head + " · " + rows.size() + (rows.size() == 1 ? " repository" : " repositories");
        };
    }
}
