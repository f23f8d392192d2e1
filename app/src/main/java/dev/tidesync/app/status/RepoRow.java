package dev.tidesync.app.status;

import dev.tidesync.journal.RepoJournal;
import dev.tidesync.status.RepoStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the tray menu and the status panel show for one repository. */
public record RepoRow(
        Path path,
        String name,
        String branch,
        String state,
        int ahead,
        int behind,
        int dirtyFiles,
        Optional<Instant> lastSuccess,
        String message,
        Optional<String> errorKind,
        Optional<String> attention,
        List<String> conflictPaths,
        int heldBack,
        List<String> remotes,
        boolean syncing) {

    public static RepoRow of(RepoStatus status, RepoJournal journal, boolean syncing) {
        return new RepoRow(Path.of(status.path()), status.name(), status.branch() == null ? "" : status.branch(),
                syncing ? "syncing" : status.state(), status.ahead(), status.behind(), status.dirtyFiles(),
                Optional.ofNullable(status.lastSuccess()), status.message() == null ? "" : status.message(),
                Optional.ofNullable(journal.errorKind()), Optional.ofNullable(journal.attention()),
                status.conflictPaths(), status.heldBack().size(), status.remotes(), syncing);
    }

    /** Needs the user: a conflict, something held back, or the engine stopped retrying. */
    public boolean needsAttention() {
        return !conflictPaths.isEmpty() || heldBack > 0 || attention.isPresent();
    }

    /** The last failure was the network, not the repository or the credentials. */
    public boolean offline() {
        return state.equals("error") && errorKind.filter(k -> k.equals("offline") || k.equals("timeout")).isPresent();
    }
}
