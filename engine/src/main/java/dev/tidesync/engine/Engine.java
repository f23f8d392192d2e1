package dev.tidesync.engine;

import dev.tidesync.model.RequestedBy;
import dev.tidesync.hook.HookReply;
import dev.tidesync.hook.HookPlan;
import dev.tidesync.hook.HookEvent;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Paths;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.engine.EngineEvent.Level;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.sync.Backoff;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import dev.tidesync.trigger.RootScanner;
import dev.tidesync.trigger.Scheduler;
import dev.tidesync.trigger.SleepDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * One per user: watches every repository and decides when to run the sync cycle. The headless
 * `tidesync run` and the tray app host the same engine; they differ only in who listens.
 */
public final class Engine implements AutoCloseable {

    /**
     * @param runners      builds the cycle runner for the current settings (SyncService in production)
     * @param work         where cycles run (virtual threads in production, the caller's thread in tests)
     * @param watchFiles   whether to watch work trees and refs (tests of timing rules drive triggers directly)
     * @param tick         how often to check for sleep, config edits and new repositories under watch roots
     * @param backgroundCycles how many automatic cycles may run at once across all repositories (0: no limit); a
     *                     person's sync never waits for one. With 200 repositories catching up at start, running
     *                     them all at once held every one's JGit state in memory together.
     */
    public record Options(ConfigStore config, Journal journal, Function<Settings, CycleRunner> runners, Scheduler scheduler,
                          Executor work, Executor watcherThreads, RandomGenerator random, boolean watchFiles, Duration tick,
                          int backgroundCycles) {

        public Options(ConfigStore config, Journal journal, Function<Settings, CycleRunner> runners, Scheduler scheduler,
                       Executor work, Executor watcherThreads, RandomGenerator random, boolean watchFiles, Duration tick) {
            this(config, journal, runners, scheduler, work, watcherThreads, random, watchFiles, tick, 0);
        }
    }

    private final Options options;
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Path, Watched> watched = new LinkedHashMap<>();
    private final SleepDetector sleep;
    private final StatusBoard board;
    private final java.util.concurrent.Semaphore backgroundSlots;
    private Optional<dev.tidesync.journal.Pause> globalPause = Optional.empty();
    private int ticks;
    private dev.tidesync.trigger.WatchHub hub;
    private volatile Settings settings;
    private volatile CycleRunner runner;
    private volatile Backoff backoff;
    private FileTime configSeen;
    private Scheduler.Timer tickTimer;
    private volatile boolean stopping;
    private boolean checkingObjects;
    /** Why automatic syncing waits because syncing costs now (the app's watch of power and network), if it does. */
    private volatile Optional<String> costPause = Optional.empty();
    /** The announcement channel; null while announce.url is not set. */
    private volatile Announcer announcer;
    private dev.tidesync.config.AnnounceSettings announcing;

    private record Watched(RepoLane lane, RepoTriggers triggers) {}

    public Engine(Options options) {
        this.options = options;
        this.sleep = new SleepDetector(options.scheduler());
        this.backgroundSlots = options.backgroundCycles() > 0 ? new java.util.concurrent.Semaphore(options.backgroundCycles(), true) : null;
        this.board = new StatusBoard(options.journal(), options.journal().clock(), options.work(), this::publish, this::now);
    }

    /**
     * The safety round re-reads every repository's facts this many ticks apart (10 minutes with
     * the production tick): what the CLI, another process or the clock changed without an event.
     */
    static final int SAFETY_ROUND_TICKS = 20;
    /**
     * Every this many ticks (an hour) the safety round reads every repository in full; the rounds
     * between re-read only those whose git state changed (a few stat calls each), since a full
     * round of 200 git statuses was half of an idle engine's CPU.
     */
    static final int FULL_SAFETY_ROUND_TICKS = 120;

    /**
     * The integrity check: a round every this many ticks (an hour) reads every object of the
     * repositories not checked for a day, one at a time; the first round comes a few ticks after
     * the start, when the catch-up is done.
     */
    static final int OBJECT_CHECK_TICKS = 120;
    static final int OBJECT_CHECK_FIRST_TICK = 10;
    static final Duration OBJECT_CHECK_EVERY = Duration.ofDays(1);
    /** Rounds a day's checks are spread over, so 200 repositories are never all read in one go. */
    static final int OBJECT_CHECK_SPREAD = 20;

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    /** Loads the config, picks up repositories under watch roots, starts every trigger and catches up once. */
    public synchronized void start() throws ConfigException {
        apply(options.config().load().settings());
        adoptWatchRoots();
        configSeen = configTime();
        for (Watched w : watched.values()) {
            w.lane().request(catchUp());
        }
        publish(new EngineEvent.Notice(now(), "tidesync", Level.INFO, "watching " + watched.size() + " repositories"));
        scheduleTick();
    }

    /**
     * All repositories share one inotify instance, which holds one watch per folder; Linux caps
     * the watches per user (fs.inotify.max_user_watches, 8192 on older kernels, far more on
     * newer ones). Say how to raise the limit when that is what failed.
     */
    static String watchLimitAdvice(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("inotify watches")) {
            return " (every watched folder takes one inotify watch: raise the limit with `sudo sysctl fs.inotify.max_user_watches=524288`,"
                    + " and add it to /etc/sysctl.d to keep it)";
        }
        return m.contains("inotify") || m.contains("too many open files")
                ? " (other programs hold this user's inotify instances; `sudo sysctl fs.inotify.max_user_instances=1024` allows more)" : "";
    }

    /** The sync that finishes whatever happened while the engine was not running (or a repository was not watched). */
    private SyncRequest catchUp() {
        return SyncRequest.of(settings.triggers().fileChange().enabled() ? Action.SYNC : Action.PULL, Trigger.STARTUP);
    }

    /** Re-reads config.json: new, removed and changed repositories and triggers take effect now. */
    public synchronized void reload() {
        try {
            apply(options.config().load().settings());
            configSeen = configTime();
            for (Watched w : watched.values()) {
                w.lane().somethingChanged("the settings changed", false);
            }
        } catch (ConfigException e) {
            publish(new EngineEvent.Notice(now(), "tidesync", Level.ERROR, e.getMessage() + "; keeping the previous settings"));
        }
    }

    private void apply(Settings next) {
        // Triggers read only the trigger settings and their repository's: unchanged ones keep their watcher and timers.
        boolean sameTriggers = settings != null && settings.triggers().equals(next.triggers());
        this.settings = next;
        this.runner = options.runners().apply(next);
        this.backoff = new Backoff(next.throttle());
        Map<Path, RepositorySettings> wanted = new LinkedHashMap<>();
        next.repositories().forEach(r -> wanted.put(Paths.canonical(r.workTree()), r));
        for (Path gone : new ArrayList<>(watched.keySet())) {
            if (!wanted.containsKey(gone)) {
                Watched w = watched.remove(gone);
                w.triggers().close();
                w.lane().stop();
                publish(new EngineEvent.Notice(now(), w.lane().repository().name(), Level.INFO, "no longer watched"));
            }
        }
        wanted.forEach((path, repository) -> {
            Watched old = watched.get(path);
            if (old != null && sameTriggers && old.lane().repository().equals(repository)) {
                return;
            }
            RepoLane lane = old != null ? old.lane() : new RepoLane(repository, laneContext());
            lane.repository(repository);
            if (old != null) {
                old.triggers().close();
            }
            RepoTriggers triggers = new RepoTriggers(lane, next, options.scheduler(), options.random(), this::publish,
                    () -> board.refresh(repository.workTree()), () -> announcesTo(repository.workTree()));
            try {
                triggers.start(watchHub());
            } catch (IOException | dev.tidesync.git.NotARepositoryException | RuntimeException e) {
                publish(new EngineEvent.Notice(now(), repository.name(), Level.ERROR, "cannot watch " + repository.path() + ": "
                        + e.getMessage() + "; it is still polled" + watchLimitAdvice(e)));
            }
            watched.put(path, new Watched(lane, triggers));
            if (old == null) {
                publish(new EngineEvent.Notice(now(), repository.name(), Level.DEBUG, "watching " + repository.path()));
            }
        });
        board.watch(next);
        noticePauseChange();
        announce(next);
    }

    /** Opens, replaces or closes the announcement channel as the settings say, and listens for every repository. */
    private void announce(Settings next) {
        boolean changed = announcing == null || !announcing.equals(next.announce());
        if (changed) {
            if (announcer != null) {
                announcer.close();
                announcer = null;
                channelChanged(new dev.tidesync.announce.ChannelState.Off());
            }
            announcing = next.announce();
            if (next.announce().enabled()) {
                try {
                    // Said before the channel starts, so its own first change (connected, failed) always comes after.
                    publish(new EngineEvent.ChannelChanged(now(), new dev.tidesync.announce.ChannelState.Connecting(next.announce().url())));
                    announcer = new Announcer(next.announce(), options.journal().clock(), this::announced, this::channelChanged);
                } catch (org.eclipse.paho.client.mqttv3.MqttException | IllegalArgumentException e) {
                    publish(new EngineEvent.Notice(now(), "tidesync", Level.ERROR, "announcements cannot start (" + e.getMessage()
                            + "); check announce.url. Syncing by polling meanwhile"));
                    publish(new EngineEvent.ChannelChanged(now(), new dev.tidesync.announce.ChannelState.Off()));
                }
            }
        }
        if (announcer != null) {
            announcer.watch(next.repositories());
        }
    }

    private boolean announcesTo(Path workTree) {
        Announcer a = announcer;
        return a != null && a.covers(workTree);
    }

    /**
     * The channel came up, went down or failed. While it is down, polls are the only way other
     * machines' pushes arrive: every wait stretched on the channel's account ends within one interval.
     */
    private void channelChanged(dev.tidesync.announce.ChannelState state) {
        boolean up = state instanceof dev.tidesync.announce.ChannelState.Connected;
        publish(new EngineEvent.ChannelChanged(now(), state));
        if (!up) {
            List<Watched> all;
            synchronized (this) {
                all = List.copyOf(watched.values());
            }
            all.forEach(w -> w.triggers().announcementsLost());
        }
    }

    /** Another machine pushed a branch this repository follows: sync now rather than at the next poll. */
    private void announced(Path workTree) {
        Watched w;
        synchronized (this) {
            w = stopping ? null : watched.get(workTree);
        }
        if (w != null) {
            w.lane().request(SyncRequest.of(Action.SYNC, Trigger.ANNOUNCE));
        }
    }

    /** What became of the announcements that arrived; empty while the channel is off. */
    public synchronized Optional<dev.tidesync.announce.AnnouncementCounts> announcementCounts() {
        return Optional.ofNullable(announcer).map(Announcer::counts);
    }

    /** The work trees whose branches the connected channel listens on now; empty while it is not connected. */
    public java.util.Set<Path> announcedRepositories() {
        Announcer a = announcer;
        return a == null ? java.util.Set.of() : a.covered();
    }

    /** The announcement channel as the engine sees it now. */
    public synchronized dev.tidesync.announce.ChannelState announcements() {
        return announcer == null ? new dev.tidesync.announce.ChannelState.Off() : announcer.state();
    }

    /** The one watch service for every repository, opened with the first; empty when files are not watched. */
    private Optional<dev.tidesync.trigger.WatchHub> watchHub() throws IOException {
        if (!options.watchFiles()) {
            return Optional.empty();
        }
        if (hub == null) {
            hub = dev.tidesync.trigger.WatchHub.start(options.watcherThreads());
        }
        return Optional.of(hub);
    }

    /** Adds repositories found under the configured watch roots to the config (once each). */
    private void adoptWatchRoots() {
        List<Path> fresh = new ArrayList<>();
        for (Settings.WatchRoot root : settings.watchRoots()) {
            for (Path found : RootScanner.repositories(Path.of(root.path()), root.maxDepth(), java.util.Set.copyOf(root.skipFolders()))) {
                if (settings.repository(found).isEmpty() && !settings.excluded(found)) {
                    fresh.add(Paths.canonical(found));
                }
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try {
            Settings next = options.config().update(doc ->
                    fresh.forEach(p -> ConfigStore.addRepository(doc, p, String.valueOf(p.getFileName()))));
            apply(next);
            configSeen = configTime();
            for (Path p : fresh) {
                publish(new EngineEvent.Notice(now(), String.valueOf(p.getFileName()), Level.INFO, "found under a watch root; now watched"));
                Optional.ofNullable(watched.get(p)).ifPresent(w -> w.lane().request(catchUp()));
            }
        } catch (ConfigException e) {
            publish(new EngineEvent.Notice(now(), "tidesync", Level.ERROR, "could not add repositories found under watch roots: "
                    + e.getMessage()));
        }
    }

    private void scheduleTick() {
        tickTimer = options.scheduler().after(options.tick(), () -> {
            if (stopping) {
                return;
            }
            tick();
            synchronized (this) {
                if (!stopping) {
                    scheduleTick();
                }
            }
        });
    }

    /** The periodic look around: the machine slept, the config was edited, a repository appeared. */
    synchronized void tick() {
        if (++ticks % SAFETY_ROUND_TICKS == 0) {
            board.refreshAll(ticks % FULL_SAFETY_ROUND_TICKS == 0);
        }
        if (ticks % OBJECT_CHECK_TICKS == OBJECT_CHECK_FIRST_TICK) {
            checkObjectsRound();
        }
        board.recomposeAll(); // pauses end by the clock; cheap, no git
        noticePauseChange();
        if (sleep.jumped()) {
            catchUpAll("the clock jumped (the machine slept or its time was set)");
        }
        FileTime seen = configTime();
        if (seen != null && !seen.equals(configSeen)) {
            reload();
        }
        adoptWatchRoots();
    }

    /**
     * Checks the objects of the repositories whose last check is a day old or missing (at most a
     * twentieth of them, at least one), each on its lane between syncs, one after another. Damage
     * is recorded by the runner, becomes the repository's state and holds its automatic syncs.
     */
    synchronized void checkObjectsRound() {
        if (checkingObjects || stopping || !settings.enabled()) {
            return;
        }
        dev.tidesync.journal.State state;
        try {
            state = options.journal().read();
        } catch (IOException e) {
            publish(new EngineEvent.Notice(now(), "tidesync", Level.WARN, "could not read the state for the integrity check: " + e.getMessage()));
            return;
        }
        Instant dueBefore = now().minus(OBJECT_CHECK_EVERY);
        int perRound = Math.max(1, (watched.size() + OBJECT_CHECK_SPREAD - 1) / OBJECT_CHECK_SPREAD);
        List<RepoLane> due = watched.values().stream().map(Watched::lane).filter(l -> {
            dev.tidesync.journal.ObjectCheck last = state.repository(l.repository().workTree().toString()).objectCheck();
            return last == null || last.at().isBefore(dueBefore);
        }).limit(perRound).toList();
        if (due.isEmpty()) {
            return;
        }
        checkingObjects = true;
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (RepoLane lane : due) {
            chain = chain.thenCompose(v -> lane.between(() -> checkObjects(lane, state)));
        }
        chain.whenComplete((v, e) -> {
            synchronized (Engine.this) {
                checkingObjects = false;
            }
        });
    }

    private void checkObjects(RepoLane lane, dev.tidesync.journal.State before) {
        RepositorySettings r = lane.repository();
        Optional<dev.tidesync.journal.ObjectCheck> check = runner.checkObjects(r);
        if (check.isEmpty()) {
            return;
        }
        dev.tidesync.journal.ObjectCheck last = before.repository(r.workTree().toString()).objectCheck();
        boolean wasDamaged = last != null && last.found().isPresent();
        check.get().found().ifPresentOrElse(damage -> {
            String why = check.get().sentence(r.name());
            publish(new EngineEvent.Notice(now(), r.name(), Level.ERROR, why));
            lane.attentionNeeded(why);
        }, () -> {
            if (wasDamaged) {
                lane.somethingChanged("its objects are whole again", false);
            }
        });
        board.recompose(r.workTree());
    }

    /** After sleep or when the network returns: retry transient failures now and pull everything. */
    public synchronized void catchUpAll(String because) {
        publish(new EngineEvent.Notice(now(), "tidesync", Level.INFO, "catching up: " + because));
        for (Watched w : watched.values()) {
            w.lane().somethingChanged(because, true);
            w.triggers().pollNow();
        }
    }

    /** Queues a sync of the watched repository at {@code workTree}. */
    public CompletableFuture<SyncOutcome> submit(Path workTree, SyncRequest request) {
        Watched w;
        synchronized (this) {
            w = watched.get(Paths.canonical(workTree));
        }
        if (w == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(workTree + " is not watched by Tidesync"));
        }
        return w.lane().request(request);
    }

    /**
     * An agent hook: decided here (repository, switches, prompt draw), carried out on the lane.
     * Only a session start waits, at most {@code wait}, so the session begins up to date.
     */
    public HookReply hook(HookEvent event, Path cwd, Duration wait) {
        return hook(event, cwd, wait, RequestedBy.implied(event.trigger()));
    }

    /** As {@link #hook(HookEvent, Path, Duration)}, recording {@code who} ran the hook (the agent and its session). */
    public HookReply hook(HookEvent event, Path cwd, Duration wait, RequestedBy who) {
        HookPlan plan;
        try {
            plan = HookPlan.of(settings, options.journal(), event, cwd, now(), options.random());
        } catch (IOException e) {
            return new HookReply(false, "Tidesync could not read its state: " + e.getMessage());
        }
        if (plan.request().isEmpty()) {
            plan.repository().ifPresent(r -> publish(new EngineEvent.Notice(now(), r.name(), Level.DEBUG,
                    event.id() + " hook: no sync, " + plan.why())));
            return new HookReply(false, plan.why());
        }
        RepositorySettings repository = plan.repository().orElseThrow();
        CompletableFuture<SyncOutcome> outcome = submit(repository.workTree(), plan.request().get().by(who));
        boolean silent = settings.triggers().silent(event.trigger());
        if (!event.waits()) {
            return new HookReply(true, plan.request().get().action().id() + " of " + repository.name() + " queued", silent);
        }
        try {
            SyncOutcome o = outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new HookReply(o.result() != SyncResult.FAILED, repository.name() + ": " + o.message(), silent && o.result().wentWell());
        } catch (java.util.concurrent.TimeoutException e) {
            return new HookReply(true, repository.name() + ": still syncing in the background", silent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HookReply(false, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new HookReply(false, e.getCause().getMessage());
        }
    }

    /** The repositories being watched, and whether each needs attention. */
    public synchronized Map<Path, Optional<String>> attention() {
        Map<Path, Optional<String>> all = new LinkedHashMap<>();
        watched.forEach((p, w) -> all.put(p, w.lane().attention()));
        return all;
    }

    /** Every watched repository's status as the engine knows it now, in config order (those not read yet are left out). */
    public List<dev.tidesync.status.RepoStatus> statuses() {
        return board.statuses();
    }

    /**
     * The status of these work trees (every watched one when none is named) read now, a git status
     * each, as `tidesync status` reads it: the board's facts may wait for a quiet period, a person
     * asking may not. Empty when one of them is not watched here (the config changed since the
     * engine read it): the caller reads them itself.
     */
    public Optional<List<dev.tidesync.status.RepoStatus>> readStatuses(List<Path> workTrees) {
        Settings s = settings;
        List<RepositorySettings> chosen = new ArrayList<>();
        if (workTrees.isEmpty()) {
            chosen.addAll(s.repositories());
        }
        for (Path p : workTrees) {
            Optional<RepositorySettings> r = s.repository(Paths.canonical(p));
            if (r.isEmpty()) {
                return Optional.empty();
            }
            chosen.add(r.get());
        }
        dev.tidesync.journal.State state;
        try {
            state = options.journal().read();
        } catch (IOException e) {
            return Optional.empty();
        }
        dev.tidesync.status.StatusReader reader = new dev.tidesync.status.StatusReader(s, options.journal().clock());
        return Optional.of(chosen.stream().map(r -> reader.read(r, state)).toList());
    }

    /**
     * Makes automatic syncing wait while syncing is costly ({@code why}: "on battery power"), or
     * (empty) go on: background triggers are skipped meanwhile; a person's sync and an agent's
     * session start and end still run. When the wait ends, every repository catches up once.
     * Kept in memory only: a restart on mains power never inherits it.
     */
    public void pauseWhileCostly(Optional<String> why) {
        List<RepoLane> lanes;
        synchronized (this) {
            if (costPause.equals(why)) {
                return;
            }
            costPause = why;
            lanes = watched.values().stream().map(Watched::lane).toList();
        }
        publish(new EngineEvent.CostPauseChanged(now(), why));
        if (why.isEmpty()) {
            lanes.forEach(l -> l.request(catchUp()));
        }
    }

    /** Why automatic syncing waits because syncing is costly now, if it does. */
    public Optional<String> costPause() {
        return costPause;
    }

    /** The global pause, if one is on now. */
    public synchronized Optional<dev.tidesync.journal.Pause> globalPause() {
        return globalPause;
    }

    /**
     * Pauses automatic syncing of one repository or (empty) all of them, for a while or (empty)
     * until resumed. Writes the journal; call it off any UI thread.
     */
    public void pause(Optional<Path> workTree, Optional<Duration> duration) throws IOException {
        dev.tidesync.journal.Pauses.pause(options.journal(), workTree, now(), duration);
        board.recomposeAll();
        synchronized (this) {
            noticePauseChange();
        }
    }

    /** Ends one repository's pause or (empty) every pause, and catches up on what waited. */
    public void resume(Optional<Path> workTree) throws IOException {
        dev.tidesync.journal.Pauses.resume(options.journal(), workTree);
        board.recomposeAll();
        List<RepoLane> lanes;
        synchronized (this) {
            noticePauseChange();
            lanes = watched.entrySet().stream().filter(e -> workTree.isEmpty() || e.getKey().equals(Paths.canonical(workTree.get())))
                    .map(e -> e.getValue().lane()).toList();
        }
        for (RepoLane lane : lanes) {
            lane.somethingChanged("syncing was resumed", false);
            // A person resumed: what waited syncs now, as if asked for by hand.
            lane.request(SyncRequest.of(settings.triggers().fileChange().enabled() ? Action.SYNC : Action.PULL, Trigger.MANUAL));
        }
    }

    /** Publishes a change of the global pause (however it was made: here, the CLI, a hand edit); call holding the monitor. */
    private void noticePauseChange() {
        Optional<dev.tidesync.journal.Pause> now;
        try {
            now = Optional.ofNullable(options.journal().read().pause()).filter(p -> p.activeAt(now()));
        } catch (IOException e) {
            return;
        }
        if (!now.equals(globalPause)) {
            globalPause = now;
            publish(new EngineEvent.PauseChanged(now(), now));
        }
    }

    /** Reads the repository's facts again (a git status) and publishes its status if it changed. */
    public void refresh(Path workTree) {
        board.refresh(workTree);
    }

    /** The triggers of one repository, for specs that drive them directly. */
    synchronized RepoTriggers triggers(Path workTree) {
        return watched.get(Paths.canonical(workTree)).triggers();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Stops every trigger and waits up to {@code grace} for running cycles. A cycle cut short by
     * process exit is safe: integration is one checkout guarded by an intent file, pushes are atomic.
     *
     * @return true when nothing was still running at the end
     */
    public boolean stop(Duration grace) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            if (tickTimer != null) {
                tickTimer.cancel();
            }
            for (Watched w : watched.values()) {
                w.triggers().close();
                running.add(w.lane().stop());
            }
        }
        synchronized (this) {
            if (hub != null) {
                hub.close();
            }
            if (announcer != null) {
                announcer.close();
                announcer = null;
            }
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(8));
    }

    private FileTime configTime() {
        try {
            Path file = options.config().file();
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Instant now() {
        return options.scheduler().now();
    }

    void publish(EngineEvent event) {
        for (EngineListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // A listener's bug must not stop the engine.
            }
        }
    }

    private RepoLane.Context laneContext() {
        return new RepoLane.Context() {
            public Scheduler scheduler() {
                return options.scheduler();
            }

            public Executor work() {
                return options.work();
            }

            public RandomGenerator random() {
                return options.random();
            }

            public Backoff backoff() {
                return backoff;
            }

            public CycleRunner runner() {
                return (r, q) -> {
                    Optional<String> costly = costPause;
                    if (costly.isPresent() && !q.trigger().immediate()) {
                        return SyncOutcome.skipped(r.workTree(), r.name(), q, now(), "Automatic syncing waits while " + costly.get()
                                + " (desktop.pauseWhen); Sync now still syncs");
                    }
                    if (backgroundSlots == null || q.trigger().immediate()) {
                        return runner.run(r, q);
                    }
                    backgroundSlots.acquireUninterruptibly(); // cycles run on virtual threads: waiting here costs nothing
                    try {
                        return runner.run(r, q);
                    } finally {
                        backgroundSlots.release();
                    }
                };
            }

            public void started(RepoLane lane, SyncRequest request) {
                RepositorySettings r = lane.repository();
                publish(new EngineEvent.SyncStarted(now(), r.workTree(), r.name(), request));
                board.started(r.workTree(), request);
            }

            public void finished(RepoLane lane, SyncOutcome outcome) {
                publish(new EngineEvent.SyncFinished(now(), outcome));
                board.finished(lane.repository().workTree(), outcome);
                Announcer a = Engine.this.announcer;
                if (a != null) {
                    a.finished(lane.repository(), outcome);
                }
                if (outcome.reachedRemote()) {
                    networkWorked(lane);
                }
            }

            public void attentionChanged(RepoLane lane, Optional<String> why, String because) {
                RepositorySettings r = lane.repository();
                String key = r.workTree().toString();
                try {
                    options.journal().update(s -> s.with(key, s.repository(key).withAttention(why.orElse(null))));
                } catch (IOException e) {
                    publish(new EngineEvent.Notice(now(), r.name(), Level.WARN, "could not record the attention state: " + e.getMessage()));
                }
                publish(why.<EngineEvent>map(w -> new EngineEvent.AttentionNeeded(now(), r.workTree(), r.name(), w))
                        .orElseGet(() -> new EngineEvent.AttentionCleared(now(), r.workTree(), r.name(), because)));
                board.recompose(r.workTree());
            }
        };
    }

    /** One repository reached its remote: others that failed for lack of network try again now. */
    private void networkWorked(RepoLane reached) {
        List<RepoLane> others;
        synchronized (this) {
            others = watched.values().stream().map(Watched::lane).filter(l -> l != reached && l.failures() > 0).toList();
        }
        others.forEach(l -> l.somethingChanged("the network is back", true));
    }
}
