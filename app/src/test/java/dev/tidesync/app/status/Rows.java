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

    /** A repository in {@code state} with nothing ahead or behind. */
    public static RepoRow of(String name, RepoState state, String message) {
        return of(name, state, 0, 0, message, List.of(), List.of(), null);
    }

    /** The same row, whose last sync attempt was at {@code time} with {@code result}. */
    public static RepoRow withLastAttempt(RepoRow row, Instant time, String result) {
        RepoStatus s = row.status().orElseThrow();
        return RepoRow.of(row.path(), new RepoStatus(s.path(), s.name(), s.branch(), s.repoState(), s.ahead(), s.behind(), s.dirtyFiles(),
                s.conflictPaths(), s.heldBack(), s.remotes(), new RepoStatus.LastSyncView(time, "poll", result, 80), s.lastSuccess(), s.mode(),
                s.message(), s.attention()));
    }

    /** The same row, never synced successfully. */
    public static RepoRow withoutSuccess(RepoRow row) {
        RepoStatus s = row.status().orElseThrow();
        return RepoRow.of(row.path(), new RepoStatus(s.path(), s.name(), s.branch(), s.repoState(), s.ahead(), s.behind(), s.dirtyFiles(),
                s.conflictPaths(), s.heldBack(), s.remotes(), s.lastSync(), null, s.mode(), s.message(), s.attention()));
    }

    static RepoRow of(String name, RepoState state, int ahead, int behind, String message, List<String> conflicts, List<HeldBack> held,
                      String attention) {
        Path path = Path.of("/home/me/" + name);
        return RepoRow.of(path, new RepoStatus(path.toString(), name, "main", state, ahead, behind, 0, conflicts, held, List.of("origin"),
                null, LAST_SUCCESS, "auto-commit", message, attention));
    }
}
