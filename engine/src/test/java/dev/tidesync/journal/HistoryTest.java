package dev.tidesync.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.model.Action;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path tmp;

    static HistoryRecord record(int i) {
        return new HistoryRecord(Instant.ofEpochSecond(1_700_000_000L + i), "/r", "r", "h", Trigger.POLL, Action.SYNC, SyncResult.OK,
                "sync " + i, 0, 1, null, List.of("M a.md"), List.of(), List.of(), 10, null, null, null, null, null, List.of());
    }

    @Test
    void recordsComeBackNewestLastAcrossRotation() throws Exception {
        History history = new History(tmp.resolve("history.jsonl"), 2000, 3);
        for (int i = 0; i < 40; i++) {
            history.append(record(i));
        }

        List<HistoryRecord> last = history.last(5, r -> true);

        assertThat(last).extracting(HistoryRecord::message).containsExactly("sync 35", "sync 36", "sync 37", "sync 38", "sync 39");
        assertThat(tmp.resolve("history.1.jsonl")).exists();
        assertThat(tmp.resolve("history.4.jsonl")).doesNotExist();
        assertThat(Files.size(tmp.resolve("history.jsonl"))).isLessThanOrEqualTo(2000 + 1000);
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheNextRecordStartsCleanly() throws Exception {
        Path file = tmp.resolve("history.jsonl");
        History history = new History(file, 1 << 20, 3);
        history.append(record(1));
        Files.writeString(file, "{\"time\":\"2026-", StandardOpenOption.APPEND);
        history.append(record(2));

        assertThat(history.last(10, r -> true)).extracting(HistoryRecord::message).containsExactly("sync 1", "sync 2");
    }
}
