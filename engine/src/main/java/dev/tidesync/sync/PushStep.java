package dev.tidesync.sync;

import dev.tidesync.git.GitFailure;
import dev.tidesync.git.GitFailure.FailureKind;
import dev.tidesync.git.Inspector;
import dev.tidesync.git.Transport;
import dev.tidesync.git.Transport.PushResult;
import dev.tidesync.git.Upstream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Publishes the branch to every remote, never forced. If the primary remote moved since the
 * fetch, the cycle integrates again and retries (see {@link SyncCycle}).
 */
final class PushStep implements Step {

    private final Transport transport;
    /** Set when the primary remote refused a non-fast-forward: integrate and try again. */
    boolean retry;

    PushStep(Transport transport) {
        this.transport = transport;
    }

    @Override
    public Optional<SyncOutcome> run(CycleContext ctx) throws IOException {
        retry = false;
        if (!ctx.request.action().pushes() || !ctx.repository.mode().pushes() || ctx.request.dryRun() || ctx.remotes().isEmpty()) {
            return Optional.empty();
        }
        ObjectId head = ctx.repo.repository().resolve(Constants.HEAD);
        if (head == null) {
            return Optional.empty(); // nothing committed yet
        }
        String branchRef = ctx.snapshot.branchRef().orElseThrow();
        List<String> remotes = ctx.remotes();
        Upstream primary = ctx.primaryUpstream().orElseThrow();
        for (int i = 0; i < remotes.size(); i++) {
            String remote = remotes.get(i);
            Upstream target = i == 0 ? primary : Upstream.inferred(remote, primary.remoteBranch());
            Ref tracking = ctx.repo.repository().exactRef(target.trackingRef());
            if (tracking != null && head.equals(tracking.getObjectId())) {
                continue;
            }
            int ahead = ahead(ctx, head, tracking);
            if (!ctx.gatePassed && ctx.repository.gateCommand().isPresent()) {
                Optional<String> refused = PushGate.check(ctx.repo.workTree(), ctx.repository.gateCommand().get());
                if (refused.isPresent()) {
                    return Optional.of(ctx.fail(GitFailure.of(FailureKind.REJECTED, "Not pushing " + ctx.repository.name() + ": "
                            + refused.get() + "; the commits stay local until it passes")));
                }
                ctx.gatePassed = true;
            }
            PushResult result = transport.push(ctx.repo, remote, branchRef, target.remoteBranch(), ctx.networkTimeout());
            switch (result) {
                case PushResult.Pushed pushed -> {
                    if (i == 0) {
                        ctx.commitsOut += pushed.changed() ? ahead : 0;
                        rememberUpstream(ctx, branchRef, primary);
                    }
                }
                case PushResult.NotFastForward nff -> {
                    if (i == 0) {
                        if (!ctx.repository.mode().pulls()) {
                            return Optional.of(ctx.fail(GitFailure.of(FailureKind.REJECTED, remote + " has commits this copy of "
                                    + ctx.repository.name() + " lacks, and push-only mode never pulls; pull by hand or change the mode")));
                        }
                        retry = true;
                        return Optional.empty();
                    }
                    ctx.mirrorFailures.add(GitFailure.of(FailureKind.REJECTED, "The mirror " + remote
                            + " has commits the primary remote lacks, so it was not updated; reconcile it by hand"));
                }
                case PushResult.Rejected rejected -> {
                    GitFailure failure = rejected.byLocalHook()
                            ? GitFailure.of(FailureKind.REJECTED, "Not pushing " + ctx.repository.name() + " to " + remote + ": "
                                    + rejected.reason() + "; the commits stay local until it passes")
                            : GitFailure.of(FailureKind.REJECTED, remote + " refused the push (" + rejected.reason()
                                    + "); check the branch's protection or hooks on the server");
                    if (i == 0) {
                        return Optional.of(ctx.fail(failure));
                    }
                    ctx.mirrorFailures.add(failure);
                }
                case PushResult.Failed failed -> {
                    if (i == 0) {
                        return Optional.of(ctx.fail(failed.failure()));
                    }
                    ctx.mirrorFailures.add(failed.failure());
                }
            }
        }
        return Optional.empty();
    }

    private static int ahead(CycleContext ctx, ObjectId head, Ref tracking) throws IOException {
        if (tracking == null || tracking.getObjectId() == null) {
            try (RevWalk walk = new RevWalk(ctx.repo.repository())) {
                walk.markStart(walk.parseCommit(head));
                int n = 0;
                for (var ignored : walk) {
                    n++;
                }
                return n;
            }
        }
        return Inspector.aheadBehind(ctx.repo.repository(), head, tracking.getObjectId())[0];
    }

    /** Like `git push -u`: a branch with no upstream gets the one it was just published to. */
    private static void rememberUpstream(CycleContext ctx, String branchRef, Upstream primary) throws IOException {
        if (primary.configured()) {
            return;
        }
        String branch = org.eclipse.jgit.lib.Repository.shortenRefName(branchRef);
        StoredConfig config = ctx.repo.repository().getConfig();
        if (config.getString("branch", branch, "remote") != null) {
            return;
        }
        config.setString("branch", branch, "remote", primary.remote());
        config.setString("branch", branch, "merge", primary.remoteBranch());
        config.save();
        ctx.notes.add("Set " + branch + " to track " + primary.shortName());
    }
}
