package dev.tidesync.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.model.Action;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers `stats` and the change log's summary give: counts, rates and durations, per trigger, last 200 and today. */
class SyncMetricsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

    private static HistoryRecord record(Instant time, Trigger trigger, SyncResult result, long ms) {
        return new HistoryRecord(time, "/r", "r", "h", trigger, Action.SYNC, result, "m", 0, 0, null, List.of(), List.of(), List.of(), ms,
                null, null, null, null, null, List.of());
    }

    @Test
    void aWindowHasCountRatesMeanP95FastestAndSlowest() {
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 1; i <= 100; i++) { // 10 ms … 1000 ms
            SyncResult result = i % 10 == 0 ? SyncResult.FAILED : i % 25 == 0 ? SyncResult.CONFLICT : SyncResult.OK;
            records.add(record(NOW.minusSeconds(i), i % 2 == 0 ? Trigger.FILE_CHANGE : Trigger.POLL, result, i * 10L));
        }

        SyncMetrics m = SyncMetrics.of(records);

        SyncMetrics.Window total = m.total();
        assertThat(total.count()).isEqualTo(100);
        assertThat(total.failures()).isEqualTo(10);
        assertThat(total.conflicts()).isEqualTo(2); // 25 and 75; 50 and 100 failed
        assertThat(total.failureRate()).isEqualTo(0.10);
        assertThat(total.conflictRate()).isEqualTo(0.02);
        assertThat(total.meanMs()).isEqualTo(505);
        assertThat(total.p95Ms()).isEqualTo(950);
        assertThat(total.fastestMs()).isEqualTo(10);
        assertThat(total.slowestMs()).isEqualTo(1000);
        assertThat(m.byTrigger().keySet()).containsExactly("fileChange", "poll");
        assertThat(m.byTrigger().get("fileChange").count()).isEqualTo(50);
        assertThat(m.byTrigger().get("fileChange").failures()).isEqualTo(10);
        assertThat(m.byTrigger().get("poll").p95Ms()).isEqualTo(950); // 10, 30 … 990: the 48th of 50
    }

    @Test
    void skippedSyncsAndEventsThatAreNotSyncsAreNotCounted() {
        HistoryRecord resolve = HistoryRecord.repair(NOW, "/r", "r", "h", HistoryRecord.RESOLVE, "Resolved", "abc", List.of(), 40);

        SyncMetrics m = SyncMetrics.of(List.of(record(NOW, Trigger.POLL, SyncResult.SKIPPED, 0), resolve,
                record(NOW, Trigger.MANUAL, SyncResult.OK, 80)));

        assertThat(m.total().count()).isEqualTo(1);
        assertThat(m.byTrigger()).containsOnlyKeys("manual");
    }

    @Test
    void todayStartsAtLocalMidnightAndTheRecentWindowIsTheLast200(@TempDir Path dir) throws Exception {
        History history = new History(dir.resolve("history.jsonl"), 10_000_000, 5);
        Instant midnight = Instant.parse("2026-11-30T23:00:00Z"); // Berlin
        history.append(record(midnight.minusSeconds(60), Trigger.POLL, SyncResult.OK, 5));
        for (int i = 0; i < 250; i++) {
            history.append(record(midnight.plusSeconds(i), Trigger.FILE_CHANGE, SyncResult.OK, i));
        }

        SyncMetrics today = SyncMetrics.today(history, NOW, ZONE);
        SyncMetrics recent = SyncMetrics.recent(history);

        assertThat(today.total().count()).isEqualTo(250);
        assertThat(today.byTrigger()).containsOnlyKeys("fileChange");
        assertThat(recent.total().count()).isEqualTo(200);
        assertThat(recent.total().fastestMs()).isEqualTo(50);
    }

    @Test
    void noSyncsAreZerosNotErrors() {
        SyncMetrics m = SyncMetrics.of(List.of());

        assertThat(m.total().count()).isZero();
        assertThat(m.total().p95Ms()).isZero();
        assertThat(m.byTrigger()).isEmpty();
    }
}
