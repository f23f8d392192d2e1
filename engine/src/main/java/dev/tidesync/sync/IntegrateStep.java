package dev.tidesync.sync;

import dev.tidesync.git.Identity;
import dev.tidesync.git.Integration;
import dev.tidesync.git.Integrator;
import dev.tidesync.git.Snapshot;
import dev.tidesync.git.Upstream;
import dev.tidesync.io.Phrases;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.model.SyncResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Brings the primary remote's commits into the branch; on any conflict nothing is changed. */
final class IntegrateStep {

    /** What came in: remote commits brought into the branch, and the ref that holds it as it was before. */
    /** @param kept what someone wrote to files while the integration replaced them, and where it was kept */
    record Integrated(int commitsIn, Optional<String> backupRef, List<String> kept) {
        static final Integrated NOTHING = new Integrated(0, Optional.empty(), List.of());
    }

    private final Integrator integrator;

    IntegrateStep(Integrator integrator) {
        this.integrator = integrator;
    }

    StepResult<Integrated> run(Cycle c, Snapshot snapshot) throws IOException {
        if (!c.request.action().integrates() || !c.repository.mode().pulls() || c.request.dryRun()) {
            return StepResult.done(Integrated.NOTHING);
        }
        Optional<Upstream> upstream = c.primaryUpstream(snapshot);
        if (upstream.isEmpty()) {
            return StepResult.done(Integrated.NOTHING);
        }
        Optional<String> tracking = c.repo.refId(upstream.get().trackingRef());
        if (tracking.isEmpty()) {
            return StepResult.done(Integrated.NOTHING); // the remote has no such branch yet: the push creates it
        }
        Optional<String> head = c.repo.head();
        boolean upToDate = head.isPresent() && c.repo.contains(head.get(), tracking.get());
        String name = c.repository.name();
        if (!c.repository.mode().commits() && snapshot.changes().hasTrackedChanges() && !upToDate) {
            var changes = snapshot.changes();
            int n = changes.modified().size() + changes.missing().size() + changes.staged().size();
            return StepResult.stop(SyncResult.SKIPPED, "Not pulling into " + name + ": " + n
                    + " tracked files have uncommitted changes (this repository is " + c.repository.mode().label()
                    + "); commit them, then sync again", List.of());
        }
        if (upToDate) {
            return StepResult.done(Integrated.NOTHING); // nothing new upstream (and no need to read git's identity)
        }
        Integration result = integrator.integrate(c.repo, snapshot.branchRef().orElseThrow(), head, tracking.get(),
                upstream.get().shortName(), c.repository.integrate(), Identity.of(c.repo, c.gitConfig(), c.clock));
        return switch (result) {
            case Integration.UpToDate u -> StepResult.done(Integrated.NOTHING);
            case Integration.Moved moved -> StepResult.done(new Integrated(moved.commitsIn(),
                    Optional.of(moved.backupRef()).filter(r -> !r.isEmpty()), moved.kept()));
            case Integration.Conflict conflict -> StepResult.stop(SyncResult.CONFLICT, "Conflict in " + name + ": "
                    + Phrases.firstAndMore(conflict.paths(), 3, "file") + " changed both here and on " + upstream.get().shortName()
                    + "; your files are untouched and nothing was pushed. Choose what to keep with `tidesync resolve " + c.repository.path()
                    + "` (or Resolve… in the tray app)",
                    conflict.paths());
            case Integration.Blocked blocked -> StepResult.stop(SyncResult.CONFLICT, "Not pulling into " + name
                    + ": incoming changes touch " + Phrases.firstAndMore(blocked.paths(), 3, "file")
                    + ", which you have edited but not committed; your files are untouched. Commit or sync, then pull again",
                    blocked.paths());
            case Integration.Diverged d -> StepResult.failed(Failure.of(FailureKind.REJECTED, name + " has " + d.ahead() + " local and "
                    + d.behind() + " remote commits and is set to ff-only; merge or rebase by hand, or set integrate to rebase"));
        };
    }
}
