package dev.tidesync.trigger;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Spreads timers so a hundred repositories never fire in the same second. */
public final class Jitter {

    private Jitter() {}

    /** {@code interval} give or take 10 %. */
    public static Duration around(Duration interval, RandomGenerator random) {
        double factor = 0.9 + 0.2 * random.nextDouble();
        return Duration.ofMillis(Math.round(interval.toMillis() * factor));
    }

    /** Somewhere in the first interval: where a repository's first poll lands. */
    public static Duration within(Duration interval, RandomGenerator random) {
        return Duration.ofMillis((long) (interval.toMillis() * random.nextDouble()));
    }
}
