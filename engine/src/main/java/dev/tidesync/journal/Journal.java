package dev.tidesync.journal;

import dev.tidesync.config.Settings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.io.InterProcessLock;
import dev.tidesync.sync.SyncOutcome;
import dev.tidesync.sync.SyncResult;
import dev.tidesync.sync.Trigger;
import java.io.IOException;
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
        List<SyncOutcome> pending;
        synchronized (routinePending) {
            pending = List.copyOf(routinePending.values());
        }
        return pending.isEmpty() ? s : foldedAll(s, pending);
    }

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
        routineWritten = clock.instant();
        return pending;
    }

    private static boolean routinePoll(SyncOutcome outcome) {
        return outcome.trigger() == Trigger.POLL && outcome.changedNothing();
    }

    private static State foldedAll(State s, List<SyncOutcome> outcomes) {
        State next = s;
        for (SyncOutcome o : outcomes) {
            next = folded(next, o);
        }
        return next;
    }

    private static State folded(State s, SyncOutcome outcome) {
        String key = outcome.repository().toString();
        RepoJournal old = s.repository(key);
        boolean ok = outcome.result() == SyncResult.OK || outcome.result() == SyncResult.HELD_BACK;
        boolean failed = outcome.result() == SyncResult.FAILED;
        boolean conflict = outcome.result() == SyncResult.CONFLICT;
        LastSync last = new LastSync(outcome.started(), outcome.trigger(), outcome.action(), outcome.result(),
                outcome.duration().toMillis(), outcome.message());
        RepoJournal next = new RepoJournal(
                outcome.result() == SyncResult.SKIPPED ? old.lastSync() : last,
                ok ? outcome.started() : old.lastSuccess(),
                conflict ? outcome.conflictPaths() : ok ? List.of() : old.conflictPaths(),
                outcome.result() == SyncResult.SKIPPED ? old.heldBack() : outcome.heldBack(),
                failed ? outcome.message() : null,
                failed ? outcome.failure().map(f -> f.kind().name().toLowerCase(Locale.ROOT)).orElse("other") : null,
                failed ? old.consecutiveFailures() + 1 : 0,
                old.pause(),
                ok ? null : old.attention(),
                old.lastPromptSync());
        return s.with(key, next).withStats(s.stats().plus(outcome));
    }

    /** A poll that found nothing new, or a background trigger that was switched off: kept out of the change log. */
    static boolean routine(SyncOutcome outcome) {
        if (outcome.result() == SyncResult.SKIPPED && !outcome.trigger().immediate()) {
            return true; // a background trigger while paused or switched off: nothing happened
        }
        return outcome.trigger() == Trigger.POLL && outcome.changedNothing();
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
