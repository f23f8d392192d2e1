package dev.tidesync.trigger;

import java.time.Duration;

/** Runs an action once, {@code delay} after the last of a burst of signals. */
public final class Debounce {

    private final Scheduler scheduler;
    private final Duration delay;
    private final Runnable action;
    private Scheduler.Timer timer;

    public Debounce(Scheduler scheduler, Duration delay, Runnable action) {
        this.scheduler = scheduler;
        this.delay = delay;
        this.action = action;
    }

    public synchronized void signal() {
        if (timer != null) {
            timer.cancel();
        }
        timer = scheduler.after(delay, () -> {
            synchronized (this) {
                timer = null;
            }
            action.run();
        });
    }

    public synchronized void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
