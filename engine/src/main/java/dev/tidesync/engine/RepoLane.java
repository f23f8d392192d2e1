package dev.tidesync.engine;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.trigger.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One repository's serial lane. Requests that arrive while a cycle runs are merged into exactly
 * one follow-up cycle. Automatic cycles start at least the rate limit apart, wait out the
 * backoff after failures, and stop entirely when the repository needs attention, until
 * something changes. A person's request (manual, session start/end) skips all of that.
 */
final class RepoLane {

    /** What the lane needs from the engine. */
    interface Context {
        Scheduler scheduler();

        java.util.concurrent.Executor work();

        java.util.random.RandomGenerator random();

        dev.tidesync.sync.Backoff backoff();

        CycleRunner runner();

        void started(RepoLane lane, SyncRequest request);

        void finished(RepoLane lane, SyncOutcome outcome);

        void attentionChanged(RepoLane lane, Optional<String> why, String because);
    }

    private static final Set<FailureKind> TRANSIENT = Set.of(FailureKind.OFFLINE, FailureKind.TIMEOUT, FailureKind.LOCKED);

    private final Context context;
    private volatile RepositorySettings repository;

    private SyncRequest pending;
    private final List<CompletableFuture<SyncOutcome>> waiting = new ArrayList<>();
    private boolean running;
    private boolean stopped;
    /** When the last cycle that did something (or failed) started: the rate limit spaces bursts of work, not quiet polls. */
    private Instant lastWork;
    private int failures;
    private FailureKind lastFailure;
    private Instant retryAt;
    private String attention;
    private Scheduler.Timer wakeTimer;
    private String lastHead;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);
    private final java.util.ArrayDeque<Chore> chores = new java.util.ArrayDeque<>();

    /** Work that is not a sync but must not overlap one (the integrity check). */
    private record Chore(Runnable work, CompletableFuture<Void> ran) {}

    RepoLane(RepositorySettings repository, Context context) {
        this.repository = repository;
        this.context = context;
    }

    RepositorySettings repository() {
        return repository;
    }

    void repository(RepositorySettings next) {
        this.repository = next;
    }

    /** Queues a sync; the future completes with the outcome of the cycle that served it. */
    CompletableFuture<SyncOutcome> request(SyncRequest request) {
        CompletableFuture<SyncOutcome> result = new CompletableFuture<>();
        Runnable start;
        synchronized (this) {
            if (stopped) {
                result.complete(SyncOutcome.skipped(repository.workTree(), repository.name(), request, context.scheduler().now(),
                        "Tidesync is stopping"));
                return result;
            }
            pending = pending == null ? request : pending.merge(request);
            waiting.add(result);
            if (request.trigger().immediate()) {
                clearAttention(request.trigger().id() + " asked for a sync");
                retryAt = null;
            }
            start = next();
        }
        run(start);
        return result;
    }

    /**
     * Runs {@code work} on this lane between cycles, so it never sees one half done. A person's
     * sync that is waiting goes first. Completes when the work has run, or at once when the lane stopped.
     */
    CompletableFuture<Void> between(Runnable work) {
        CompletableFuture<Void> ran = new CompletableFuture<>();
        Runnable start;
        synchronized (this) {
            if (stopped) {
                ran.complete(null);
                return ran;
            }
            chores.add(new Chore(work, ran));
            start = next();
        }
        run(start);
        return ran;
    }

    /** Something the lane did not find itself needs the user (damaged objects): automatic syncs hold until something changes. */
    void attentionNeeded(String why) {
        synchronized (this) {
            if (why.equals(attention)) {
                return;
            }
            attention = why;
        }
        context.attentionChanged(this, Optional.of(why), "");
    }

    /**
     * Something changed that may fix what made the repository fail: its refs moved, the network
     * came back, the machine woke up. Transient-only limits the wake to offline/timeout/lock failures.
     */
    void somethingChanged(String because, boolean transientOnly) {
        Runnable start;
        synchronized (this) {
            if (transientOnly && (lastFailure == null || !TRANSIENT.contains(lastFailure))) {
                return;
            }
            clearAttention(because);
            retryAt = null;
            start = next();
        }
        run(start);
    }

    synchronized boolean needsAttention() {
        return attention != null;
    }

    synchronized Optional<String> attention() {
        return Optional.ofNullable(attention);
    }

    synchronized int failures() {
        return failures;
    }

    synchronized boolean busy() {
        return running || pending != null;
    }

    /** The branch head this lane's last cycle left, to tell its own ref changes from a person's. */
    synchronized Optional<String> lastHead() {
        return Optional.ofNullable(lastHead);
    }

    /** Stops taking work; the returned future completes when the running cycle (if any) is done. */
    CompletableFuture<Void> stop() {
        List<CompletableFuture<SyncOutcome>> dropped;
        SyncRequest unserved;
        synchronized (this) {
            stopped = true;
            cancelWake();
            dropped = running ? List.of() : List.copyOf(waiting);
            if (!running) {
                waiting.clear();
            }
            unserved = pending;
            pending = null;
            chores.forEach(c -> c.ran().complete(null));
            chores.clear();
        }
        if (unserved != null) {
            dropped.forEach(f -> f.complete(SyncOutcome.skipped(repository.workTree(), repository.name(), unserved,
                    context.scheduler().now(), "Tidesync stopped before this sync could run")));
        }
        synchronized (this) {
            return idle;
        }
    }

    /** Decides under the lock whether a cycle starts now, later (timer), or not until something changes. */
    private Runnable next() {
        if (running || stopped) {
            return null;
        }
        if (!chores.isEmpty() && (pending == null || !pending.trigger().immediate())) {
            Chore chore = chores.poll();
            running = true;
            idle = new CompletableFuture<>();
            CompletableFuture<Void> done = idle;
            return () -> context.work().execute(() -> chore(chore, done));
        }
        if (pending == null) {
            return null;
        }
        boolean immediate = pending.trigger().immediate();
        if (attention != null && !immediate) {
            return null; // held until something changes
        }
        Instant now = context.scheduler().now();
        Instant earliest = now;
        if (!immediate) {
            if (lastWork != null && pending.trigger().throttled()) {
                Instant limit = lastWork.plus(context.backoff().minInterval());
                earliest = limit.isAfter(earliest) ? limit : earliest;
            }
            if (retryAt != null && retryAt.isAfter(earliest)) {
                earliest = retryAt;
            }
        }
        if (earliest.isAfter(now)) {
            cancelWake();
            wakeTimer = context.scheduler().after(Duration.between(now, earliest), this::wake);
            return null;
        }
        cancelWake();
        SyncRequest request = pending;
        List<CompletableFuture<SyncOutcome>> served = List.copyOf(waiting);
        pending = null;
        waiting.clear();
        running = true;
        idle = new CompletableFuture<>();
        CompletableFuture<Void> done = idle;
        return () -> context.work().execute(() -> cycle(request, served, done));
    }

    private void wake() {
        Runnable start;
        synchronized (this) {
            wakeTimer = null;
            start = next();
        }
        run(start);
    }

    private void cycle(SyncRequest request, List<CompletableFuture<SyncOutcome>> served, CompletableFuture<Void> done) {
        SyncOutcome outcome;
        Instant started = context.scheduler().now();
        try {
            context.started(this, request);
            outcome = context.runner().run(repository, request);
        } catch (RuntimeException e) {
            outcome = SyncOutcome.failed(repository.workTree(), repository.name(), request, started,
                    Duration.between(started, context.scheduler().now()),
                    Failure.of(FailureKind.OTHER, "Sync of " + repository.name() + " stopped: " + e));
        }
        Optional<String> newAttention = Optional.empty();
        Runnable start;
        synchronized (this) {
            running = false;
            outcome.headAfter().ifPresent(h -> lastHead = h);
            if (outcome.result() != SyncResult.SKIPPED && !outcome.changedNothing()) {
                lastWork = started;
            }
            newAttention = absorb(request, outcome);
            start = next();
        }
        done.complete(null);
        newAttention.ifPresent(why -> context.attentionChanged(this, Optional.of(why), ""));
        context.finished(this, outcome);
        for (CompletableFuture<SyncOutcome> f : served) {
            f.complete(outcome);
        }
        run(start);
    }

    private void chore(Chore chore, CompletableFuture<Void> done) {
        try {
            chore.work().run();
        } catch (RuntimeException e) {
            // A chore says what went wrong itself; the lane goes on.
        } finally {
            chore.ran().complete(null);
        }
        Runnable start;
        synchronized (this) {
            running = false;
            start = next();
        }
        done.complete(null);
        run(start);
    }

    /** Updates failures, backoff and attention from an outcome; returns a newly raised attention. */
    private Optional<String> absorb(SyncRequest request, SyncOutcome outcome) {
        if (outcome.result() == SyncResult.FAILED) {
            failures++;
            lastFailure = outcome.failure().map(Failure::kind).orElse(FailureKind.OTHER);
            retryAt = context.scheduler().now().plus(context.backoff().delay(failures, context.random()));
            // The work is still to do: retry it when the backoff ends (unless it needs attention).
            SyncRequest retry = new SyncRequest(request.action(), request.trigger().immediate()
                    ? dev.tidesync.model.Trigger.POLL : request.trigger(), false, request.changedPaths());
            pending = pending == null ? retry : pending.merge(retry);
        } else if (outcome.result() != SyncResult.SKIPPED) {
            failures = outcome.result() == SyncResult.CONFLICT ? failures : 0;
            lastFailure = null;
            retryAt = null;
            if (outcome.result() != SyncResult.CONFLICT) {
                attention = null;
            }
        }
        String why = context.backoff().attention(outcome, failures);
        if (why != null && attention == null) {
            attention = why;
            return Optional.of(why);
        }
        return Optional.empty();
    }

    private void clearAttention(String because) {
        if (attention != null) {
            attention = null;
            Runnable notify = () -> context.attentionChanged(this, Optional.empty(), because);
            context.work().execute(notify);
        }
    }

    private void cancelWake() {
        if (wakeTimer != null) {
            wakeTimer.cancel();
            wakeTimer = null;
        }
    }

    private static void run(Runnable start) {
        if (start != null) {
            start.run();
        }
    }
}
