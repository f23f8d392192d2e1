package dev.tidesync.app.feed;

import dev.tidesync.app.status.RepoRow;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.engine.EngineListener;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.State;
import dev.tidesync.status.StatusReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns engine events into fresh rows for the views. Reading a repository's status costs a
 * git status, so only repositories an event named are re-read, at most every
 * {@code minGapMs}, on one background thread; everything is re-read on a slow timer to pick up
 * what the CLI or another machine changed. The views get whole snapshots, never partial ones.
 */
public final class StatusFeed implements EngineListener, AutoCloseable {

    /** One picture of everything: rows in config order and whether all syncing is paused. */
    public record Snapshot(List<RepoRow> rows, boolean globallyPaused, Instant at) {}

    private final Supplier<Settings> settings;
    private final Journal journal;
    private final Clock clock;
    private final Consumer<Snapshot> publish;
    private final long minGapMs;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tidesync-status").factory());
    private final Set<Path> syncing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<Path> stale = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<Path, RepoRow> rows = new HashMap<>();
    private volatile boolean everything = true;
    private volatile boolean scheduled;
    private volatile Consumer<EngineEvent> events = e -> { };

    public StatusFeed(Supplier<Settings> settings, Journal journal, Clock clock, Consumer<Snapshot> publish, long minGapMs) {
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
        this.publish = publish;
        this.minGapMs = minGapMs;
    }

    /** Starts the slow full re-read; the first read happens now. */
    public void start(long everySeconds) {
        thread.scheduleWithFixedDelay(this::refreshAll, 0, everySeconds, TimeUnit.SECONDS);
    }

    /** Also hands every event on (alerts, the history window), after the rows it affects are re-read. */
    public void forwardEvents(Consumer<EngineEvent> consumer) {
        this.events = consumer;
    }

    public void refreshAll() {
        everything = true;
        schedule(0);
    }

    @Override
    public void onEvent(EngineEvent event) {
        switch (event) {
            case EngineEvent.SyncStarted s -> {
                syncing.add(s.workTree());
                stale.add(s.workTree());
            }
            case EngineEvent.SyncFinished f -> {
                syncing.remove(f.outcome().repository());
                stale.add(f.outcome().repository());
            }
            case EngineEvent.AttentionNeeded a -> stale.add(a.workTree());
            case EngineEvent.AttentionCleared a -> stale.add(a.workTree());
            case EngineEvent.Notice n -> everything |= changesWhatIsWatched(n);
        }
        if (!(event instanceof EngineEvent.Notice n) || changesWhatIsWatched(n)) {
            schedule(minGapMs);
        }
        thread.execute(() -> events.accept(event));
    }

    /** Of the notices, only a repository watched or no longer watched alters the rows. */
    private static boolean changesWhatIsWatched(EngineEvent.Notice n) {
        return n.message().startsWith("watching") || n.message().contains("no longer watched") || n.message().contains("now watched");
    }

    private synchronized void schedule(long delayMs) {
        if (scheduled) {
            return;
        }
        scheduled = true;
        thread.schedule(this::read, delayMs, TimeUnit.MILLISECONDS);
    }

    private void read() {
        synchronized (this) {
            scheduled = false;
        }
        Settings now = settings.get();
        boolean all = everything;
        everything = false;
        Set<Path> wanted = new HashSet<>(stale);
        stale.removeAll(wanted);
        State state;
        try {
            state = journal.read();
        } catch (IOException e) {
            state = State.empty();
        }
        StatusReader reader = new StatusReader(now, clock);
        List<RepoRow> ordered = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        for (RepositorySettings repository : now.repositories()) {
            Path key = repository.workTree();
            present.add(key);
            RepoRow known = rows.get(key);
            boolean busy = syncing.contains(key) || syncing.contains(dev.tidesync.config.Paths.canonical(key));
            if (all || known == null || wanted.contains(key) || wanted.contains(dev.tidesync.config.Paths.canonical(key))
                    || known.syncing() != busy) {
                known = RepoRow.of(reader.read(repository, state), state.repository(key.toString()), busy);
                rows.put(key, known);
            }
            ordered.add(known);
        }
        rows.keySet().retainAll(present);
        boolean paused = state.pause() != null && state.pause().activeAt(clock.instant());
        publish.accept(new Snapshot(List.copyOf(ordered), paused, clock.instant()));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
