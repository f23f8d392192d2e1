package dev.tidesync.sync;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.EffectiveConfig;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Snapshot;
import dev.tidesync.git.Upstream;
import dev.tidesync.model.SyncRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every step of one cycle reads and none of them changes: the repository, its settings,
 * the request, the clock. What a step finds it returns in its {@link StepResult}.
 */
final class Cycle {

    final GitRepo repo;
    final RepositorySettings repository;
    final Settings settings;
    final SyncRequest request;
    final Clock clock;
    final String host;
    final GitAccess git;
    final Instant started;
    private EffectiveConfig gitConfig;

    Cycle(GitRepo repo, RepositorySettings repository, Settings settings, SyncRequest request, Clock clock, String host, GitAccess git) {
        this.repo = repo;
        this.repository = repository;
        this.settings = settings;
        this.request = request;
        this.clock = clock;
        this.host = host;
        this.git = git;
        this.started = clock.instant();
    }

    /** The repository's git configuration as git resolves it, read once per cycle (it runs `git config`). */
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
    static List<String> remotes(RepositorySettings repository, Snapshot snapshot) {
        if (!repository.remotes().isEmpty()) {
            return repository.remotes();
        }
        return snapshot.upstream().map(u -> List.of(u.remote())).orElse(List.of());
    }

    List<String> remotes(Snapshot snapshot) {
        return remotes(repository, snapshot);
    }

    /**
     * The primary remote's branch this one integrates with and publishes to: the configured
     * upstream when it is on the primary remote, else the same branch name there. Empty with no remote.
     */
    Optional<Upstream> primaryUpstream(Snapshot snapshot) {
        List<String> remotes = remotes(snapshot);
        if (remotes.isEmpty()) {
            return Optional.empty();
        }
        String primary = remotes.getFirst();
        return snapshot.upstream().filter(u -> u.remote().equals(primary))
                .or(() -> Optional.of(Upstream.inferred(primary, snapshot.branchRef().orElseThrow())));
    }
}
