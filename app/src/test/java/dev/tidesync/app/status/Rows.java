package dev.tidesync.app.status;

import dev.tidesync.model.HeldBack;
import dev.tidesync.status.RepoState;
import dev.tidesync.status.RepoStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Rows in each state, as the engine would publish them, for specs. */
public final class Rows {

    static final Instant LAST_SUCCESS = Instant.parse("2026-11-23T09:58:00Z");

    private Rows() {}

    /** A repository in the state the contract calls {@code state}, with one commit/file where the state needs a count. */
    public static RepoRow row(String name, String state) {
        RepoState s = switch (state) {
            case "synced" -> new RepoState.Synced();
            case "syncing" -> new RepoState.Syncing();
            case "paused" -> new RepoState.Paused(null);
            case "disabled" -> new RepoState.Disabled();
            case "dirty" -> new RepoState.Dirty(1);
            case "ahead" -> new RepoState.Ahead(1);
            case "behind" -> new RepoState.Behind(1);
            default -> throw new IllegalArgumentException(state);
        };
        return of(name, s, 0, 0, "Up to date", List.of(), List.of(), null);
    }

    public static RepoRow syncing(String name) {
        return of(name, new RepoState.Syncing(), 0, 0, "Syncing now", List.of(), List.of(), null);
    }

    public static RepoRow ahead(String name, int ahead, int behind) {
        return of(name, new RepoState.Ahead(ahead), ahead, behind, ahead + " commits not pushed yet", List.of(), List.of(), null);
    }

    /** A failed sync; an auth failure also stops automatic syncing (it needs attention). */
    public static RepoRow failed(String name, String kind, String message) {
        return of(name, new RepoState.Error(kind, message), 1, 0, message, List.of(), List.of(), kind.equals("auth") ? message : null);
    }

    public static RepoRow conflict(String name, String... paths) {
        return of(name, new RepoState.Conflict(List.of(paths)), 1, 1, "Conflict in " + String.join(", ", paths), List.of(paths), List.of(),
                null);
    }

    public static RepoRow heldBack(String name, String path, String reason) {
        return of(name, new RepoState.Synced(), 0, 0, "Up to date; 1 held back", List.of(), List.of(new HeldBack(path, reason)), null);
    }

    static RepoRow of(String name, RepoState state, int ahead, int behind, String message, List<String> conflicts, List<HeldBack> held,
                      String attention) {
        Path path = Path.of("/home/me/" + name);
        return RepoRow.of(path, new RepoStatus(path.toString(), name, "main", state, ahead, behind, 0, conflicts, held, List.of("origin"),
                null, LAST_SUCCESS, "auto-commit", message, attention));
    }
}
