package dev.tidesync.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How Tidesync says when and how long: the CLI's fixed form, and the app's in the user's locale. */
class MomentsTest {

    @Test
    void timeStampsFollowTheLocaleInShortForm() {
        Instant now = Instant.parse("2026-12-06T18:40:00Z");
        assertThat(Moments.when(Instant.parse("2026-12-06T18:37:00Z"), ZoneOffset.UTC, now, Locale.GERMANY)).isEqualTo("18:37");
        assertThat(Moments.when(Instant.parse("2026-12-05T09:12:00Z"), ZoneOffset.UTC, now, Locale.GERMANY)).isEqualTo("yesterday 09:12");
        assertThat(Moments.when(Instant.parse("2026-12-01T09:12:00Z"), ZoneOffset.UTC, now, Locale.GERMANY)).isEqualTo("Di., 1. Dez. 09:12");
        assertThat(Moments.when(Instant.parse("2026-12-06T18:39:30Z"), ZoneOffset.UTC, now, Locale.US)).isEqualTo("just now");
    }

    @Test
    void theCommandLineSaysItTheSameWayEverywhere() {
        Instant now = Instant.parse("2026-12-06T18:40:00Z");
        ZoneId utc = ZoneOffset.UTC;
        assertThat(Moments.at(Instant.parse("2026-12-06T18:37:00Z"), utc, now)).isEqualTo("18:37");
        assertThat(Moments.at(Instant.parse("2026-12-07T08:00:00Z"), utc, now)).isEqualTo("tomorrow 08:00");
        assertThat(Moments.at(Instant.parse("2026-11-30T19:39:00Z"), utc, now)).isEqualTo("Mon 30 Nov 19:39");
        assertThat(Moments.duration(Duration.ofSeconds(31))).isEqualTo("31 s");
        assertThat(Moments.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }

    @Test
    void recentMomentsSayHowLongAgoWithinTheHour() {
        Instant now = Instant.parse("2026-12-06T18:40:00Z");
        assertThat(Moments.recent(now.minusSeconds(20), ZoneOffset.UTC, now, Locale.US)).isEqualTo("just now");
        assertThat(Moments.recent(now.minusSeconds(4 * 60), ZoneOffset.UTC, now, Locale.US)).isEqualTo("4 min ago");
        assertThat(Moments.recent(Instant.parse("2026-12-06T09:05:00Z"), ZoneOffset.UTC, now, Locale.GERMANY)).isEqualTo("09:05");
    }
}
