package dev.tidesync.sync;

import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.config.Settings.Throttle;
import dev.tidesync.model.Failure.FailureKind;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The one place that decides how long a failing repository waits before an automatic retry and
 * when it stops retrying altogether. Failsafe runs blocking retries inside one call; these
 * retries are timers between events, so the rule is a formula, not a retry loop.
 */
public final class Backoff {

    /** Failures that waiting will not fix: something has to change first. */
    private static final Set<FailureKind> HOPELESS = Set.of(FailureKind.AUTH, FailureKind.NOT_FOUND, FailureKind.UNSAFE_STATE,
            FailureKind.INTEGRITY);

    private final Throttle throttle;

    public Backoff(Throttle throttle) {
        this.throttle = throttle;
    }

    /** The wait after {@code failures} failures in a row: base doubled each time, capped, between half and all of it. */
    public Duration delay(int failures, RandomGenerator random) {
        long base = Duration.ofSeconds(throttle.backoffBaseSeconds()).toMillis();
        long max = Duration.ofSeconds(throttle.backoffMaxSeconds()).toMillis();
        int doublings = Math.min(Math.max(failures - 1, 0), 20); // 2^20 × base passes any sane cap without overflowing
        long full = Math.min(max, base * (1L << doublings));
        return Duration.ofMillis(full / 2 + (long) (random.nextDouble() * (full - full / 2)));
    }

    /** Why automatic syncing should stop until something changes, or null to keep retrying. */
    public String attention(SyncOutcome outcome, int failures) {
        if (outcome.result() == SyncResult.CONFLICT) {
            return "a conflict in " + String.join(", ", outcome.conflictPaths()) + " needs you";
        }
        if (outcome.result() != SyncResult.FAILED) {
            return null;
        }
        FailureKind kind = outcome.failure().map(f -> f.kind()).orElse(FailureKind.OTHER);
        if (HOPELESS.contains(kind)) {
            return outcome.message();
        }
        if (failures >= throttle.attentionAfterFailures()) {
            return failures + " syncs in a row failed (" + outcome.message() + ")";
        }
        return null;
    }

    public Duration minInterval() {
        return Duration.ofSeconds(throttle.minIntervalSeconds());
    }
}
