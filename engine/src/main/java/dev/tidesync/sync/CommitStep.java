package dev.tidesync.sync;

import dev.tidesync.git.CommitConditions;
import dev.tidesync.git.CommitMessage;
import dev.tidesync.git.Committer;
import dev.tidesync.git.GitFailure;
import dev.tidesync.git.GitFailure.FailureKind;
import dev.tidesync.git.Identity;
import dev.tidesync.guard.Guards;
import dev.tidesync.guard.PathPatterns;
import java.io.IOException;
import java.util.Optional;

/** Commits local changes the guards allow, first, so nothing later in the cycle can lose them. */
final class CommitStep implements Step {

    @Override
    public Optional<SyncOutcome> run(CycleContext ctx) throws IOException {
        if (!ctx.request.action().commits() || !ctx.repository.mode().commits() || ctx.snapshot.changes().isEmpty()) {
            return Optional.empty();
        }
        Guards guards = new Guards(ctx.repository.guards(), ctx.repository.excludes());
        int tracked = ctx.repo.repository().readDirCache().getEntryCount();
        var changes = ctx.snapshot.changes();
        if (ctx.request.trigger() != Trigger.MANUAL && !ctx.repository.neverAutomatic().isEmpty()) {
            // Change rules marked "never" leave these paths for a manual sync; they stay as they are.
            PathPatterns manualOnly = new PathPatterns(ctx.repository.neverAutomatic());
            var automatic = changes.without(manualOnly::matches);
            if (automatic.all().size() < changes.all().size()) {
                ctx.notes.add("Left " + (changes.all().size() - automatic.all().size()) + " files for a manual sync (change rules)");
            }
            changes = automatic;
            if (changes.isEmpty()) {
                return Optional.empty();
            }
        }
        Guards.Verdict verdict = guards.judge(ctx.repo.workTree(), changes, tracked);
        ctx.heldBack.addAll(verdict.heldBack());
        if (verdict.nothingToCommit() && verdict.unstage().isEmpty()) {
            return Optional.empty();
        }
        if (ctx.request.dryRun()) {
            ctx.notes.add("Would commit " + (verdict.paths().size() + verdict.deletions().size()) + " files");
            return Optional.empty();
        }
        Optional<String> refused = CommitConditions.refusal(ctx.repo, ctx.gitConfig());
        if (refused.isPresent()) {
            return Optional.of(ctx.fail(GitFailure.of(FailureKind.UNSAFE_STATE, "Not committing in " + ctx.repository.name()
                    + ": " + refused.get())));
        }
        var author = Identity.of(ctx.repo, ctx.gitConfig(), ctx.clock);
        String template = ctx.settings.commit().messageTemplate();
        Optional<Committer.Committed> committed;
        try {
            committed = Committer.commit(ctx.repo, verdict, summary -> CommitMessage.render(template, summary,
                    ctx.clock.instant(), ctx.clock.getZone(), ctx.host, ctx.request.trigger().id()), author);
        } catch (Committer.HookRefusal refusal) {
            return Optional.of(ctx.fail(GitFailure.of(FailureKind.REJECTED, "Not committing in " + ctx.repository.name() + ": "
                    + refusal.getMessage() + "; fix what it reports and the next sync commits")));
        }
        committed.ifPresent(c -> {
            ctx.commit = Optional.of(c.commitId());
            ctx.committed = c.summary().files();
        });
        return Optional.empty();
    }
}
