package dev.tidesync.journal;

import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters over every sync that ran. {@code recentDurationsMs} keeps the last
 * {@link #RECENT} durations so the median is honest without storing everything.
 */
public record Stats(
        long totalSyncs,
        long sessionStartSyncs,
        long sessionEndSyncs,
        long promptSyncs,
        long failures,
        long conflicts,
        long heldBack,
        Map<String, PerTrigger> byTrigger,
        Durations durations,
        PromptCounts prompts) {

    static final int RECENT = 200;

    public record PerTrigger(long syncs, long failures, long conflicts) {}

    /**
     * What became of agent prompts: every one is seen; it runs, or is debounced (too soon after
     * the last prompt sync), or not drawn (the 1-in-probability draw said no), or off (trigger disabled).
     */
    public record PromptCounts(long seen, long ran, long debounced, long notDrawn, long off) {
        public static final PromptCounts NONE = new PromptCounts(0, 0, 0, 0, 0);

        public PromptCounts plus(String outcome) {
            return new PromptCounts(seen + 1, ran + ("ran".equals(outcome) ? 1 : 0), debounced + ("debounced".equals(outcome) ? 1 : 0),
                    notDrawn + ("notDrawn".equals(outcome) ? 1 : 0), off + ("off".equals(outcome) ? 1 : 0));
        }
    }

    public record Durations(long count, long totalMs, long maxMs, List<Long> recentMs) {
        public Durations {
            recentMs = recentMs == null ? List.of() : List.copyOf(recentMs);
        }

        public long medianMs() {
            if (recentMs.isEmpty()) {
                return 0;
            }
            List<Long> sorted = recentMs.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        public long meanMs() {
            return count == 0 ? 0 : totalMs / count;
        }
    }

    public Stats {
        byTrigger = byTrigger == null ? Map.of() : Map.copyOf(byTrigger);
        durations = durations == null ? new Durations(0, 0, 0, List.of()) : durations;
        prompts = prompts == null ? PromptCounts.NONE : prompts;
    }

    public Stats withPrompts(PromptCounts p) {
        return new Stats(totalSyncs, sessionStartSyncs, sessionEndSyncs, promptSyncs, failures, conflicts, heldBack, byTrigger,
                durations, p);
    }

    public static Stats empty() {
        return new Stats(0, 0, 0, 0, 0, 0, 0, Map.of(), null, null);
    }

    /** These counters with one more sync counted. Skipped syncs did no work and are not counted. */
    public Stats plus(SyncOutcome outcome) {
        if (outcome.result() == SyncResult.SKIPPED) {
            return this;
        }
        boolean failed = outcome.result() == SyncResult.FAILED;
        boolean conflict = outcome.result() == SyncResult.CONFLICT;
        Trigger t = outcome.trigger();
        Map<String, PerTrigger> per = new TreeMap<>(byTrigger);
        PerTrigger old = per.getOrDefault(t.id(), new PerTrigger(0, 0, 0));
        per.put(t.id(), new PerTrigger(old.syncs() + 1, old.failures() + (failed ? 1 : 0), old.conflicts() + (conflict ? 1 : 0)));
        long ms = outcome.duration().toMillis();
        List<Long> recent = new ArrayList<>(durations.recentMs());
        recent.add(ms);
        if (recent.size() > RECENT) {
            recent = recent.subList(recent.size() - RECENT, recent.size());
        }
        return new Stats(totalSyncs + 1,
                sessionStartSyncs + (t == Trigger.SESSION_START ? 1 : 0),
                sessionEndSyncs + (t == Trigger.SESSION_END ? 1 : 0),
                promptSyncs + (t == Trigger.USER_PROMPT ? 1 : 0),
                failures + (failed ? 1 : 0),
                conflicts + (conflict ? 1 : 0),
                heldBack + (outcome.heldBack().isEmpty() ? 0 : 1),
                per,
                new Durations(durations.count() + 1, durations.totalMs() + ms, Math.max(durations.maxMs(), ms), recent), prompts);
    }
}
