package dev.tidesync.sync;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.Housekeeping;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Integrator;
import dev.tidesync.git.Snapshot;
import dev.tidesync.io.Phrases;
import dev.tidesync.model.Action;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.model.HeldBack;
import dev.tidesync.model.StepTime;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.sync.StepResult.Ending;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One sync of one repository: prepare, commit, fetch, integrate, push. Each step gets what it
 * needs and returns what it found ({@link StepResult}); this class alone adds it up into the
 * outcome. The caller holds the repository's lock. The work tree is changed only by a
 * conflict-free integration.
 */
public final class SyncCycle {

    /** A push raced with someone else's: integrate again at most this many times. */
    static final int PUSH_ATTEMPTS = 3;

    private final GitAccess git;
    private final Clock clock;
    private final String host;
    private final PrepareStep prepare = new PrepareStep();
    private final CommitStep commit = new CommitStep();
    private final FetchStep fetch;
    private final IntegrateStep integrate = new IntegrateStep(new Integrator(new BackupRefs(BackupRefs.KEEP)));
    private final PushStep push;
    private final PollProbe probe;

    public SyncCycle(GitAccess git, Clock clock, String host) {
        this.git = git;
        this.clock = clock;
        this.host = host;
        this.fetch = new FetchStep(git.transport());
        this.push = new PushStep(git.transport());
        this.probe = new PollProbe(git.transport());
    }

    /** What the steps found so far; only this class writes it, and only to build the outcome. */
    private static final class Tally {
        Snapshot snapshot;
        Optional<String> headBefore = Optional.empty();
        Optional<String> commit = Optional.empty();
        List<String> committed = List.of();
        final List<HeldBack> heldBack = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Map<String, Failure> mirrorFailures = Map.of();
        Map<String, Integer> mirrorsPushed = Map.of();
        int commitsIn;
        int commitsOut;
        Optional<String> backupRef = Optional.empty();
        final List<StepTime> steps = new ArrayList<>();
        long stepStarted = System.nanoTime();

        /** Notes the step just finished and starts the clock for the next. */
        void step(String name, String detail) {
            long now = System.nanoTime();
            steps.add(new StepTime(name, (now - stepStarted) / 1_000_000, detail));
            stepStarted = now;
        }
    }

    public SyncOutcome run(GitRepo repo, RepositorySettings repository, Settings settings, SyncRequest request) {
        Cycle c = new Cycle(repo, repository, settings, request, clock, host, git);
        Tally t = new Tally();
        try {
            switch (probe.run(c)) { // before the marker: a poll that finds nothing writes nothing
                case PollProbe.Found.Unchanged u -> {
                    t.step("probe", u.detail());
                    return outcome(c, t, new Ending(SyncResult.OK, "Up to date", Optional.empty(), List.of()));
                }
                case PollProbe.Found.Unreachable u -> {
                    t.step("probe", "failed");
                    return outcome(c, t, Ending.failed(u.failure()));
                }
                case PollProbe.Found.Run r -> { }
            }
        } catch (IOException | RuntimeException e) {
            // the probe could not tell: the whole cycle finds out
        }
        git.cli().ifPresent(cli -> Housekeeping.leaveToGit(repo));
        try {
            Optional<Instant> crashed = CycleMarker.begin(repo);
            return steps(c, t, crashed);
        } catch (IOException e) {
            return outcome(c, t, Ending.failed(Failure.of(FailureKind.OTHER, "Sync of " + repository.name() + " could not start: "
                    + e.getMessage())));
        } finally {
            CycleMarker.end(repo);
            git.cli().ifPresent(cli -> Housekeeping.tidyIfDue(repo, cli));
        }
    }

    private SyncOutcome steps(Cycle c, Tally t, Optional<Instant> crashed) {
        try {
            switch (prepare.run(c, crashed)) {
                case StepResult.Stop<PrepareStep.Prepared> s -> {
                    return outcome(c, t, s.ending());
                }
                case StepResult.Retry<PrepareStep.Prepared> r -> throw new IllegalStateException("prepare does not retry");
                case StepResult.Done<PrepareStep.Prepared> d -> {
                    t.snapshot = d.value().snapshot();
                    t.headBefore = t.snapshot.head();
                    t.notes.addAll(d.value().notes());
                    t.step("prepare", Phrases.plural(t.snapshot.changes().all().size(), "changed file") + ", " + t.snapshot.ahead() + " ahead, "
                            + t.snapshot.behind() + " behind");
                }
            }
            switch (commit.run(c, t.snapshot)) {
                case StepResult.Stop<CommitStep.Committed> s -> {
                    return outcome(c, t, s.ending());
                }
                case StepResult.Retry<CommitStep.Committed> r -> throw new IllegalStateException("commit does not retry");
                case StepResult.Done<CommitStep.Committed> d -> {
                    t.commit = d.value().commit();
                    t.committed = d.value().files();
                    t.heldBack.addAll(d.value().heldBack());
                    t.notes.addAll(d.value().notes());
                    t.step("commit", (t.committed.isEmpty() ? "nothing committed" : Phrases.firstAndMore(t.committed, 10))
                            + (t.heldBack.isEmpty() ? "" : "; held back " + Phrases.firstAndMore(t.heldBack.stream()
                                    .map(h -> h.path() + " (" + h.reason() + ")").toList(), 10)));
                }
            }
            if (c.request.dryRun()) {
                return dryRunOutcome(c, t);
            }
            if (needsRemote(c)) {
                Optional<SyncOutcome> stopped = exchange(c, t);
                if (stopped.isPresent()) {
                    return stopped.get();
                }
            }
            if (!t.mirrorFailures.isEmpty()) {
                Failure first = t.mirrorFailures.values().iterator().next();
                String all = t.mirrorFailures.values().stream().map(Failure::sentence).distinct().collect(Collectors.joining("; "));
                return outcome(c, t, new Ending(SyncResult.FAILED, summary(t) + ", but a mirror failed: " + all,
                        Optional.of(new Failure(first.kind(), all)), List.of()));
            }
            return outcome(c, t, new Ending(result(t), summary(t), Optional.empty(), List.of()));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return outcome(c, t, Ending.failed(Failure.of(FailureKind.OTHER, "Sync of " + c.repository.name() + " stopped: " + why
                    + "; your files are untouched, run `tidesync doctor` for details")));
        }
    }

    /** Fetch, integrate and push, again when the remote moved meanwhile; an outcome when the cycle ends early. */
    private Optional<SyncOutcome> exchange(Cycle c, Tally t) throws IOException {
        String name = c.repository.name();
        List<String> remotes = c.remotes(t.snapshot);
        if (remotes.isEmpty()) {
            return Optional.of(outcome(c, t, new Ending(result(t), t.commit.isPresent()
                    ? "Committed locally; " + name + " has no remote to sync with" : name + " has no remote to sync with",
                    Optional.empty(), List.of())));
        }
        if (c.request.action() == Action.PUSH && nothingToPublish(c, t)) {
            return Optional.of(outcome(c, t, new Ending(result(t), summary(t), Optional.empty(), List.of())));
        }
        boolean gatePassed = false;
        for (int attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
            Map<String, Failure> mirrors = new LinkedHashMap<>();
            switch (fetch.run(c, remotes)) {
                case StepResult.Stop<FetchStep.Fetched> s -> {
                    return Optional.of(outcome(c, t, s.ending()));
                }
                case StepResult.Retry<FetchStep.Fetched> r -> throw new IllegalStateException("fetch does not retry");
                case StepResult.Done<FetchStep.Fetched> d -> {
                    mirrors.putAll(d.value().mirrorFailures());
                    t.step("fetch", String.join(", ", remotes) + (d.value().mirrorFailures().isEmpty() ? ""
                            : "; failed: " + String.join(", ", d.value().mirrorFailures().keySet())));
                }
            }
            switch (integrate.run(c, t.snapshot)) {
                case StepResult.Stop<IntegrateStep.Integrated> s -> {
                    return Optional.of(outcome(c, t, s.ending()));
                }
                case StepResult.Retry<IntegrateStep.Integrated> r -> throw new IllegalStateException("integrate does not retry");
                case StepResult.Done<IntegrateStep.Integrated> d -> {
                    t.commitsIn += d.value().commitsIn();
                    d.value().backupRef().ifPresent(ref -> t.backupRef = Optional.of(ref));
                    t.notes.addAll(d.value().kept());
                    t.step("integrate", d.value().commitsIn() == 0 ? "nothing new" : Phrases.plural(d.value().commitsIn(), "commit") + " in, "
                            + c.repository.integrate().label());
                }
            }
            switch (push.run(c, t.snapshot, gatePassed)) {
                case StepResult.Stop<PushStep.Pushed> s -> {
                    return Optional.of(outcome(c, t, s.ending()));
                }
                case StepResult.Retry<PushStep.Pushed> r -> {
                    t.step("push", "the remote moved meanwhile: again");
                    if (attempt == PUSH_ATTEMPTS) {
                        return Optional.of(outcome(c, t, Ending.failed(Failure.of(FailureKind.REJECTED, "The remote kept moving while "
                                + name + " was being pushed; Tidesync will try again shortly"))));
                    }
                    continue;
                }
                case StepResult.Done<PushStep.Pushed> d -> {
                    t.commitsOut += d.value().commitsOut();
                    t.notes.addAll(d.value().notes());
                    d.value().mirrorsPushed().keySet().forEach(mirrors::remove); // it took the commits: whatever the fetch said
                    mirrors.putAll(d.value().mirrorFailures()); // one sentence a mirror: the push's, when it failed too
                    t.mirrorFailures = Map.copyOf(mirrors);
                    t.mirrorsPushed = Map.copyOf(d.value().mirrorsPushed());
                    t.step("push", d.value().commitsOut() == 0 && d.value().mirrorsPushed().isEmpty() ? "nothing to send"
                            : Phrases.plural(d.value().commitsOut(), "commit") + " to " + remotes.getFirst()
                            + d.value().mirrorsPushed().entrySet().stream().map(e -> ", " + Phrases.plural(e.getValue(), "commit") + " to "
                                    + e.getKey()).collect(Collectors.joining()));
                }
            }
            break;
        }
        return Optional.empty();
    }

    private static boolean needsRemote(Cycle c) {
        Action a = c.request.action();
        return (a.integrates() && c.repository.mode().pulls()) || (a.pushes() && c.repository.mode().pushes());
    }

    /** PUSH skips the network when there is nothing new to send and the remote is known to have it all. */
    private static boolean nothingToPublish(Cycle c, Tally t) throws IOException {
        return t.commit.isEmpty() && t.snapshot.ahead() == 0 && t.snapshot.upstream().isPresent() && t.snapshot.head().isPresent()
                && c.repo.refId(t.snapshot.upstream().get().trackingRef()).isPresent();
    }

    private static SyncResult result(Tally t) {
        return t.heldBack.isEmpty() ? SyncResult.OK : SyncResult.HELD_BACK;
    }

    private static String summary(Tally t) {
        List<String> parts = new ArrayList<>();
        if (!t.committed.isEmpty()) {
            parts.add("committed " + Phrases.plural(t.committed.size(), "file"));
        }
        if (t.commitsIn > 0) {
            parts.add("pulled " + Phrases.plural(t.commitsIn, "commit"));
        }
        if (t.commitsOut > 0) {
            parts.add("pushed " + Phrases.plural(t.commitsOut, "commit"));
        }
        t.mirrorsPushed.forEach((mirror, n) -> parts.add(t.commitsOut == n ? "also to " + mirror
                : "pushed " + Phrases.plural(n, "commit") + " to " + mirror));
        String s = String.join(", ", parts);
        String text = s.isEmpty() ? "Up to date" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        if (!t.heldBack.isEmpty()) {
            text += "; held back " + Phrases.firstAndMore(t.heldBack.stream().map(h -> h.path() + " (" + h.reason() + ")").toList(), 3);
        }
        return text;
    }

    private SyncOutcome dryRunOutcome(Cycle c, Tally t) {
        StringBuilder s = new StringBuilder("Dry run: ");
        s.append(t.notes.stream().filter(n -> n.startsWith("Would commit")).findFirst().orElse("nothing to commit"));
        s.append("; ").append(t.snapshot.ahead()).append(" ahead, ").append(t.snapshot.behind()).append(" behind as of the last fetch");
        if (!t.heldBack.isEmpty()) {
            s.append("; would hold back ").append(t.heldBack.stream().map(HeldBack::path).collect(Collectors.joining(", ")));
        }
        return outcome(c, t, new Ending(result(t), s.toString(), Optional.empty(), List.of()));
    }

    private SyncOutcome outcome(Cycle c, Tally t, Ending ending) {
        Optional<String> headAfter;
        try {
            headAfter = c.repo.head();
        } catch (IOException e) {
            headAfter = Optional.empty(); // the outcome is still worth reporting without it
        }
        return new SyncOutcome(c.repo.workTree(), c.repository.name(), c.request.trigger(), c.request.action(), ending.result(),
                ending.message(), ending.failure(), t.commit, t.committed, t.commitsIn, t.commitsOut, List.copyOf(t.heldBack),
                List.copyOf(ending.conflictPaths()), t.headBefore, headAfter, t.backupRef, List.copyOf(t.notes), c.started,
                Duration.between(c.started, clock.instant()), List.copyOf(t.steps), c.request.requestedBy());
    }
}
