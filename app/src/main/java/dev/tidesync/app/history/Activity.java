package dev.tidesync.app.history;

import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.model.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The activity chart's numbers: per hour over the last day, how many syncs worked, failed, and how long they took. */
public final class Activity {

    /** @param start the hour's first instant */
    public record Hour(Instant start, int ok, int failed, long medianMs) {}

    private Activity() {}

    /** {@code hours} buckets ending with the one holding {@code now}, oldest first; skipped syncs are not activity. */
    public static List<Hour> perHour(List<HistoryRecord> records, Instant now, int hours) {
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        Instant first = last.minus(Duration.ofHours(hours - 1L));
        int[] ok = new int[hours];
        int[] failed = new int[hours];
        List<List<Long>> durations = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            durations.add(new ArrayList<>());
        }
        for (HistoryRecord r : records) {
            if (r.time() == null || r.time().isBefore(first) || r.result() == SyncResult.SKIPPED) {
                continue;
            }
            int i = (int) Duration.between(first, r.time()).toHours();
            if (i >= hours) {
                continue;
            }
            if (r.result() == SyncResult.OK) {
                ok[i]++;
            } else {
                failed[i]++;
            }
            durations.get(i).add(r.durationMs());
        }
        List<Hour> out = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            out.add(new Hour(first.plus(Duration.ofHours(i)), ok[i], failed[i], median(durations.get(i))));
        }
        return out;
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
