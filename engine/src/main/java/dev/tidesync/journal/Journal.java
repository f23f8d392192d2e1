package dev.tidesync.journal;

import dev.tidesync.config.Settings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.io.InterProcessLock;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The change log and the state, written together for each sync under one cross-process lock. */
public final class Journal {

    private final TidesyncHome home;
    private final StateStore state;
    private final History history;
    private final Clock clock;

    public Journal(TidesyncHome home, Settings.HistorySettings historySettings, Clock clock) {
        this.home = home;
        this.clock = clock;
        this.state = new StateStore(home.stateFile(), clock);
        this.history = new History(home.historyFile(), historySettings.maxBytes(), historySettings.keepFiles());
    }

    public History history() {
        return history;
    }

    /** The state as this process knows it: state.json with the routine polls not yet written folded in. */
    public State read() throws IOException {
        State s = state.read();
        synchronized (routinePending) {
            if (routinePending.isEmpty()) {
                return s;
            }
            Folded f = folded;
            if (f != null && f.base() == s && f.version() == pendingVersion) {
                return f.state(); // the engine reads on every status change: fold once per change, not per read
            }
            State next = foldedAll(s, List.copyOf(routinePending.values()));
            folded = new Folded(s, pendingVersion, next);
            return next;
        }
    }

    /** The last read's result: state.json as read ({@code base}) with the pending polls of {@code version} folded in. */
    private record Folded(State base, long version, State state) {}

    private Folded folded;
    private long pendingVersion;

    /**
     * Routine polls are folded into state.json at most this often: with many repositories polled
     * every minute, rewriting (and fsyncing) the whole state after each one was most of an idle
     * engine's CPU. A crash loses at most this much "last checked" time, never a change.
     */
    static final Duration ROUTINE_WRITES = Duration.ofSeconds(60);

    private final Map<String, SyncOutcome> routinePending = new LinkedHashMap<>();
    private Instant routineWritten = Instant.MIN;

    /** Appends the sync to the change log and folds it into the state. */
    public void record(SyncOutcome outcome, String host) throws IOException {
        boolean routinePoll = routinePoll(outcome);
        List<SyncOutcome> fold;
        synchronized (routinePending) {
            if (routinePoll) {
                routinePending.put(outcome.repository().toString(), outcome);
                pendingVersion++;
                if (clock.instant().isBefore(routineWritten.plus(ROUTINE_WRITES))) {
                    return;
                }
            }
            fold = takePending();
        }
        if (!routinePoll) {
            fold.add(outcome);
        }
        update(s -> foldedAll(s, fold), () -> {
            if (!routine(outcome)) {
                history.append(HistoryRecord.of(outcome, host));
            }
        });
    }

    /** Appends an event that is not a sync (a resolve, an undo) to the change log, under the journal lock. */
    public void recordEvent(HistoryRecord event) throws IOException {
        update(s -> s, () -> history.append(event));
    }

    /**
     * Records a check of a repository's objects. Damage also goes to the change log as an
     * event, so the user sees when it was found; a check that finds none is kept in the state only.
     */
    public void recordCheck(Path workTree, String name, String host, ObjectCheck check, java.time.Duration took) throws IOException {
        String key = workTree.toString();
        update(s -> s.with(key, s.repository(key).withObjectCheck(check)), () -> {
            if (check.damage() != null) {
                history.append(HistoryRecord.objectsDamaged(check, key, name, host, took.toMillis()));
            }
        });
    }

    /** Writes the routine polls still held back (the engine calls this when it stops). */
    public void flushRoutine() throws IOException {
        List<SyncOutcome> fold;
        synchronized (routinePending) {
            fold = takePending();
        }
        if (!fold.isEmpty()) {
            update(s -> foldedAll(s, fold));
        }
    }

    /** The held-back routine polls, oldest first, now to be written; the caller holds routinePending's monitor. */
    private List<SyncOutcome> takePending() {
        List<SyncOutcome> pending = new ArrayList<>(routinePending.values());
        routinePending.clear();
        pendingVersion++;
        routineWritten = clock.instant();
        return pending;
    }

    private static boolean routinePoll(SyncOutcome outcome) {
        return outcome.trigger() == Trigger.POLL && outcome.changedNothing();
    }

    /** Folds every outcome into one new state: the map of repositories is copied once, not once per outcome. */
    private static State foldedAll(State s, List<SyncOutcome> outcomes) {
        Map<String, RepoJournal> repositories = new java.util.TreeMap<>(s.repositories());
        Stats stats = s.stats();
        for (SyncOutcome o : outcomes) {
            String key = o.repository().toString();
            repositories.put(key, folded(repositories.getOrDefault(key, RepoJournal.empty()), o));
            stats = stats.plus(o);
        }
        return new State(repositories, stats, s.pause());
    }

    private static RepoJournal folded(RepoJournal old, SyncOutcome outcome) {
        boolean ok = outcome.result() == SyncResult.OK || outcome.result() == SyncResult.HELD_BACK;
        boolean failed = outcome.result() == SyncResult.FAILED;
        boolean conflict = outcome.result() == SyncResult.CONFLICT;
        // A push refused for a secret holds everything back: an error the user must act on, though nothing failed.
        boolean stopped = failed || outcome.result() == SyncResult.HELD_BACK && outcome.failure().isPresent();
        LastSync last = new LastSync(outcome.started(), outcome.trigger(), outcome.action(), outcome.result(),
                outcome.duration().toMillis(), outcome.message());
        return new RepoJournal(
                outcome.result() == SyncResult.SKIPPED ? old.lastSync() : last,
                ok ? outcome.started() : old.lastSuccess(),
                conflict ? outcome.conflictPaths() : ok ? List.of() : old.conflictPaths(),
                outcome.result() == SyncResult.SKIPPED ? old.heldBack() : outcome.heldBack(),
                stopped ? outcome.message() : null,
                stopped ? outcome.failure().map(f -> f.kind().name().toLowerCase(Locale.ROOT)).orElse("other") : null,
                failed ? old.consecutiveFailures() + 1 : 0,
                old.pause(),
                ok ? null : old.attention(),
                old.lastPromptSync(),
                old.objectCheck());
    }

    /**
     * Kept out of the change log, as nothing happened the user would look for: a poll or an
     * announcement that found nothing new, a file change that needed nothing (most often the
     * files a pull of Tidesync's own had just written), or a background trigger switched off.
     */
    static boolean routine(SyncOutcome outcome) {
        if (outcome.result() == SyncResult.SKIPPED && !outcome.trigger().immediate()) {
            return true; // a background trigger while paused or switched off: nothing happened
        }
        return (outcome.trigger() == Trigger.POLL || outcome.trigger() == Trigger.FILE_CHANGE || outcome.trigger() == Trigger.ANNOUNCE)
                && outcome.changedNothing();
    }

    /** Changes state.json under the journal lock. */
    public State update(UnaryOperator<State> change) throws IOException {
        return update(change, () -> { });
    }

    private State update(UnaryOperator<State> change, IoAction alsoUnderLock) throws IOException {
        try (InterProcessLock.Held ignored = InterProcessLock.acquire(home.journalLock(), Duration.ofSeconds(30))
                .orElseThrow(() -> new IOException("another Tidesync process kept " + home.journalLock() + " locked for 30 s"))) {
            alsoUnderLock.run();
            return state.update(change);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    public Clock clock() {
        return clock;
    }
}
