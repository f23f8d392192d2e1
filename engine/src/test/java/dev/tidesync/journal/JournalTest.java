package dev.tidesync.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.Settings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state of many repositories polled every minute is written about once a minute, not once per poll. */
class JournalTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private Instant now = T0;
    private final Clock clock = new Clock() {
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };

    private SyncOutcome outcome(String repo, Trigger trigger, int commitsIn) {
        return new SyncOutcome(dir.resolve(repo), repo, trigger, Action.PULL, SyncResult.OK, "Up to date", Optional.empty(),
                Optional.empty(), List.of(), commitsIn, 0, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), now, Duration.ofMillis(5));
    }

    @Test
    void aFileChangeOrAnnouncementThatNeededNothingStaysOutOfTheChangeLogButCountsInTheState() throws Exception {
        Journal journal = new Journal(TidesyncHome.single(dir.resolve("home")), Settings.defaults().history(), clock);

        journal.record(outcome("a", Trigger.FILE_CHANGE, 0), "host"); // the files a pull of our own had just written
        journal.record(outcome("a", Trigger.ANNOUNCE, 0), "host"); // a revision fetched meanwhile
        journal.record(outcome("a", Trigger.FILE_CHANGE, 1), "host");

        assertThat(journal.history().last(10, r -> true)).extracting(HistoryRecord::trigger).containsExactly(Trigger.FILE_CHANGE);
        assertThat(journal.read().repository(dir.resolve("a").toString()).lastSync()).isNotNull();
    }

    @Test
    void routinePollsAreFoldedInAtMostOnceAMinuteAndNothingIsDropped() throws Exception {
        TidesyncHome home = TidesyncHome.single(dir.resolve("home"));
        Journal journal = new Journal(home, Settings.defaults().history(), clock);
        journal.record(outcome("a", Trigger.POLL, 0), "host"); // the first one is written at once
        var written = Files.getLastModifiedTime(home.stateFile());
        String afterFirst = Files.readString(home.stateFile());

        now = T0.plusSeconds(20);
        journal.record(outcome("b", Trigger.POLL, 0), "host");
        journal.record(outcome("c", Trigger.POLL, 0), "host");

        assertThat(Files.readString(home.stateFile())).as("held back").isEqualTo(afterFirst);
        assertThat(Files.getLastModifiedTime(home.stateFile())).isEqualTo(written);

        now = T0.plusSeconds(30);
        journal.record(outcome("d", Trigger.POLL, 2), "host"); // pulled something: written now, with b and c

        assertThat(journal.read().repositories()).containsOnlyKeys(
                dir.resolve("a").toString(), dir.resolve("b").toString(), dir.resolve("c").toString(), dir.resolve("d").toString());
        assertThat(journal.history().last(10, r -> true)).as("routine polls stay out of the change log").hasSize(1);

        now = T0.plusSeconds(40);
        journal.record(outcome("e", Trigger.POLL, 0), "host");
        journal.flushRoutine(); // the engine stops

        assertThat(journal.read().repository(dir.resolve("e").toString()).lastSync().time()).isEqualTo(T0.plusSeconds(40));
    }
}
