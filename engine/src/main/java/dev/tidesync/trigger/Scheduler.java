package dev.tidesync.trigger;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's sense of time: the wall clock, a monotonic clock, and timers. Injected so every
 * trigger rule is tested by moving time forward, never by sleeping.
 */
public interface Scheduler {

    /** Wall-clock time; jumps when the machine sleeps or the clock is set. */
    Instant now();

    /** Monotonic nanoseconds; does not advance while the machine sleeps. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}. Tasks must be quick: they only hand work on. */
    Timer after(Duration delay, Runnable task);

    /** A pending timer. */
    interface Timer {
        void cancel();
    }
}
