package dev.tidesync.engine;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.Pauses;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.sync.SyncService;
import dev.tidesync.git.Fsck;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.journal.ObjectCheck;
import java.io.IOException;
import java.time.Clock;
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
 * A sync as the engine and the CLI run it: the sync service (switches, lock, cycle) with the
 * journal's pauses, and its outcome written to the change log and state.json afterwards. The
 * cycle knows nothing of the journal; this is the one place that records what it did.
 */
public final class RecordedSync implements CycleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedSync.class);

    private final SyncService service;
    private final Journal journal;
    private final Clock clock;
    private final String host;
    private final GitAccess git;

    public RecordedSync(Settings settings, Journal journal, GitAccess git, Clock clock, String host) {
        this.journal = journal;
        this.clock = clock;
        this.host = host;
        this.git = git;
        this.service = new SyncService(settings, (repository, now) -> paused(journal, repository, now), git, clock, host);
    }

    private static Optional<String> paused(Journal journal, RepositorySettings repository, java.time.Instant now) {
        try {
            return Pauses.holding(journal.read(), repository.workTree(), repository.name(), repository.path(), now);
        } catch (IOException e) {
            LOG.warn("could not read the state to check for pauses: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Syncs one repository and records it (a dry run is not recorded). */
    @Override
    public SyncOutcome run(RepositorySettings repository, SyncRequest request) {
        SyncOutcome outcome = service.sync(repository, request);
        if (!request.dryRun()) {
            try {
                journal.record(outcome, host);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not record the sync of {} in the change log: {}", repository.name(), e.getMessage());
            }
        }
        return outcome;
    }

    /** Reads every object ({@link Fsck}) and records the result; a repository that cannot be opened is not checked. */
    @Override
    public Optional<ObjectCheck> checkObjects(RepositorySettings repository) {
        java.time.Instant started = clock.instant();
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            ObjectCheck check = ObjectCheck.of(started, Fsck.check(repo, git.cli()));
            journal.recordCheck(repository.workTree(), repository.name(), host, check,
                    java.time.Duration.between(started, clock.instant()));
            return Optional.of(check);
        } catch (IOException | NotARepositoryException | RuntimeException e) {
            LOG.warn("could not check the objects of {}: {}", repository.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Syncs each repository in parallel; one's failure never stops the others. Results in input order. */
    public List<SyncOutcome> runAll(List<RepositorySettings> repositories, SyncRequest request) {
        List<SyncOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SyncOutcome>> futures = repositories.stream().map(r -> pool.submit(() -> run(r, request))).toList();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(SyncOutcome.failed(repositories.get(i).workTree(), repositories.get(i).name(), request, clock.instant(),
                            java.time.Duration.ZERO, Failure.of(FailureKind.OTHER, "Sync of " + repositories.get(i).name() + " stopped: "
                                    + e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return outcomes;
    }
}
