package dev.tidesync.engine;

import dev.tidesync.git.GitFingerprint;

import dev.tidesync.config.Paths;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.State;
import dev.tidesync.status.RepoFacts;
import dev.tidesync.status.RepoStatus;
import dev.tidesync.status.StatusReader;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one owner of every watched repository's status, as Syncthing's state tracker is of a
 * folder's: it emits {@link EngineEvent.StateChanged} whenever a status changes, and every view
 * renders those. A status has two parts. The repository's facts cost a git status and are read
 * again only when something says the work tree may have changed (a sync that did something, a
 * change no sync took, a settings change, the slow safety round); the journal's part is cheap
 * and is composed again on every sync, pause and attention change.
 */
final class StatusBoard {

    private final Journal journal;
    private final Clock clock;
    private final Executor work;
    private final Consumer<EngineEvent> publish;
    private final Supplier<Instant> now;

    private final Map<Path, Entry> entries = new LinkedHashMap<>();
    private final Set<Path> queued = new LinkedHashSet<>();
    private boolean reading;
    private StatusReader reader;

    /**
     * What the board knows of one repository; facts stay empty until first read.
     *
     * @param read git's own state when the facts were last read ({@link GitFingerprint}), if it could be told
     */
    private record Entry(RepositorySettings repository, Optional<RepoFacts> facts, boolean syncing, Optional<RepoStatus> shown,
                         Optional<String> read) {
        Entry(RepositorySettings repository, Optional<RepoFacts> facts, boolean syncing, Optional<RepoStatus> shown) {
            this(repository, facts, syncing, shown, Optional.empty());
        }

        Entry with(Optional<RepoFacts> f, boolean s, Optional<RepoStatus> st) {
            return new Entry(repository, f, s, st, read);
        }
    }

    /**
     * @param work where git statuses run, one at a time (a virtual thread in production, the
     *             caller's thread in specs)
     */
    StatusBoard(Journal journal, Clock clock, Executor work, Consumer<EngineEvent> publish, Supplier<Instant> now) {
        this.journal = journal;
        this.clock = clock;
        this.work = work;
        this.publish = publish;
        this.now = now;
    }

    /** The watched set changed (or the settings did): keep what is known, read what is new or changed. */
    void watch(Settings settings) {
        List<Path> added = new ArrayList<>();
        List<Path> removed = new ArrayList<>();
        List<Path> toRead = new ArrayList<>();
        synchronized (this) {
            reader = new StatusReader(settings, clock);
            Map<Path, RepositorySettings> wanted = new LinkedHashMap<>();
            settings.repositories().forEach(r -> wanted.put(key(r.workTree()), r));
            for (Path gone : List.copyOf(entries.keySet())) {
                if (!wanted.containsKey(gone)) {
                    removed.add(entries.remove(gone).repository().workTree());
                    queued.remove(gone);
                }
            }
            Map<Path, Entry> ordered = new LinkedHashMap<>();
            wanted.forEach((path, repository) -> {
                Entry old = entries.get(path);
                if (old == null) {
                    added.add(repository.workTree());
                    toRead.add(path);
                    ordered.put(path, new Entry(repository, Optional.empty(), false, Optional.empty()));
                } else {
                    if (!old.repository().equals(repository)) {
                        toRead.add(path); // remotes or mode may differ: the facts may too
                    }
                    ordered.put(path, new Entry(repository, old.facts(), old.syncing(), old.shown(), old.read()));
                }
            });
            entries.clear();
            entries.putAll(ordered);
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            publish.accept(new EngineEvent.WatchedChanged(now.get(), settings.repositories(), added, removed));
        }
        recomposeAll(); // enabled, pauses and names may have changed for every one
        toRead.forEach(this::refresh);
    }

    /** A cycle started. A poll is not shown as syncing: most find nothing, and an icon that spins every minute is noise. */
    void started(Path workTree, SyncRequest request) {
        if (request.trigger() == Trigger.POLL) {
            return;
        }
        update(workTree, e -> e.with(e.facts(), true, e.shown()), Optional.empty());
    }

    /** A cycle ended: the journal has it already. Anything but a routine no-op may have changed the work tree. */
    void finished(Path workTree, SyncOutcome outcome) {
        update(workTree, e -> e.with(e.facts(), false, e.shown()), Optional.of(outcome));
        if (!outcome.changedNothing() || outcome.trigger() != Trigger.POLL) {
            refresh(workTree);
        }
    }

    /** The journal changed for every repository (a pause, a resume, a reload): compose again, no git. */
    void recomposeAll() {
        List<Path> all;
        synchronized (this) {
            all = List.copyOf(entries.keySet());
        }
        for (Path p : all) {
            update(p, e -> e, Optional.empty());
        }
    }

    /** The journal changed for one repository (its attention, say): compose again, no git. */
    void recompose(Path workTree) {
        update(workTree, e -> e, Optional.empty());
    }

    /** Something says the work tree may have changed: read its facts again (queued, one git status at a time). */
    void refresh(Path workTree) {
        Path key = key(workTree);
        boolean start;
        synchronized (this) {
            if (!entries.containsKey(key) || !queued.add(key)) {
                return;
            }
            start = !reading;
            reading = true;
        }
        if (start) {
            work.execute(this::drain);
        }
    }

    /** The slow safety round: what the CLI, another process or the clock changed unseen. */
    void refreshAll() {
        refreshAll(true);
    }

    /**
     * The safety round. In full, every repository's facts are read again (a git status each);
     * otherwise only those whose git state changed since they were last read ({@link
     * GitFingerprint}: a commit, checkout, fetch or rebase by another process), with a few stat
     * calls each, and those whose state cannot be told that way.
     */
    void refreshAll(boolean full) {
        Map<Path, Entry> all;
        synchronized (this) {
            all = new LinkedHashMap<>(entries);
        }
        all.forEach((path, e) -> {
            if (full || e.read().isEmpty() || !GitFingerprint.of(e.repository().workTree()).equals(e.read())) {
                refresh(path);
            }
        });
    }

    /** Every known status, in config order; repositories not read yet are left out. */
    synchronized List<RepoStatus> statuses() {
        return entries.values().stream().map(Entry::shown).flatMap(Optional::stream).toList();
    }

    synchronized Optional<RepoStatus> status(Path workTree) {
        return Optional.ofNullable(entries.get(key(workTree))).flatMap(Entry::shown);
    }

    private void drain() {
        while (true) {
            Path next;
            RepositorySettings repository;
            StatusReader r;
            synchronized (this) {
                var it = queued.iterator();
                if (!it.hasNext()) {
                    reading = false;
                    return;
                }
                next = it.next();
                it.remove();
                Entry e = entries.get(next);
                if (e == null) {
                    continue;
                }
                repository = e.repository();
                r = reader;
            }
            Optional<String> sign = GitFingerprint.of(repository.workTree()); // before the read: a change during it shows next time
            RepoFacts facts = r.facts(repository);
            update(next, e -> new Entry(e.repository(), Optional.of(facts), e.syncing(), e.shown(), sign), Optional.empty());
        }
    }

    /** Applies {@code change}, composes the status (if its facts are known or it syncs) and publishes a change. */
    private void update(Path workTree, java.util.function.UnaryOperator<Entry> change, Optional<SyncOutcome> because) {
        Path key = key(workTree);
        State state = journalState();
        EngineEvent.StateChanged event = null;
        synchronized (this) {
            Entry e = entries.get(key);
            if (e == null) {
                return;
            }
            e = change.apply(e);
            Optional<RepoStatus> next = e.facts().isPresent() || e.syncing()
                    ? Optional.of(reader.compose(e.repository(), e.facts().orElse(pending(e.repository())), state, e.syncing()))
                    : Optional.empty();
            if (next.isPresent() && !next.equals(e.shown())) {
                event = new EngineEvent.StateChanged(now.get(), e.repository().workTree(), e.shown(), next.get(), because);
            }
            entries.put(key, e.with(e.facts(), e.syncing(), next.isPresent() ? next : e.shown()));
        }
        if (event != null) {
            publish.accept(event);
        }
    }

    /** Facts not read yet, while the first sync runs: nothing is claimed about the work tree. */
    private static RepoFacts pending(RepositorySettings repository) {
        return new RepoFacts("", 0, 0, 0, Optional.empty(), repository.remotes(), false, List.of(), Optional.empty());
    }

    private State journalState() {
        try {
            return journal.read();
        } catch (IOException e) {
            return State.empty();
        }
    }

    private static Path key(Path workTree) {
        return Paths.canonical(workTree);
    }
}
