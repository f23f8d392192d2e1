package dev.tidesync.sync;

import dev.tidesync.model.FreezeMarker;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.Triggers;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.git.GitAccess;
import dev.tidesync.io.InterProcessLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One sync of one repository, behind its switches: applies them (enabled, trigger, freeze
 * marker, pause), takes the repository's lock shared by every Tidesync process and runs the
 * cycle. It records nothing: its caller ({@code engine.RecordedSync}) writes the change log.
 */
public final class SyncService {

    /** Why a background trigger may not sync this repository now (a pause), if it may not. */
    @FunctionalInterface
    public interface PauseCheck {
        Optional<String> holding(RepositorySettings repository, Instant now);
    }

    private final Settings settings;
    private final PauseCheck pauses;
    private final SyncCycle cycle;
    private final Clock clock;

    public SyncService(Settings settings, PauseCheck pauses, GitAccess git, Clock clock, String host) {
        this.settings = settings;
        this.pauses = pauses;
        this.clock = clock;
        this.cycle = new SyncCycle(git, clock, host);
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
                outcome = failed(repository, request, started, Failure.of(FailureKind.LOCKED, "Another Tidesync sync of "
                        + repository.name() + " is still running after " + wait.toSeconds() + " s; try again when it finishes"));
            } else {
                try (InterProcessLock.Held held = lock.get()) {
                    outcome = cycle.run(repo, repository, settings, request);
                }
            }
        } catch (NotARepositoryException e) {
            outcome = failed(repository, request, started, Failure.of(FailureKind.NOT_FOUND, e.getMessage()));
        } catch (IOException e) {
            outcome = failed(repository, request, started, Failure.of(FailureKind.OTHER, "Sync of " + repository.name()
                    + " could not start: " + e.getMessage()));
        }
        return outcome;
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
        if (java.nio.file.Files.exists(FreezeMarker.in(repository.workTree()))) {
            return Optional.of(repository.name() + " is frozen by " + FreezeMarker.NAME + "; delete that file to let Tidesync sync it again");
        }
        return pauses.holding(repository, clock.instant());
    }

    public static boolean triggerEnabled(Triggers t, Trigger trigger) {
        // The catch-up at start stands in for the watcher and the poller: either one on is enough.
        return trigger == Trigger.STARTUP ? t.fileChange().enabled() || t.poll().enabled() : t.of(trigger).enabled();
    }

    private SyncOutcome skipped(RepositorySettings r, SyncRequest request, Instant started, String why) {
        return SyncOutcome.skipped(r.workTree(), r.name(), request, started, why);
    }

    private SyncOutcome failed(RepositorySettings r, SyncRequest request, Instant started, Failure failure) {
        return SyncOutcome.failed(r.workTree(), r.name(), request, started, Duration.between(started, clock.instant()), failure);
    }
}
