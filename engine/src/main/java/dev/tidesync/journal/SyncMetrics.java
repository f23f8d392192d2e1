package dev.tidesync.journal;

import dev.tidesync.model.SyncResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How syncs went, from the change log: in total and per trigger, over a window of records
 * (the last 200, or today). Skipped syncs, and events that are not syncs (a resolve, an undo),
 * are not counted; nor are routine polls, which the change log leaves out.
 */
public record SyncMetrics(Window total, Map<String, Window> byTrigger) {

    /** The window everything else is measured over: the most recent syncs. */
    public static final int RECENT = 200;

    /**
     * @param p95Ms        the duration 95 % of the syncs stayed within (nearest rank)
     * @param failureRate  failures per sync, 0 to 1
     * @param conflictRate conflicts per sync, 0 to 1
     */
    public record Window(long count, long failures, long conflicts, long meanMs, long p95Ms, long fastestMs, long slowestMs,
                         double failureRate, double conflictRate) {

        /** One line: how many, how they ended, how long they took; the same words in `stats` and the app's change log. */
        public String describe() {
            if (count == 0) {
                return "no syncs";
            }
            return count + (count == 1 ? " sync, " : " syncs, ") + failures + " failed (" + percent(failureRate) + "), " + conflicts
                    + (conflicts == 1 ? " conflict (" : " conflicts (") + percent(conflictRate) + "); mean " + meanMs + " ms, p95 "
                    + p95Ms + " ms, fastest " + fastestMs + " ms, slowest " + slowestMs + " ms";
        }

        private static String percent(double rate) {
            return String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
        }

        static Window of(List<HistoryRecord> syncs) {
            if (syncs.isEmpty()) {
                return new Window(0, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            long[] ms = syncs.stream().mapToLong(HistoryRecord::durationMs).sorted().toArray();
            long failures = syncs.stream().filter(r -> r.result() == SyncResult.FAILED).count();
            long conflicts = syncs.stream().filter(r -> r.result() == SyncResult.CONFLICT).count();
            long sum = 0;
            for (long m : ms) {
                sum += m;
            }
            int n = ms.length;
            return new Window(n, failures, conflicts, sum / n, ms[(int) Math.ceil(0.95 * n) - 1], ms[0], ms[n - 1],
                    (double) failures / n, (double) conflicts / n);
        }
    }

    public static SyncMetrics of(List<HistoryRecord> records) {
        List<HistoryRecord> syncs = records.stream().filter(SyncMetrics::isSync).toList();
        Map<String, List<HistoryRecord>> grouped = new TreeMap<>();
        for (HistoryRecord r : syncs) {
            grouped.computeIfAbsent(r.trigger().id(), t -> new ArrayList<>()).add(r);
        }
        Map<String, Window> per = new LinkedHashMap<>();
        grouped.forEach((trigger, list) -> per.put(trigger, Window.of(list)));
        return new SyncMetrics(Window.of(syncs), per);
    }

    /** The last {@link #RECENT} syncs in the change log. */
    public static SyncMetrics recent(History history) throws java.io.IOException {
        return of(history.last(RECENT, SyncMetrics::isSync));
    }

    /** The last {@link #RECENT} syncs among records already read, newest first (the app's change log). */
    public static SyncMetrics lastOf(List<HistoryRecord> newestFirst) {
        return of(newestFirst.stream().filter(SyncMetrics::isSync).limit(RECENT).toList());
    }

    /** The syncs since midnight in {@code zone} among records already read. */
    public static SyncMetrics todayOf(java.util.Collection<HistoryRecord> records, Instant now, ZoneId zone) {
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        return of(records.stream().filter(r -> r.time() != null && !r.time().isBefore(midnight)).toList());
    }

    /** The syncs since midnight in {@code zone}. */
    public static SyncMetrics today(History history, Instant now, ZoneId zone) throws java.io.IOException {
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        return of(history.since(midnight, SyncMetrics::isSync));
    }

    private static boolean isSync(HistoryRecord r) {
        return r.result() != SyncResult.SKIPPED && (r.event() == null || HistoryRecord.PUSH_REFUSED.equals(r.event()));
    }
}
