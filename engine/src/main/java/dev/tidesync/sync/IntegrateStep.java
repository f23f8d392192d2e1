package dev.tidesync.sync;

import dev.tidesync.git.GitFailure;
import dev.tidesync.git.GitFailure.FailureKind;
import dev.tidesync.git.Identity;
import dev.tidesync.git.Integration;
import dev.tidesync.git.Integrator;
import dev.tidesync.git.Upstream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/** Brings the primary remote's commits into the branch; on any conflict nothing is changed. */
final class IntegrateStep implements Step {

    private final Integrator integrator;

    IntegrateStep(Integrator integrator) {
        this.integrator = integrator;
    }

    @Override
    public Optional<SyncOutcome> run(CycleContext ctx) throws IOException {
        if (!ctx.request.action().integrates() || !ctx.repository.mode().pulls() || ctx.request.dryRun()) {
            return Optional.empty();
        }
        Optional<Upstream> upstream = ctx.primaryUpstream();
        if (upstream.isEmpty()) {
            return Optional.empty();
        }
        Ref tracking = ctx.repo.repository().exactRef(upstream.get().trackingRef());
        if (tracking == null || tracking.getObjectId() == null) {
            return Optional.empty(); // the remote has no such branch yet: the push creates it
        }
        ObjectId head = ctx.repo.repository().resolve(Constants.HEAD);
        if (!ctx.repository.mode().commits() && ctx.snapshot.changes().hasTrackedChanges() && !contains(ctx, head, tracking)) {
            int n = ctx.snapshot.changes().modified().size() + ctx.snapshot.changes().missing().size() + ctx.snapshot.changes().staged().size();
            return Optional.of(ctx.finish(SyncResult.SKIPPED, "Not pulling into " + ctx.repository.name() + ": " + n
                    + " tracked files have uncommitted changes (this repository is " + ctx.repository.mode().label()
                    + "); commit them, then sync again", Optional.empty(), List.of()));
        }
        if (head != null && contains(ctx, head, tracking)) {
            return Optional.empty(); // nothing new upstream (and no need to read git's identity)
        }
        Integration result = integrator.integrate(ctx.repo, ctx.snapshot.branchRef().orElseThrow(), head, tracking.getObjectId(),
                upstream.get().shortName(), ctx.repository.integrate(), Identity.of(ctx.repo, ctx.gitConfig(), ctx.clock));
        return switch (result) {
            case Integration.UpToDate u -> Optional.empty();
            case Integration.Moved moved -> {
                ctx.commitsIn += moved.commitsIn();
                if (!moved.backupRef().isEmpty()) {
                    ctx.backupRef = Optional.of(moved.backupRef());
                }
                yield Optional.empty();
            }
            case Integration.Conflict conflict -> Optional.of(ctx.finish(SyncResult.CONFLICT,
                    "Conflict in " + ctx.repository.name() + ": " + describe(conflict.paths()) + " changed both here and on "
                            + upstream.get().shortName() + "; your files are untouched and nothing was pushed. Resolve with `git pull --rebase` or keep one side",
                    Optional.empty(), conflict.paths()));
            case Integration.Blocked blocked -> Optional.of(ctx.finish(SyncResult.CONFLICT,
                    "Not pulling into " + ctx.repository.name() + ": incoming changes touch " + describe(blocked.paths())
                            + ", which you have edited but not committed; your files are untouched. Commit or sync, then pull again",
                    Optional.empty(), blocked.paths()));
            case Integration.Diverged d -> Optional.of(ctx.fail(GitFailure.of(FailureKind.REJECTED, ctx.repository.name()
                    + " has " + d.ahead() + " local and " + d.behind() + " remote commits and is set to ff-only; merge or rebase by hand, or set integrate to rebase")));
        };
    }

    private static boolean contains(CycleContext ctx, ObjectId head, Ref tracking) throws IOException {
        if (head == null) {
            return false;
        }
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(ctx.repo.repository())) {
            return walk.isMergedInto(walk.parseCommit(tracking.getObjectId()), walk.parseCommit(head));
        }
    }

    static String describe(List<String> paths) {
        if (paths.size() <= 3) {
            return String.join(", ", paths);
        }
        return String.join(", ", paths.subList(0, 3)) + " and " + (paths.size() - 3) + " more files";
    }
}
