package dev.tidesync.trigger;

import java.time.Duration;
import java.time.Instant;

/**
 * Notices that the machine slept or its clock was set: the wall clock moved much further than
 * the monotonic clock between two ticks. The engine then catches up at once.
 */
public final class SleepDetector {

    /** Wall-clock drift beyond this counts as a jump (NTP slews are far smaller). */
    static final Duration THRESHOLD = Duration.ofSeconds(30);

    private final Scheduler scheduler;
    private Instant lastWall;
    private long lastMono;

    public SleepDetector(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.lastWall = scheduler.now();
        this.lastMono = scheduler.nanoTime();
    }

    /** True when the wall clock jumped since the previous check. */
    public synchronized boolean jumped() {
        Instant wall = scheduler.now();
        long mono = scheduler.nanoTime();
        Duration wallDelta = Duration.between(lastWall, wall);
        Duration monoDelta = Duration.ofNanos(mono - lastMono);
        lastWall = wall;
        lastMono = mono;
        return wallDelta.minus(monoDelta).abs().compareTo(THRESHOLD) > 0;
    }
}
