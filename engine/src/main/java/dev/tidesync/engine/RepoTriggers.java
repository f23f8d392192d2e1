package dev.tidesync.engine;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.Triggers;
import dev.tidesync.engine.EngineEvent.Level;
import dev.tidesync.git.BranchHead;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.git.PathPatterns;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import dev.tidesync.trigger.ChangeRules;
import dev.tidesync.trigger.Debounce;
import dev.tidesync.git.IgnoreRules;
import dev.tidesync.trigger.Jitter;
import dev.tidesync.trigger.QuietPeriod;
import dev.tidesync.trigger.RepoWatcher;
import dev.tidesync.trigger.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Every automatic reason to sync one repository, wired to its lane: file changes after quiet,
 * commits made by hand, the poll and the schedule. Switches are read when each fires, so a
 * config change applies without restarting anything but the timers' lengths.
 */
final class RepoTriggers implements RepoWatcher.Listener, AutoCloseable {

    private final RepoLane lane;
    private final Settings settings;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Consumer<EngineEvent> notices;
    private final Runnable workTreeChanged;
    private final java.util.function.BooleanSupplier announced;
    private final ChangeRules rules;
    private final QuietPeriod quiet;
    private final Debounce refs;
    private RepoWatcher watcher;
    private Scheduler.Timer poll;
    private Scheduler.Timer schedule;
    private volatile boolean closed;
    /** Polls in a row that found nothing: each doubles the next interval, up to {@link Triggers.Poll#longestIntervalSeconds}. */
    private volatile int quietPolls;
    /** When the poll timer fires next: a stretched wait is cut short when the announcements stop. */
    private volatile java.time.Instant pollDue = java.time.Instant.MAX;

    /**
     * @param workTreeChanged told when files changed but no sync took them (the status must say so)
     * @param announced       whether the announcement channel is connected and listening for this repository now
     */
    RepoTriggers(RepoLane lane, Settings settings, Scheduler scheduler, RandomGenerator random, Consumer<EngineEvent> notices,
                 Runnable workTreeChanged, java.util.function.BooleanSupplier announced) {
        this.workTreeChanged = workTreeChanged;
        this.announced = announced;
        this.lane = lane;
        this.settings = settings;
        this.scheduler = scheduler;
        this.random = random;
        this.notices = notices;
        Triggers t = settings.triggers();
        this.rules = new ChangeRules(lane.repository().rules());
        this.quiet = new QuietPeriod(scheduler, Duration.ofMillis(t.fileChange().inactivityMs()), this::quietAfterChanges);
        this.refs = new Debounce(scheduler, Duration.ofMillis(t.localCommit().debounceMs()), this::refsSettled);
    }

    /** Starts the timers and, if asked, the file watcher; the first poll lands at a random point in its interval. */
    /** @param hub the engine's one watch service; empty when files are not watched (specs of timing rules) */
    void start(Optional<dev.tidesync.trigger.WatchHub> hub) throws IOException, NotARepositoryException {
        Triggers t = settings.triggers();
        schedulePoll(Jitter.within(Duration.ofSeconds(t.poll().intervalSeconds()), random));
        scheduleSchedule(Jitter.around(Duration.ofMinutes(t.schedule().intervalMinutes()), random));
        if (hub.isPresent()) {
            RepositorySettings r = lane.repository();
            try (GitRepo repo = GitRepo.open(r.workTree())) {
                watcher = RepoWatcher.start(repo.workTree(), repo.gitDir(), IgnoreRules.of(repo),
                        new PathPatterns(r.excludes()), this, hub.get());
            }
        }
    }

    @Override
    public void filesChanged(Set<String> paths) {
        quietPolls = 0;
        if (closed) {
            return;
        }
        if (settings.triggers().fileChange().enabled()) {
            quiet.changed(paths);
        } else {
            workTreeChanged.run(); // nothing will commit it by itself: the status shows it as changed
        }
    }

    @Override
    public void lostTrack() {
        if (!closed && settings.triggers().fileChange().enabled()) {
            quiet.lostTrack();
        }
    }

    @Override
    public void refsChanged() {
        quietPolls = 0;
        if (!closed) {
            refs.signal();
        }
    }

    /** The quiet period ended: sync the burst's paths that the change rules let through. */
    void quietAfterChanges(Optional<Set<String>> burst) {
        if (burst.isEmpty()) {
            rules.reset();
            lane.request(SyncRequest.of(Action.SYNC, Trigger.FILE_CHANGE));
            return;
        }
        Set<String> due = rules.isEmpty() ? burst.get() : rules.due(burst.get());
        if (due.isEmpty()) {
            notices.accept(new EngineEvent.Notice(scheduler.now(), lane.repository().name(), Level.DEBUG,
                    "changes to " + String.join(", ", burst.get()) + " wait for their change rule"));
            workTreeChanged.run();
            return;
        }
        lane.request(SyncRequest.scoped(Action.SYNC, Trigger.FILE_CHANGE, due));
    }

    /** Refs settled after a burst of ref writes: a person's commit is pushed; our own cycle's is not news. */
    void refsSettled() {
        if (closed) {
            return;
        }
        Optional<BranchHead> head;
        try (GitRepo repo = GitRepo.open(lane.repository().workTree())) {
            head = BranchHead.read(repo);
        } catch (IOException | NotARepositoryException | RuntimeException e) {
            return; // the repository is mid-change or gone; the next event or poll will see it
        }
        if (head.isEmpty() || head.get().head().equals(lane.lastHead().orElse(null))) {
            return;
        }
        lane.somethingChanged("the branch moved", false);
        if (head.get().ahead() > 0 && settings.triggers().localCommit().enabled()) {
            lane.request(SyncRequest.of(Action.PUSH, Trigger.LOCAL_COMMIT));
        }
    }

    private synchronized void schedulePoll(Duration delay) {
        pollDue = scheduler.now().plus(delay);
        poll = scheduler.after(delay, () -> {
            if (closed) {
                return;
            }
            if (settings.triggers().poll().enabled()) {
                lane.request(SyncRequest.of(Action.PULL, Trigger.POLL))
                        .thenAccept(o -> quietPolls = o.changedNothing() ? quietPolls + 1 : 0);
            }
            schedulePoll(Jitter.around(pollInterval(), random));
        });
    }

    /**
     * The poll interval, stretched for a quiet repository where the user allowed it or where
     * announcements bring other machines' pushes anyway: an idle engine with many repositories
     * stays calm, and anything happening (an edit, a commit, a pull that brought something, a
     * wake from sleep) brings the interval back at once.
     */
    Duration pollInterval() {
        Duration stretched = Duration.ofSeconds((long) settings.triggers().poll().intervalSeconds() << Math.min(quietPolls, 20));
        Duration longest = longestPollInterval();
        return stretched.compareTo(longest) < 0 ? stretched : longest;
    }

    /** The longest wait between polls a quiet run of them may reach now. */
    Duration longestPollInterval() {
        return Duration.ofSeconds(settings.triggers().poll().longestIntervalSeconds(announced.getAsBoolean()));
    }

    /** When the next poll is due. */
    java.time.Instant nextPoll() {
        return pollDue;
    }

    private void scheduleSchedule(Duration delay) {
        schedule = scheduler.after(delay, () -> {
            if (closed) {
                return;
            }
            Triggers.Schedule s = settings.triggers().schedule();
            if (s.enabled()) {
                lane.request(SyncRequest.of(Action.fromId(s.action()), Trigger.SCHEDULE));
            }
            scheduleSchedule(Jitter.around(Duration.ofMinutes(s.intervalMinutes()), random));
        });
    }

    /**
     * The announcement channel stopped covering this repository: a wait stretched on its account
     * ends within one plain interval, so other machines' pushes still arrive as often as the user asked.
     */
    synchronized void announcementsLost() {
        if (closed || poll == null) {
            return;
        }
        Duration plain = Duration.ofSeconds(settings.triggers().poll().intervalSeconds());
        if (pollDue.isAfter(scheduler.now().plus(plain))) {
            poll.cancel();
            schedulePoll(Jitter.within(plain, random));
        }
    }

    /** Asks for a pull now (after sleep, or when the network came back), then polls on as before. */
    void pollNow() {
        quietPolls = 0;
        if (!closed && settings.triggers().poll().enabled()) {
            lane.request(SyncRequest.of(Action.PULL, Trigger.POLL));
        }
    }

    @Override
    public void close() {
        closed = true;
        quiet.cancel();
        refs.cancel();
        if (poll != null) {
            poll.cancel();
        }
        if (schedule != null) {
            schedule.cancel();
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}
