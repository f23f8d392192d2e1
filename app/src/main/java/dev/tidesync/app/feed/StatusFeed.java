package dev.tidesync.app.feed;

import dev.tidesync.app.status.RepoRow;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.engine.EngineListener;
import dev.tidesync.status.RepoStatus;
import dev.tidesync.trigger.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the engine's typed state events into rows for the views. Nothing is read from disk or
 * git here: the engine owns every repository's status and says when it changes. Bursts are
 * coalesced: the views get at most one whole snapshot per {@code minGap}, never partial ones.
 */
public final class StatusFeed implements EngineListener {

    /**
     * One picture of everything: rows in config order, whether all syncing is paused, and where
     * the announcement channel stands.
     */
    public record Snapshot(List<RepoRow> rows, boolean globallyPaused, dev.tidesync.announce.ChannelState channel, Instant at,
                           java.util.Optional<String> costPause) {}

    private final Scheduler scheduler;
    private final Duration minGap;
    private final Consumer<Snapshot> publish;
    private List<RepositorySettings> watched = List.of();
    private final Map<Path, RepoStatus> statuses = new HashMap<>();
    private boolean paused;
    private java.util.Optional<String> costPause = java.util.Optional.empty();
    private dev.tidesync.announce.ChannelState channel = new dev.tidesync.announce.ChannelState.Off();
    private boolean scheduled;
    private Instant lastPublished = Instant.MIN;
    private volatile Consumer<EngineEvent> events = e -> { };

    /**
     * @param publish receives each snapshot on the scheduler's thread; hand it to the FX thread
     * @param minGap  the least time between two snapshots
     */
    public StatusFeed(Scheduler scheduler, Duration minGap, Consumer<Snapshot> publish) {
        this.scheduler = scheduler;
        this.minGap = minGap;
        this.publish = publish;
    }

    /** Also hands every event on (the change log window, "changes came in" news). */
    public void forwardEvents(Consumer<EngineEvent> consumer) {
        this.events = consumer;
    }

    @Override
    public void onEvent(EngineEvent event) {
        boolean changed = switch (event) {
            case EngineEvent.StateChanged c -> put(c.workTree(), c.to());
            case EngineEvent.WatchedChanged w -> watched(w.repositories(), w.removed());
            case EngineEvent.PauseChanged p -> paused(p.pause().isPresent());
            case EngineEvent.ChannelChanged c -> channel(c.state());
            case EngineEvent.CostPauseChanged c -> costPause(c.why());
            default -> false;
        };
        if (changed) {
            synchronized (this) {
                schedule();
            }
        }
        events.accept(event);
    }

    private synchronized boolean put(Path workTree, RepoStatus status) {
        return !status.equals(statuses.put(key(workTree), status));
    }

    private synchronized boolean watched(List<RepositorySettings> repositories, List<Path> removed) {
        watched = List.copyOf(repositories);
        removed.forEach(p -> statuses.remove(key(p)));
        return true;
    }

    private synchronized boolean channel(dev.tidesync.announce.ChannelState now) {
        boolean changed = !now.equals(channel);
        channel = now;
        return changed;
    }

    private synchronized boolean costPause(java.util.Optional<String> why) {
        boolean changed = !why.equals(costPause);
        costPause = why;
        return changed;
    }

    private synchronized boolean paused(boolean now) {
        boolean changed = now != paused;
        paused = now;
        return changed;
    }

    /** Publishes at once if the last snapshot is older than minGap, else once when it is. */
    private void schedule() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        Instant due = lastPublished.plus(minGap);
        Instant now = scheduler.now();
        scheduler.after(due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO, this::publishNow);
    }

    private void publishNow() {
        Snapshot snapshot;
        synchronized (this) {
            scheduled = false;
            lastPublished = scheduler.now();
            List<RepoRow> rows = new ArrayList<>();
            for (RepositorySettings r : watched) {
                RepoStatus s = statuses.get(key(r.workTree()));
                rows.add(s == null ? RepoRow.checking(r) : RepoRow.of(r.workTree(), s));
            }
            snapshot = new Snapshot(List.copyOf(rows), paused, channel, lastPublished, costPause);
        }
        publish.accept(snapshot);
    }

    /** The engine names a repository by its configured work tree in every event: compared as given. */
    private static Path key(Path p) {
        return p;
    }
}
