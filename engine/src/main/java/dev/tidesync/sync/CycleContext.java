package dev.tidesync.sync;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.EffectiveConfig;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.GitFailure;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Snapshot;
import dev.tidesync.git.Upstream;
import dev.tidesync.guard.HeldBack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the steps of one cycle share and accumulate; lives for exactly one cycle. */
final class CycleContext {

    final GitRepo repo;
    final RepositorySettings repository;
    final Settings settings;
    final SyncRequest request;
    final Clock clock;
    final String host;
    final Instant started;

    Snapshot snapshot;
    Optional<String> headBefore = Optional.empty();
    Optional<String> commit = Optional.empty();
    List<String> committed = List.of();
    final List<HeldBack> heldBack = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<GitFailure> mirrorFailures = new ArrayList<>();
    int commitsIn;
    int commitsOut;
    Optional<String> backupRef = Optional.empty();
    /** Whether the last fetch changed any remote-tracking ref (PUSH integrates only then). */
    boolean remoteMoved;
    /** The gate command passed in this cycle (it runs once, however many remotes). */
    boolean gatePassed;
    /** When the previous cycle, killed before it finished, had started (its git locks are leftovers). */
    Optional<Instant> crashedCycleStarted = Optional.empty();

    final GitAccess git;
    private EffectiveConfig gitConfig;

    CycleContext(GitRepo repo, RepositorySettings repository, Settings settings, SyncRequest request, Clock clock, String host,
                 GitAccess git) {
        this.repo = repo;
        this.git = git;
        this.repository = repository;
        this.settings = settings;
        this.request = request;
        this.clock = clock;
        this.host = host;
        this.started = clock.instant();
    }

    /** The repository's git configuration as git resolves it, read once per cycle. */
    EffectiveConfig gitConfig() {
        if (gitConfig == null) {
            gitConfig = git.config(repo);
        }
        return gitConfig;
    }

    Duration networkTimeout() {
        return Duration.ofSeconds(settings.network().timeoutSeconds());
    }

    /** The remotes to fetch and push: configured ones, else the branch's upstream remote. */
    List<String> remotes() {
        if (!repository.remotes().isEmpty()) {
            return repository.remotes();
        }
        return snapshot.upstream().map(u -> List.of(u.remote())).orElse(List.of());
    }

    /**
     * The primary remote's branch this one integrates with and publishes to: the configured
     * upstream when it is on the primary remote, else the same branch name there. Empty with no remote.
     */
    Optional<Upstream> primaryUpstream() {
        List<String> remotes = remotes();
        if (remotes.isEmpty()) {
            return Optional.empty();
        }
        String primary = remotes.getFirst();
        return snapshot.upstream().filter(u -> u.remote().equals(primary))
                .or(() -> Optional.of(Upstream.inferred(primary, snapshot.branchRef().orElseThrow())));
    }

    SyncOutcome finish(SyncResult result, String message, Optional<GitFailure> failure, List<String> conflictPaths) {
        Optional<String> headAfter = Optional.empty();
        try {
            var head = repo.repository().resolve("HEAD");
            headAfter = head == null ? Optional.empty() : Optional.of(head.name());
        } catch (java.io.IOException ignored) {
            // The outcome is still worth reporting without it.
        }
        return new SyncOutcome(repo.workTree(), repository.name(), request.trigger(), request.action(), result, message,
                failure, commit, committed, commitsIn, commitsOut, List.copyOf(heldBack), List.copyOf(conflictPaths),
                headBefore, headAfter, backupRef, List.copyOf(notes), started, Duration.between(started, clock.instant()));
    }

    SyncOutcome fail(GitFailure failure) {
        return finish(SyncResult.FAILED, failure.sentence(), Optional.of(failure), List.of());
    }
}
