package dev.tidesync.status;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Inspector;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.git.Snapshot;
import dev.tidesync.io.InterProcessLock;
import dev.tidesync.journal.Pause;
import dev.tidesync.journal.RepoJournal;
import dev.tidesync.journal.State;
import dev.tidesync.sync.SyncService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads a repository's status from the repository itself and from what the journal remembers. Changes nothing. */
public final class StatusReader {

    private final Settings settings;
    private final Clock clock;

    public StatusReader(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public RepoStatus read(RepositorySettings repository, State state) {
        RepoJournal journal = state.repository(repository.workTree().toString());
        RepoStatus.LastSyncView last = journal.lastSync() == null ? null : new RepoStatus.LastSyncView(journal.lastSync().time(),
                journal.lastSync().trigger().id(), journal.lastSync().result().id(), journal.lastSync().durationMs());
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            boolean syncing = isSyncing(repo);
            Snapshot snap = Inspector.inspect(repo, repository.remotes());
            int dirty = snap.changes().all().size();
            List<String> remotes = repository.remotes().isEmpty()
                    ? snap.upstream().map(u -> List.of(u.remote())).orElse(List.of()) : repository.remotes();
            RepoState repoState = decide(journal, state, snap, dirty, syncing);
            return new RepoStatus(repository.path(), repository.name(), snap.branchName(), repoState, snap.ahead(), snap.behind(),
                    dirty, journal.conflictPaths(), journal.heldBack(), remotes, last, journal.lastSuccess(),
                    repository.mode().label(), message(repoState, snap, journal));
        } catch (NotARepositoryException | IOException e) {
            RepoState error = new RepoState.Error("not_found", e.getMessage());
            return new RepoStatus(repository.path(), repository.name(), "", error, 0, 0, 0, List.of(), List.of(),
                    repository.remotes(), last, journal.lastSuccess(), repository.mode().label(), e.getMessage());
        }
    }

    private RepoState decide(RepoJournal journal, State state, Snapshot snap, int dirty, boolean syncing) {
        Instant now = clock.instant();
        if (!settings.enabled()) {
            return new RepoState.Disabled();
        }
        Optional<Pause> pause = Optional.ofNullable(state.pause()).filter(p -> p.activeAt(now))
                .or(() -> Optional.ofNullable(journal.pause()).filter(p -> p.activeAt(now)));
        if (pause.isPresent()) {
            return new RepoState.Paused(pause.get().until());
        }
        if (syncing) {
            return new RepoState.Syncing();
        }
        if (!journal.conflictPaths().isEmpty()) {
            return new RepoState.Conflict(journal.conflictPaths());
        }
        if (journal.error() != null) {
            return new RepoState.Error(journal.errorKind(), journal.attention() == null ? journal.error()
                    : journal.error() + " (automatic syncing stopped until something changes; `tidesync sync` retries now)");
        }
        if (snap.operation().isPresent()) {
            return new RepoState.Error("unsafe_state", snap.operation().get());
        }
        if (dirty > 0) {
            return new RepoState.Dirty(dirty);
        }
        if (snap.ahead() > 0) {
            return new RepoState.Ahead(snap.ahead());
        }
        if (snap.behind() > 0) {
            return new RepoState.Behind(snap.behind());
        }
        return new RepoState.Synced();
    }

    private String message(RepoState s, Snapshot snap, RepoJournal journal) {
        return switch (s) {
            case RepoState.Disabled d -> "Tidesync is disabled";
            case RepoState.Paused p -> p.until() == null ? "Paused until resumed" : "Paused until " + p.until();
            case RepoState.Syncing y -> "Syncing now";
            case RepoState.Conflict c -> journal.lastSync() != null ? journal.lastSync().message()
                    : "Conflict in " + String.join(", ", c.paths());
            case RepoState.Error e -> e.message();
            case RepoState.Dirty d -> d.files() + (d.files() == 1 ? " file" : " files") + " changed locally";
            case RepoState.Ahead a -> a.commits() + (a.commits() == 1 ? " commit" : " commits") + " not pushed yet";
            case RepoState.Behind b -> b.commits() + (b.commits() == 1 ? " commit" : " commits") + " to pull";
            case RepoState.Synced ok -> journal.heldBack().isEmpty() ? "Up to date"
                    : "Up to date; " + journal.heldBack().size() + " held back";
        };
    }

    /** Another process (or thread) holds the repository's sync lock right now. */
    private static boolean isSyncing(GitRepo repo) throws IOException {
        Optional<InterProcessLock.Held> held = InterProcessLock.acquire(SyncService.lockFile(repo), Duration.ZERO);
        if (held.isEmpty()) {
            return true;
        }
        held.get().close();
        return false;
    }

}
