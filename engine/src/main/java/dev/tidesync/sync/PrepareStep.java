package dev.tidesync.sync;

import dev.tidesync.git.GitFailure;
import dev.tidesync.git.GitFailure.FailureKind;
import dev.tidesync.git.GitLocks;
import dev.tidesync.git.Inspector;
import dev.tidesync.git.Integrator;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Finishes an integration a crash interrupted, deals with git's lock files, then inspects the
 * repository and refuses to go on where git itself is mid-operation or HEAD is detached.
 */
final class PrepareStep implements Step {

    @Override
    public Optional<SyncOutcome> run(CycleContext ctx) throws IOException {
        Integrator.recover(ctx.repo);
        GitLocks locks = new GitLocks(ctx.clock, Duration.ofSeconds(ctx.settings.locks().staleIndexLockSeconds()),
                ctx.crashedCycleStarted);
        Optional<String> branch = Optional.ofNullable(ctx.repo.repository().getFullBranch()).filter(b -> b.startsWith("refs/heads/"));
        try {
            for (GitLocks.LockInfo cleared : locks.clear(ctx.repo, branch, Duration.ofSeconds(ctx.settings.locks().waitSeconds()))) {
                ctx.notes.add("Cleared a stale " + cleared.file().getFileName() + " left by a git that is no longer running ("
                        + cleared.age().toMinutes() + " min old)");
            }
        } catch (GitLocks.LockedException e) {
            return Optional.of(ctx.fail(GitFailure.of(FailureKind.LOCKED, e.getMessage())));
        }

        ctx.snapshot = Inspector.inspect(ctx.repo, ctx.repository.remotes(), ctx.request.changedPaths());
        ctx.headBefore = ctx.snapshot.head();
        if (ctx.snapshot.operation().isPresent()) {
            return Optional.of(ctx.fail(GitFailure.of(FailureKind.UNSAFE_STATE, "Not syncing " + ctx.repository.name() + ": "
                    + ctx.snapshot.operation().get() + "; finish or abort it with git, then sync again")));
        }
        if (ctx.snapshot.detached()) {
            return Optional.of(ctx.fail(GitFailure.of(FailureKind.UNSAFE_STATE, "Not syncing " + ctx.repository.name()
                    + ": HEAD is detached (not on a branch); check out a branch, then sync again")));
        }
        if (!ctx.snapshot.changes().conflicted().isEmpty()) {
            return Optional.of(ctx.fail(GitFailure.of(FailureKind.UNSAFE_STATE, "Not syncing " + ctx.repository.name()
                    + ": the index has unresolved conflicts in " + String.join(", ", ctx.snapshot.changes().conflicted())
                    + "; resolve them with git first")));
        }
        return Optional.empty();
    }
}
