package dev.tidesync.sync;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.GitFailure;
import dev.tidesync.git.GitFailure.FailureKind;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Integrator;
import dev.tidesync.git.Transport;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One sync of one repository: prepare, commit, fetch, integrate, push. The caller holds the
 * repository's lock. The work tree is changed only by a conflict-free integration.
 */
public final class SyncCycle {

    /** A push raced with someone else's: integrate again at most this many times. */
    static final int PUSH_ATTEMPTS = 3;

    private final GitAccess git;
    private final Transport transport;
    private final Clock clock;
    private final String host;
    private final Integrator integrator = new Integrator(new BackupRefs(BackupRefs.KEEP));

    public SyncCycle(GitAccess git, Clock clock, String host) {
        this.git = git;
        this.transport = git.transport();
        this.clock = clock;
        this.host = host;
    }

    public SyncOutcome run(GitRepo repo, RepositorySettings repository, Settings settings, SyncRequest request) {
        CycleContext ctx = new CycleContext(repo, repository, settings, request, clock, host, git);
        try {
            ctx.crashedCycleStarted = CycleMarker.begin(repo);
            return steps(ctx, repo, repository, request);
        } catch (IOException e) {
            return ctx.fail(GitFailure.of(FailureKind.OTHER, "Sync of " + repository.name() + " could not start: " + e.getMessage()));
        } finally {
            CycleMarker.end(repo);
        }
    }

    private SyncOutcome steps(CycleContext ctx, GitRepo repo, RepositorySettings repository, SyncRequest request) {
        try {
            for (Step step : List.of(new PrepareStep(), new CommitStep())) {
                Optional<SyncOutcome> stop = step.run(ctx);
                if (stop.isPresent()) {
                    return stop.get();
                }
            }
            if (request.dryRun()) {
                return dryRunOutcome(ctx);
            }
            if (needsRemote(ctx)) {
                if (ctx.remotes().isEmpty()) {
                    return ctx.finish(result(ctx), ctx.commit.isPresent()
                            ? "Committed locally; " + repository.name() + " has no remote to sync with"
                            : repository.name() + " has no remote to sync with", Optional.empty(), List.of());
                }
                if (request.action() == Action.PUSH && nothingToPublish(ctx)) {
                    return ctx.finish(result(ctx), summary(ctx), Optional.empty(), List.of());
                }
                FetchStep fetch = new FetchStep(transport);
                IntegrateStep integrate = new IntegrateStep(integrator);
                PushStep push = new PushStep(transport);
                for (int attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
                    for (Step step : List.of(fetch, integrate, push)) {
                        Optional<SyncOutcome> stop = step.run(ctx);
                        if (stop.isPresent()) {
                            return stop.get();
                        }
                    }
                    if (!push.retry) {
                        break;
                    }
                    if (attempt == PUSH_ATTEMPTS) {
                        return ctx.fail(GitFailure.of(FailureKind.REJECTED, "The remote kept moving while " + repository.name()
                                + " was being pushed; Tidesync will try again shortly"));
                    }
                }
            }
            if (!ctx.mirrorFailures.isEmpty()) {
                GitFailure first = ctx.mirrorFailures.getFirst();
                String all = ctx.mirrorFailures.stream().map(GitFailure::sentence).collect(Collectors.joining("; "));
                return ctx.finish(SyncResult.FAILED, summary(ctx) + ", but a mirror failed: " + all,
                        Optional.of(new GitFailure(first.kind(), all)), List.of());
            }
            return ctx.finish(result(ctx), summary(ctx), Optional.empty(), List.of());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ctx.fail(GitFailure.of(FailureKind.OTHER, "Sync of " + repository.name() + " stopped: " + why
                    + "; your files are untouched, run `tidesync doctor` for details"));
        }
    }

    private static boolean needsRemote(CycleContext ctx) {
        Action a = ctx.request.action();
        return (a.integrates() && ctx.repository.mode().pulls()) || (a.pushes() && ctx.repository.mode().pushes());
    }

    /** PUSH skips the network when there is nothing new to send and the remote is known to have it all. */
    private static boolean nothingToPublish(CycleContext ctx) {
        return ctx.commit.isEmpty() && ctx.snapshot.ahead() == 0 && ctx.snapshot.upstream().isPresent()
                && ctx.snapshot.head().isPresent() && trackingExists(ctx);
    }

    private static boolean trackingExists(CycleContext ctx) {
        try {
            return ctx.repo.repository().exactRef(ctx.snapshot.upstream().get().trackingRef()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static SyncResult result(CycleContext ctx) {
        return ctx.heldBack.isEmpty() ? SyncResult.OK : SyncResult.HELD_BACK;
    }

    private static String summary(CycleContext ctx) {
        StringBuilder s = new StringBuilder();
        if (!ctx.committed.isEmpty()) {
            s.append("committed ").append(plural(ctx.committed.size(), "file"));
        }
        if (ctx.commitsIn > 0) {
            s.append(s.isEmpty() ? "" : ", ").append("pulled ").append(plural(ctx.commitsIn, "commit"));
        }
        if (ctx.commitsOut > 0) {
            s.append(s.isEmpty() ? "" : ", ").append("pushed ").append(plural(ctx.commitsOut, "commit"));
        }
        String text = s.isEmpty() ? "Up to date" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        if (!ctx.heldBack.isEmpty()) {
            text += "; held back " + ctx.heldBack.stream().map(h -> h.path() + " (" + h.reason() + ")")
                    .limit(3).collect(Collectors.joining(", "))
                    + (ctx.heldBack.size() > 3 ? " and " + (ctx.heldBack.size() - 3) + " more" : "");
        }
        return text;
    }

    private static SyncOutcome dryRunOutcome(CycleContext ctx) {
        StringBuilder s = new StringBuilder("Dry run: ");
        s.append(ctx.notes.stream().filter(n -> n.startsWith("Would commit")).findFirst().orElse("nothing to commit"));
        s.append("; ").append(ctx.snapshot.ahead()).append(" ahead, ").append(ctx.snapshot.behind())
                .append(" behind as of the last fetch");
        if (!ctx.heldBack.isEmpty()) {
            s.append("; would hold back ").append(ctx.heldBack.stream().map(h -> h.path()).collect(Collectors.joining(", ")));
        }
        return ctx.finish(result(ctx), s.toString(), Optional.empty(), List.of());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
