package dev.tidesync.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Collects changed paths until the files have been quiet for the inactivity delay, then hands
 * the whole burst on at once. Someone typing without pause for a long time still gets a
 * commit after {@link #maxWait}, so hours of work are never left uncommitted.
 */
public final class QuietPeriod {

    private final Scheduler scheduler;
    private final Duration quiet;
    private final Duration maxWait;
    private final Consumer<Optional<Set<String>>> onQuiet;

    private Set<String> paths = new TreeSet<>();
    private boolean everything;
    private Instant firstChange;
    private Scheduler.Timer timer;

    /**
     * @param onQuiet receives the burst's paths, or empty when the watcher lost track (overflow)
     *                and the whole tree must be looked at
     */
    public QuietPeriod(Scheduler scheduler, Duration quiet, Consumer<Optional<Set<String>>> onQuiet) {
        this.scheduler = scheduler;
        this.quiet = quiet;
        this.maxWait = maxWait(quiet);
        this.onQuiet = onQuiet;
    }

    /** Ten inactivity delays, and at least a minute. */
    static Duration maxWait(Duration quiet) {
        Duration ten = quiet.multipliedBy(10);
        return ten.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : ten;
    }

    public synchronized void changed(Collection<String> changed) {
        paths.addAll(changed);
        restart();
    }

    /** The watcher lost events: the next burst covers the whole tree. */
    public synchronized void lostTrack() {
        everything = true;
        restart();
    }

    private void restart() {
        Instant now = scheduler.now();
        if (firstChange == null) {
            firstChange = now;
        }
        if (timer != null) {
            timer.cancel();
        }
        Duration untilMax = Duration.between(now, firstChange.plus(maxWait));
        Duration delay = untilMax.compareTo(quiet) < 0 ? (untilMax.isNegative() ? Duration.ZERO : untilMax) : quiet;
        timer = scheduler.after(delay, this::fire);
    }

    private void fire() {
        Optional<Set<String>> burst;
        synchronized (this) {
            if (paths.isEmpty() && !everything) {
                return;
            }
            burst = everything ? Optional.empty() : Optional.of(Set.copyOf(paths));
            paths = new TreeSet<>();
            everything = false;
            firstChange = null;
            timer = null;
        }
        onQuiet.accept(burst);
    }

    public synchronized void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
