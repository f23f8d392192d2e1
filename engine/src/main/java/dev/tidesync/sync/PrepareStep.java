package dev.tidesync.sync;

import dev.tidesync.git.GitLocks;
import dev.tidesync.git.Inspector;
import dev.tidesync.git.Integrator;
import dev.tidesync.git.Snapshot;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes an integration a crash interrupted, deals with git's lock files, then inspects the
 * repository and refuses to go on where git itself is mid-operation or HEAD is detached.
 */
final class PrepareStep {

    /** The repository as the cycle found it, and what was cleared on the way. */
    record Prepared(Snapshot snapshot, List<String> notes) {}

    /** @param crashedCycleStarted when the previous cycle, killed before it finished, had started */
    StepResult<Prepared> run(Cycle c, Optional<Instant> crashedCycleStarted) throws IOException {
        Integrator.recover(c.repo);
        GitLocks locks = new GitLocks(c.clock, Duration.ofSeconds(c.settings.locks().staleIndexLockSeconds()), crashedCycleStarted);
        List<String> notes = new ArrayList<>();
        try {
            for (GitLocks.LockInfo cleared : locks.clear(c.repo, c.repo.branchRef(), Duration.ofSeconds(c.settings.locks().waitSeconds()))) {
                notes.add("Cleared a stale " + cleared.file().getFileName() + " left by a git that is no longer running ("
                        + dev.tidesync.io.Moments.duration(cleared.age()) + " old)");
            }
        } catch (GitLocks.LockedException e) {
            return StepResult.failed(Failure.of(FailureKind.LOCKED, e.getMessage()));
        }
        Snapshot snapshot = Inspector.inspect(c.repo, c.repository.remotes(), c.request.changedPaths());
        String name = c.repository.name();
        if (snapshot.operation().isPresent()) {
            return StepResult.failed(Failure.of(FailureKind.UNSAFE_STATE, "Not syncing " + name + ": "
                    + snapshot.operation().get() + "; finish or abort it with git, then sync again"));
        }
        if (snapshot.detached()) {
            return StepResult.failed(Failure.of(FailureKind.UNSAFE_STATE, "Not syncing " + name
                    + ": HEAD is detached (not on a branch); check out a branch, then sync again"));
        }
        if (!snapshot.changes().conflicted().isEmpty()) {
            return StepResult.failed(Failure.of(FailureKind.UNSAFE_STATE, "Not syncing " + name
                    + ": the index has unresolved conflicts in " + String.join(", ", snapshot.changes().conflicted())
                    + "; resolve them with git first"));
        }
        return StepResult.done(new Prepared(snapshot, List.copyOf(notes)));
    }
}
