package dev.tidesync.trigger;

import dev.tidesync.hook.PromptGate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.RepositorySettings.ChangeRule;
import dev.tidesync.config.Settings;
import dev.tidesync.config.Triggers;
import dev.tidesync.fixture.ManualScheduler;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.model.Action;
import dev.tidesync.sync.Backoff;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The timing and chance rules of every trigger, with time moved by hand and chance fixed. */
class TriggerRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final ManualScheduler time = new ManualScheduler(T0);

    /** A random source that always yields the given value for nextInt and nextDouble. */
    private static RandomGenerator fixed(int nextInt, double nextDouble) {
        return new RandomGenerator() {
            public long nextLong() {
                return 0;
            }

            public int nextInt(int bound) {
                return nextInt;
            }

            public double nextDouble() {
                return nextDouble;
            }
        };
    }

    @Test
    void aBurstOfSavesBecomesOneSyncAfterTheInactivityDelay() {
        List<Optional<Set<String>>> bursts = new ArrayList<>();
        QuietPeriod quiet = new QuietPeriod(time, Duration.ofSeconds(5), bursts::add);

        quiet.changed(List.of("a.md"));
        time.advance(Duration.ofSeconds(3));
        quiet.changed(List.of("b.md"));
        time.advance(Duration.ofSeconds(4));
        assertThat(bursts).isEmpty(); // still within 5 s of the last save

        time.advance(Duration.ofSeconds(1));
        assertThat(bursts).containsExactly(Optional.of(Set.of("a.md", "b.md")));
    }

    @Test
    void endlessTypingIsStillCommittedAfterTheLongestWait() {
        List<Optional<Set<String>>> bursts = new ArrayList<>();
        QuietPeriod quiet = new QuietPeriod(time, Duration.ofSeconds(5), bursts::add);

        for (int i = 0; i < 30; i++) { // a save every 2 s for a minute: never 5 s quiet
            quiet.changed(List.of("draft.md"));
            time.advance(Duration.ofSeconds(2));
        }

        assertThat(bursts).hasSize(1);
        assertThat(QuietPeriod.maxWait(Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aWatcherOverflowAsksForTheWholeTree() {
        List<Optional<Set<String>>> bursts = new ArrayList<>();
        QuietPeriod quiet = new QuietPeriod(time, Duration.ofSeconds(5), bursts::add);

        quiet.changed(List.of("a.md"));
        quiet.lostTrack();
        time.advance(Duration.ofSeconds(5));

        assertThat(bursts).containsExactly(Optional.empty());
    }

    @Test
    void aPromptSyncsWhenTheDrawSaysSoAndNotWithinTheDebounce() {
        Triggers.Prompt prompt = new Triggers.Prompt(true, "sync", 27, 5000);

        assertThat(PromptGate.decide(prompt, T0, null, fixed(0, 0)).run()).isTrue();
        assertThat(PromptGate.decide(prompt, T0, null, fixed(5, 0)).outcome()).isEqualTo("notDrawn");
        assertThat(PromptGate.decide(prompt, T0.plusMillis(4999), T0, fixed(0, 0)).outcome()).isEqualTo("debounced");
        assertThat(PromptGate.decide(prompt, T0.plusMillis(5000), T0, fixed(0, 0)).run()).isTrue();
        assertThat(PromptGate.decide(new Triggers.Prompt(false, "sync", 1, 0), T0, null, fixed(0, 0)).outcome()).isEqualTo("off");
    }

    @Test
    void probabilityOneSyncsEveryPromptAndTwentySevenAboutOneInTwentySeven() {
        Triggers.Prompt always = new Triggers.Prompt(true, "sync", 1, 0);
        assertThat(PromptGate.decide(always, T0, null, fixed(13, 0)).run()).isTrue();

        Triggers.Prompt often = new Triggers.Prompt(true, "sync", 27, 0);
        RandomGenerator seeded = new java.util.SplittableRandom(42);
        long ran = java.util.stream.IntStream.range(0, 27_000).filter(i -> PromptGate.decide(often, T0, null, seeded).run()).count();
        assertThat(ran).isBetween(850L, 1150L); // 1000 expected
    }

    @Test
    void pollsAreSpreadAroundTheirInterval() {
        assertThat(Jitter.around(Duration.ofSeconds(60), fixed(0, 0.0))).isEqualTo(Duration.ofSeconds(54));
        assertThat(Jitter.around(Duration.ofSeconds(60), fixed(0, 1.0))).isEqualTo(Duration.ofSeconds(66));
        assertThat(Jitter.within(Duration.ofSeconds(60), fixed(0, 0.5))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aWallClockJumpIsNoticedButOrdinaryTimeIsNot() {
        SleepDetector sleep = new SleepDetector(time);

        time.advance(Duration.ofMinutes(5));
        assertThat(sleep.jumped()).isFalse();

        time.jumpWallClock(Duration.ofHours(8)); // the lid was closed overnight
        assertThat(sleep.jumped()).isTrue();
        assertThat(sleep.jumped()).isFalse();
    }

    @Test
    void changeRulesSyncAlwaysAfterNBurstsOrNeverAutomatically() {
        ChangeRules rules = new ChangeRules(List.of(
                new ChangeRule("*.log", "never", 0),
                new ChangeRule("journal/**", "after", 3),
                new ChangeRule("*.md", "always", 0)));

        assertThat(rules.due(Set.of("notes.md", "debug.log"))).containsExactly("notes.md");
        assertThat(rules.neverAutomatic("debug.log")).isTrue();
        assertThat(rules.due(Set.of("journal/mon.txt"))).isEmpty();
        assertThat(rules.due(Set.of("journal/tue.txt"))).isEmpty();
        assertThat(rules.deferredPaths()).containsExactlyInAnyOrder("journal/mon.txt", "journal/tue.txt");
        assertThat(rules.due(Set.of("journal/wed.txt"))).containsExactlyInAnyOrder("journal/mon.txt", "journal/tue.txt", "journal/wed.txt");
        assertThat(rules.deferredPaths()).isEmpty();
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        Backoff backoff = new Backoff(new Settings.Throttle(10, 15, 600, 5));

        assertThat(backoff.delay(1, fixed(0, 1.0))).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.delay(2, fixed(0, 1.0))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(3, fixed(0, 0.0))).isEqualTo(Duration.ofSeconds(30)); // half of 60 at least
        assertThat(backoff.delay(20, fixed(0, 1.0))).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void authFailuresNeedAttentionAtOnceAndOfflineOnlyAfterRepeatedFailures() {
        Backoff backoff = new Backoff(new Settings.Throttle(10, 15, 600, 5));

        assertThat(backoff.attention(failed(FailureKind.AUTH), 1)).contains("authentication");
        assertThat(backoff.attention(failed(FailureKind.OFFLINE), 4)).isNull();
        assertThat(backoff.attention(failed(FailureKind.OFFLINE), 5)).startsWith("5 syncs in a row failed");
    }

    private static SyncOutcome failed(FailureKind kind) {
        return SyncOutcome.failed(Path.of("/r"), "r", SyncRequest.of(Action.SYNC, Trigger.POLL), T0, Duration.ZERO,
                Failure.of(kind, kind == FailureKind.AUTH ? "authentication failed for origin" : "origin is unreachable"));
    }
}
