package dev.tidesync.resolve;

import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.journal.Journal;
import dev.tidesync.git.resolve.SyncUndo;
import dev.tidesync.git.resolve.Resolved;
import dev.tidesync.git.resolve.ResolveException;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.ConflictResolver;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.git.resolve.Resolution;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Identity;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.io.InterProcessLock;
import dev.tidesync.sync.SyncService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conflict resolution and undo as the user asks for them (tray dialog, CLI): each under the
 * repository's sync lock, so it never races a sync, and as the user's git identity.
 */
public final class Repairs {

    private static final Logger LOG = LoggerFactory.getLogger(Repairs.class);

    private final Settings settings;
    private final GitAccess git;
    private final Clock clock;
    private final String host;
    private final Journal journal;

    /** @param journal where each resolve and undo is recorded as its own event, with who asked */
    public Repairs(Settings settings, GitAccess git, Clock clock, String host, Journal journal) {
        this.journal = journal;
        this.settings = settings;
        this.git = git;
        this.clock = clock;
        this.host = host;
    }

    public Optional<Conflicts> conflicts(RepositorySettings repository) throws IOException, ResolveException {
        return locked(repository, repo -> resolver().inspect(repo, repository.remotes()));
    }

    /** A conflicting text file's three versions and where they disagree; empty for binary, deleted or folder cases. */
    public Optional<ConflictText> text(RepositorySettings repository, Conflicts conflicts, String path) throws IOException, ResolveException {
        return opened(repository, repo -> resolver().text(repo, conflicts, path));
    }

    /** What each side has at a conflicting path, in words. */
    public FileSides sides(RepositorySettings repository, Conflicts conflicts, String path) throws IOException, ResolveException {
        return opened(repository, repo -> resolver().sides(repo, conflicts, path));
    }

    public Resolved resolve(RepositorySettings repository, Conflicts conflicts, Map<String, Resolution> choices)
            throws IOException, ResolveException {
        java.time.Instant started = clock.instant();
        Resolved done = locked(repository, repo -> resolver().resolve(repo, conflicts, choices,
                Identity.of(repo, git.config(repo), clock), host, LocalDate.ofInstant(clock.instant(), clock.getZone())));
        recorded(repository, HistoryRecord.RESOLVE, done, started);
        return done;
    }

    /**
     * As {@link #resolve(RepositorySettings, Conflicts, Map)}, and when edits made since the
     * conflict are not committed yet (a repository in conflict waits for the user, so nothing
     * committed them), {@code commitEdits} syncs first: that commits them, as the sync would have
     * by itself, and stops at the same conflict, which is then resolved with the same choices.
     */
    public Resolved resolve(RepositorySettings repository, Conflicts conflicts, Map<String, Resolution> choices, Runnable commitEdits)
            throws IOException, ResolveException {
        try {
            return resolve(repository, conflicts, choices);
        } catch (ResolveException.UncommittedEdits e) {
            commitEdits.run();
            Conflicts again = conflicts(repository).orElseThrow(() -> new ResolveException(repository.name()
                    + " no longer conflicts with its remote once your edits were committed; nothing is left to resolve"));
            java.util.Set<String> before = conflicts.files().stream().map(dev.tidesync.git.resolve.ConflictFile::path)
                    .collect(java.util.stream.Collectors.toSet());
            java.util.Set<String> now = again.files().stream().map(dev.tidesync.git.resolve.ConflictFile::path)
                    .collect(java.util.stream.Collectors.toSet());
            if (!before.equals(now)) {
                throw new ResolveException("Your edits are committed, and now " + String.join(", ", now)
                        + " conflict; look at the conflict again and choose for each, nothing else was changed");
            }
            for (Map.Entry<String, Resolution> c : choices.entrySet()) {
                if (c.getValue() instanceof Resolution.ByPart
                        && !text(repository, conflicts, c.getKey()).map(ConflictText::parts).equals(text(repository, again, c.getKey()).map(ConflictText::parts))) {
                    throw new ResolveException("Your edits are committed, and they changed where " + c.getKey()
                            + " disagrees with the remote; look at it again and choose for each part, nothing else was changed");
                }
            }
            return resolve(repository, again, choices);
        }
    }

    public Optional<SyncUndo.Undoable> undoable(RepositorySettings repository) throws IOException, ResolveException {
        return locked(repository, repo -> undo().check(repo));
    }

    public Resolved undo(RepositorySettings repository) throws IOException, ResolveException {
        java.time.Instant started = clock.instant();
        Resolved done = locked(repository, repo -> undo().undo(repo, Identity.of(repo, git.config(repo), clock)));
        recorded(repository, HistoryRecord.UNDO, done, started);
        return done;
    }

    /** The repair in the change log; a failure to write it is logged, as a sync's is, and never undoes the repair. */
    private void recorded(RepositorySettings repository, String event, Resolved done, java.time.Instant started) {
        try {
            journal.recordEvent(HistoryRecord.repair(started, repository.workTree().toString(), repository.name(), host, event,
                    done.message(), done.commit(), done.files(), Duration.between(started, clock.instant()).toMillis()));
        } catch (IOException e) {
            LOG.warn("could not record the {} of {}: {}", event, repository.name(), e.getMessage());
        }
    }

    private ConflictResolver resolver() {
        return new ConflictResolver(new BackupRefs(BackupRefs.KEEP));
    }

    private SyncUndo undo() {
        return new SyncUndo(new BackupRefs(BackupRefs.KEEP));
    }

    private interface Work<T> {
        T run(GitRepo repo) throws IOException, ResolveException;
    }

    private <T> T opened(RepositorySettings repository, Work<T> work) throws IOException, ResolveException {
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            return work.run(repo);
        } catch (NotARepositoryException e) {
            throw new ResolveException(e.getMessage());
        }
    }

    private <T> T locked(RepositorySettings repository, Work<T> work) throws IOException, ResolveException {
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            Duration wait = Duration.ofSeconds(settings.locks().waitSeconds());
            Optional<InterProcessLock.Held> lock = InterProcessLock.acquire(SyncService.lockFile(repo), wait);
            if (lock.isEmpty()) {
                throw new ResolveException("A sync of " + repository.name() + " is still running; try again when it finishes");
            }
            try (InterProcessLock.Held held = lock.get()) {
                return work.run(repo);
            }
        } catch (NotARepositoryException e) {
            throw new ResolveException(e.getMessage());
        }
    }
}
