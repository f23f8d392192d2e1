package dev.tidesync.status;

import dev.tidesync.model.FreezeMarker;
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
import dev.tidesync.io.Phrases;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a repository's status: {@link #facts} from the repository itself (a git status), then
 * {@link #compose} with what the journal remembers. Changes nothing. The CLI does both at once;
 * the engine keeps the facts and composes again whenever only the journal changed.
 */
public final class StatusReader {

    private final Settings settings;
    private final Clock clock;

    public StatusReader(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Facts, the journal, and whether any process holds the repository's sync lock right now. */
    public RepoStatus read(RepositorySettings repository, State state) {
        return compose(repository, facts(repository), state, isSyncing(repository));
    }

    /** The repository's own part of the status: a full git status and ahead/behind. Never throws. */
    public RepoFacts facts(RepositorySettings repository) {
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            Snapshot snap = Inspector.inspect(repo, repository.remotes());
            List<String> remotes = repository.remotes().isEmpty()
                    ? snap.upstream().map(u -> List.of(u.remote())).orElse(List.of()) : repository.remotes();
            List<String> submodules = Inspector.submodulesWithChanges(repo);
            java.util.Set<String> changed = new java.util.TreeSet<>(snap.changes().all());
            changed.remove(FreezeMarker.NAME); // the marker is the user's switch, never a change to commit
            changed.removeAll(submodules);
            boolean frozen = java.nio.file.Files.exists(repo.workTree().resolve(FreezeMarker.NAME));
            return new RepoFacts(snap.branchName(), snap.ahead(), snap.behind(), changed.size(), snap.operation(), remotes, frozen,
                    submodules, Optional.empty());
        } catch (NotARepositoryException | IOException e) {
            return RepoFacts.unreadable(e.getMessage(), repository.remotes());
        }
    }

    /** The status from the repository's facts, the journal and whether a sync runs: cheap, no git. */
    public RepoStatus compose(RepositorySettings repository, RepoFacts facts, State state, boolean syncing) {
        RepoJournal journal = state.repository(repository.workTree().toString());
        RepoStatus.LastSyncView last = journal.lastSync() == null ? null : new RepoStatus.LastSyncView(journal.lastSync().time(),
                journal.lastSync().trigger().id(), journal.lastSync().result().id(), journal.lastSync().durationMs());
        if (facts.unreadable().isPresent()) {
            RepoState error = new RepoState.Error("not_found", facts.unreadable().get());
            return new RepoStatus(repository.path(), repository.name(), "", error, 0, 0, 0, List.of(), List.of(),
                    facts.remotes(), last, journal.lastSuccess(), repository.mode().label(), facts.unreadable().get(), journal.attention());
        }
        RepoState repoState = decide(repository.name(), journal, state, facts, syncing);
        return new RepoStatus(repository.path(), repository.name(), facts.branch(), repoState, facts.ahead(), facts.behind(),
                facts.dirtyFiles(), journal.conflictPaths(), journal.heldBack(), facts.remotes(), last, journal.lastSuccess(),
                repository.mode().label(), message(repoState, journal, repository.mode()), journal.attention());
    }

    private RepoState decide(String name, RepoJournal journal, State state, RepoFacts facts, boolean syncing) {
        Instant now = clock.instant();
        if (!settings.enabled()) {
            return new RepoState.Disabled();
        }
        Optional<Pause> pause = Optional.ofNullable(state.pause()).filter(p -> p.activeAt(now))
                .or(() -> Optional.ofNullable(journal.pause()).filter(p -> p.activeAt(now)));
        if (pause.isPresent()) {
            return new RepoState.Paused(pause.get().until());
        }
        if (facts.frozen()) {
            return new RepoState.Frozen();
        }
        if (syncing) {
            return new RepoState.Syncing();
        }
        if (journal.objectCheck() != null && journal.objectCheck().damage() != null) {
            return new RepoState.Error("integrity", journal.objectCheck().sentence(name));
        }
        if (!journal.conflictPaths().isEmpty()) {
            return new RepoState.Conflict(journal.conflictPaths());
        }
        if (journal.error() != null) {
            return new RepoState.Error(journal.errorKind(), journal.attention() == null ? journal.error()
                    : journal.error() + " (automatic syncing stopped until something changes; `tidesync sync` retries now)");
        }
        if (facts.operation().isPresent()) {
            return new RepoState.Error("unsafe_state", facts.operation().get());
        }
        if (!facts.submodules().isEmpty()) {
            return new RepoState.SubmoduleChanges(facts.submodules());
        }
        if (facts.dirtyFiles() > 0) {
            return new RepoState.Dirty(facts.dirtyFiles());
        }
        if (facts.remotes().isEmpty()) {
            return new RepoState.LocalOnly();
        }
        if (facts.ahead() > 0) {
            return new RepoState.Ahead(facts.ahead());
        }
        if (facts.behind() > 0) {
            return new RepoState.Behind(facts.behind());
        }
        return new RepoState.Synced();
    }

    private String message(RepoState s, RepoJournal journal, dev.tidesync.config.SyncMode mode) {
        return switch (s) {
            case RepoState.Disabled d -> "Tidesync is disabled";
            case RepoState.Paused p -> p.until() == null ? "Paused until resumed" : "Paused until " + dev.tidesync.io.Moments.at(p.until(), clock.getZone(), clock.instant());
            case RepoState.Frozen f -> "Frozen by " + FreezeMarker.NAME + "; delete that file to let Tidesync sync it again";
            case RepoState.Syncing y -> "Syncing now";
            case RepoState.Conflict c -> journal.lastSync() != null ? journal.lastSync().message()
                    : "Conflict in " + String.join(", ", c.paths());
            case RepoState.Error e -> e.message();
            case RepoState.SubmoduleChanges m -> Phrases.firstAndMore(m.submodules(), 3) + (m.submodules().size() == 1 ? " has" : " have")
                    + " changes Tidesync does not sync (it never commits inside a submodule); commit and push them there";
            case RepoState.Dirty d -> d.files() + (d.files() == 1 ? " file" : " files") + " changed locally";
            case RepoState.LocalOnly l -> "No remote to sync with: changes are committed here only; add one with `git remote add origin URL`";
            case RepoState.Ahead a -> a.commits() + (a.commits() == 1 ? " commit" : " commits") + (mode.pushes() ? " not pushed yet"
                    : " kept on this machine (mode " + mode.label() + ": Tidesync never pushes here)");
            case RepoState.Behind b -> b.commits() + (b.commits() == 1 ? " commit" : " commits") + " to pull";
            case RepoState.Synced ok -> journal.heldBack().isEmpty() ? "Up to date"
                    : "Up to date; " + journal.heldBack().size() + " held back";
        };
    }

    /** Another process (or thread) holds the repository's sync lock right now. */
    private static boolean isSyncing(RepositorySettings repository) {
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            Optional<InterProcessLock.Held> held = InterProcessLock.acquire(SyncService.lockFile(repo), Duration.ZERO);
            if (held.isEmpty()) {
                return true;
            }
            held.get().close();
            return false;
        } catch (NotARepositoryException | IOException e) {
            return false;
        }
    }
}
