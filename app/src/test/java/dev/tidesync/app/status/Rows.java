package dev.tidesync.app.status;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rows in each state, for specs. */
public final class Rows {

    private Rows() {}

    public static RepoRow row(String name, String state) {
        return new RepoRow(Path.of("/home/me/" + name), name, "main", state, 0, 0, 0, Optional.of(Instant.parse("2026-11-23T09:58:00Z")),
                "Up to date", Optional.empty(), Optional.empty(), List.of(), 0, List.of("origin"), false);
    }

    public static RepoRow syncing(String name) {
        RepoRow r = row(name, "syncing");
        return new RepoRow(r.path(), name, r.branch(), "syncing", 0, 0, 0, r.lastSuccess(), "Syncing…", Optional.empty(),
                Optional.empty(), List.of(), 0, r.remotes(), true);
    }

    public static RepoRow failed(String name, String kind, String message) {
        RepoRow r = row(name, "error");
        return new RepoRow(r.path(), name, r.branch(), "error", 1, 0, 0, r.lastSuccess(), message, Optional.of(kind),
                kind.equals("auth") ? Optional.of(message) : Optional.empty(), List.of(), 0, r.remotes(), false);
    }

    public static RepoRow conflict(String name, String... paths) {
        RepoRow r = row(name, "conflict");
        return new RepoRow(r.path(), name, r.branch(), "conflict", 1, 1, 0, r.lastSuccess(), "Conflict in " + String.join(", ", paths),
                Optional.empty(), Optional.empty(), List.of(paths), 0, r.remotes(), false);
    }
}
