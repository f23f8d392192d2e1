package dev.tidesync.app.status;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.status.RepoState;
import dev.tidesync.status.RepoStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One repository as the tray menu and the status panel show it: the engine's {@link RepoStatus}
 * as it was last published, or nothing yet while the engine reads it for the first time.
 */
public record RepoRow(Path path, String name, Optional<RepoStatus> status) {

    /** A watched repository whose status the engine has not published yet. */
    public static RepoRow checking(RepositorySettings repository) {
        return new RepoRow(repository.workTree(), repository.name(), Optional.empty());
    }

    public static RepoRow of(Path workTree, RepoStatus status) {
        return new RepoRow(workTree, status.name(), Optional.of(status));
    }

    /** The engine's state, if known yet. */
    public Optional<RepoState> state() {
        return status.map(RepoStatus::repoState);
    }

    public boolean syncing() {
        return state().filter(RepoState.Syncing.class::isInstance).isPresent();
    }

    public String branch() {
        return status.map(RepoStatus::branch).orElse("");
    }

    public int ahead() {
        return status.map(RepoStatus::ahead).orElse(0);
    }

    public int behind() {
        return status.map(RepoStatus::behind).orElse(0);
    }

    public Optional<Instant> lastSuccess() {
        return status.map(RepoStatus::lastSuccess);
    }

    public String message() {
        return status.map(RepoStatus::message).orElse("Checking…");
    }

    public List<String> conflictPaths() {
        return status.map(RepoStatus::conflictPaths).orElse(List.of());
    }

    public int heldBack() {
        return status.map(s -> s.heldBack().size()).orElse(0);
    }

    /** The files Tidesync did not commit, and why. */
    public List<dev.tidesync.model.HeldBack> heldBackFiles() {
        return status.map(RepoStatus::heldBack).orElse(List.of());
    }

    /** The last sync that ran, whatever came of it. */
    public Optional<RepoStatus.LastSyncView> lastAttempt() {
        return status.map(RepoStatus::lastSync);
    }

    public List<String> remotes() {
        return status.map(RepoStatus::remotes).orElse(List.of());
    }

    /** Why automatic syncing stopped until something changes, if it did. */
    public Optional<String> attention() {
        return status.map(RepoStatus::attention);
    }

    /** Needs the user: a conflict, something held back, changes in a submodule, or the engine stopped retrying. */
    public boolean needsAttention() {
        return !conflictPaths().isEmpty() || heldBack() > 0 || attention().isPresent()
                || state().filter(s -> s instanceof RepoState.Conflict || s instanceof RepoState.SubmoduleChanges).isPresent();
    }

    /** The last failure was the network, not the repository or the credentials. */
    public boolean offline() {
        return state().filter(s -> s instanceof RepoState.Error e && ("offline".equals(e.kind()) || "timeout".equals(e.kind())))
                .isPresent();
    }

    public boolean failed() {
        return state().filter(RepoState.Error.class::isInstance).isPresent() && !offline();
    }

    /** Paused, frozen or disabled: syncing is held on purpose. */
    public boolean held() {
        return state().filter(s -> s instanceof RepoState.Paused || s instanceof RepoState.Frozen || s instanceof RepoState.Disabled)
                .isPresent();
    }
}
