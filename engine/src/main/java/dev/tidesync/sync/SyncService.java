package dev.tidesync.sync;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.Triggers;
import dev.tidesync.git.GitFailure;
import dev.tidesync.git.GitFailure.FailureKind;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.git.GitAccess;
import dev.tidesync.io.InterProcessLock;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.Pause;
import dev.tidesync.journal.State;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's front door for syncing: applies the switches (enabled, trigger, pause), takes
 * the repository's lock shared by every Tidesync process, runs the cycle and journals it.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final Settings settings;
    private final Journal journal;
    private final SyncCycle cycle;
    private final Clock clock;
    private final String host;

    public SyncService(Settings settings, Journal journal, GitAccess git, Clock clock, String host) {
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
        this.host = host;
        this.cycle = new SyncCycle(git, clock, host);
    }

    /** A file in the work tree's root that pauses the repository for as long as it exists (never committed). */
    public static final String FREEZE_MARKER = ".tidesync-freeze";

    public static Path freezeMarker(RepositorySettings repository) {
        return repository.workTree().resolve(FREEZE_MARKER);
    }

    /** The lock every Tidesync process takes before touching the repository. */
    public static Path lockFile(GitRepo repo) {
        return repo.tidesyncDir().resolve("sync.lock");
    }

    public SyncOutcome sync(RepositorySettings repository, SyncRequest request) {
        Instant started = clock.instant();
        Optional<String> off = switchedOff(repository, request.trigger());
        if (off.isPresent()) {
            return skipped(repository, request, started, off.get());
        }
        SyncOutcome outcome;
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            Duration wait = Duration.ofSeconds(settings.locks().waitSeconds());
            Optional<InterProcessLock.Held> lock = InterProcessLock.acquire(lockFile(repo), wait);
            if (lock.isEmpty()) {
                outcome = failed(repository, request, started, GitFailure.of(FailureKind.LOCKED, "Another Tidesync sync of "
                        + repository.name() + " is still running after " + wait.toSeconds() + " s; try again when it finishes"));
            } else {
                try (InterProcessLock.Held held = lock.get()) {
                    outcome = cycle.run(repo, repository, settings, request);
                }
            }
        } catch (NotARepositoryException e) {
            outcome = failed(repository, request, started, GitFailure.of(FailureKind.NOT_FOUND, e.getMessage()));
        } catch (IOException e) {
            outcome = failed(repository, request, started, GitFailure.of(FailureKind.OTHER, "Sync of " + repository.name()
                    + " could not start: " + e.getMessage()));
        }
        if (!request.dryRun()) {
            try {
                journal.record(outcome, host);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not record the sync of {} in the change log: {}", repository.name(), e.getMessage());
            }
        }
        return outcome;
    }

    /** Syncs each repository in parallel; one's failure never stops the others. Results in input order. */
    public List<SyncOutcome> syncAll(List<RepositorySettings> repositories, SyncRequest request) {
        List<SyncOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SyncOutcome>> futures = repositories.stream().map(r -> pool.submit(() -> sync(r, request))).toList();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(failed(repositories.get(i), request, clock.instant(),
                            GitFailure.of(FailureKind.OTHER, "Sync of " + repositories.get(i).name() + " stopped: " + e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return outcomes;
    }

    /** Why this trigger may not sync this repository now, if it may not. Manual syncs ignore pauses. */
    Optional<String> switchedOff(RepositorySettings repository, Trigger trigger) {
        if (!triggerEnabled(settings.triggers(), trigger)) {
            return Optional.of("The " + trigger.id() + " trigger is disabled; enable it with `tidesync enable " + trigger.id() + "`");
        }
        if (trigger == Trigger.MANUAL) {
            return Optional.empty();
        }
        if (!settings.enabled()) {
            return Optional.of("Tidesync is disabled; enable it with `tidesync enable`");
        }
        if (java.nio.file.Files.exists(freezeMarker(repository))) {
            return Optional.of(repository.name() + " is frozen by " + FREEZE_MARKER + "; delete that file to let Tidesync sync it again");
        }
        try {
            State state = journal.read();
            Instant now = clock.instant();
            if (state.pause() != null && state.pause().activeAt(now)) {
                return Optional.of("Syncing is paused" + until(state.pause()) + "; resume with `tidesync resume`");
            }
            Pause pause = state.repository(repository.workTree().toString()).pause();
            if (pause != null && pause.activeAt(now)) {
                return Optional.of(repository.name() + " is paused" + until(pause) + "; resume with `tidesync resume " + repository.path() + "`");
            }
        } catch (IOException e) {
            LOG.warn("could not read the state to check for pauses: {}", e.getMessage());
        }
        return Optional.empty();
    }

    private static String until(Pause pause) {
        return pause.until() == null ? "" : " until " + pause.until();
    }

    public static boolean triggerEnabled(Triggers t, Trigger trigger) {
        return switch (trigger) {
            case SESSION_START -> t.sessionStart().enabled();
            case SESSION_END -> t.sessionEnd().enabled();
            case USER_PROMPT -> t.userPrompt().enabled();
            case CHECKPOINT -> t.checkpoint().enabled();
            case FILE_CHANGE -> t.fileChange().enabled();
            case LOCAL_COMMIT -> t.localCommit().enabled();
            case POLL -> t.poll().enabled();
            case MANUAL -> t.manual().enabled();
            case SCHEDULE -> t.schedule().enabled();
        };
    }

    private SyncOutcome skipped(RepositorySettings r, SyncRequest request, Instant started, String why) {
        return SyncOutcome.skipped(r.workTree(), r.name(), request, started, why);
    }

    private SyncOutcome failed(RepositorySettings r, SyncRequest request, Instant started, GitFailure failure) {
        return SyncOutcome.failed(r.workTree(), r.name(), request, started, Duration.between(started, clock.instant()), failure);
    }
}
