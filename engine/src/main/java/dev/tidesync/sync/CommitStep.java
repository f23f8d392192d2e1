package dev.tidesync.sync;

import dev.tidesync.git.CommitConditions;
import dev.tidesync.git.CommitMessage;
import dev.tidesync.git.Committer;
import dev.tidesync.git.Identity;
import dev.tidesync.git.LocalChanges;
import dev.tidesync.git.PathPatterns;
import dev.tidesync.git.Snapshot;
import dev.tidesync.guard.Guards;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.model.HeldBack;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Commits local changes the guards allow, first, so nothing later in the cycle can lose them. */
final class CommitStep {

    /**
     * What the step did: the commit it made (if any) and its files, what the guards held back,
     * and notes (change rules, a dry run's plan).
     */
    record Committed(Optional<String> commit, List<String> files, List<HeldBack> heldBack, List<String> notes) {
        static final Committed NOTHING = new Committed(Optional.empty(), List.of(), List.of(), List.of());
    }

    private static int filesAtHead(Cycle c) {
        try {
            return c.repo.filesAtHead();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    StepResult<Committed> run(Cycle c, Snapshot snapshot) throws IOException {
        if (!c.request.action().commits() || !c.repository.mode().commits() || snapshot.changes().isEmpty()) {
            return StepResult.done(Committed.NOTHING);
        }
        List<String> notes = new ArrayList<>();
        LocalChanges changes = snapshot.changes();
        if (c.request.trigger() != Trigger.MANUAL && !c.repository.neverAutomatic().isEmpty()) {
            // Change rules marked "never" leave these paths for a manual sync; they stay as they are.
            PathPatterns manualOnly = new PathPatterns(c.repository.neverAutomatic());
            LocalChanges automatic = changes.without(manualOnly::matches);
            if (automatic.all().size() < changes.all().size()) {
                notes.add("Left " + (changes.all().size() - automatic.all().size()) + " files for a manual sync (change rules)");
            }
            changes = automatic;
            if (changes.isEmpty()) {
                return StepResult.done(new Committed(Optional.empty(), List.of(), List.of(), notes));
            }
        }
        Guards guards = new Guards(c.repository.guards(), c.repository.excludes());
        Guards.Verdict verdict = guards.judge(c.repo.workTree(), changes, () -> filesAtHead(c));
        if (verdict.nothingToCommit()) {
            return StepResult.done(new Committed(Optional.empty(), List.of(), verdict.heldBack(), notes));
        }
        if (c.request.dryRun()) {
            java.util.List<String> would = new ArrayList<>(verdict.paths());
            verdict.deletions().forEach(d -> would.add(d + " (deleted)"));
            notes.add("Would commit " + dev.tidesync.io.Phrases.plural(would.size(), "file") + ": " + dev.tidesync.io.Phrases.firstAndMore(
                    would.stream().sorted().toList(), 20));
            return StepResult.done(new Committed(Optional.empty(), List.of(), verdict.heldBack(), notes));
        }
        Optional<String> refused = CommitConditions.refusal(c.repo, c.gitConfig());
        if (refused.isPresent()) {
            return StepResult.failed(Failure.of(FailureKind.UNSAFE_STATE, "Not committing in " + c.repository.name() + ": " + refused.get()));
        }
        var author = Identity.of(c.repo, c.gitConfig(), c.clock);
        String template = c.settings.commitTemplate(c.request.trigger());
        Optional<Committer.Committed> committed;
        try {
            committed = Committer.commit(c.repo, verdict.plan(), summary -> CommitMessage.render(template, summary,
                    c.clock.instant(), c.clock.getZone(), c.host, c.request.trigger().id()), author, c.git.cli());
        } catch (Committer.HookRefusal refusal) {
            return StepResult.failed(Failure.of(FailureKind.REJECTED, "Not committing in " + c.repository.name() + ": "
                    + refusal.getMessage() + "; fix what it reports and the next sync commits"));
        }
        return StepResult.done(new Committed(committed.map(Committer.Committed::commitId), committed.map(x -> x.summary().files())
                .orElse(List.of()), verdict.heldBack(), notes));
    }
}
