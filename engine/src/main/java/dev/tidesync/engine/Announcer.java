package dev.tidesync.engine;

import dev.tidesync.announce.AnnounceKey;
import dev.tidesync.announce.Announcement;
import dev.tidesync.announce.ChannelState;
import dev.tidesync.announce.MqttChannel;
import dev.tidesync.config.AnnounceSettings;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.git.Connectivity;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Inspector;
import dev.tidesync.git.RemoteUrl;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.config.Paths;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The engine's side of the announcement channel. After a push that moved a remote's branch it
 * announces the new revision on that branch's topic; when another machine announces one, the
 * repositories on that topic that lack the revision are told to sync, once per burst (300 ms).
 * Polling goes on underneath: a lost message costs only the wait for the next poll.
 */
final class Announcer implements AutoCloseable {

    static final long DEBOUNCE_MS = 300;

    private final AnnounceKey key;
    private final String device = UUID.randomUUID().toString();
    private final Clock clock;
    private final Consumer<Path> news;
    private final ScheduledExecutorService timers;
    private final MqttChannel channel;
    /** topic → work trees on it, and back. */
    private final Map<String, Set<Path>> byTopic = new ConcurrentHashMap<>();
    private final Map<Path, String> topicOf = new ConcurrentHashMap<>();
    /** The remotes each topic was worked out from: changed remotes, a new topic. */
    private final Map<Path, List<String>> remotesOf = new ConcurrentHashMap<>();
    private final Set<Path> queued = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong acted = new AtomicLong();
    private final AtomicLong own = new AtomicLong();
    private final AtomicLong known = new AtomicLong();
    private final Map<Announcement.Dropped, AtomicLong> dropped = new EnumMap<>(Announcement.Dropped.class);

    /**
     * @param news    told (on the announcer's thread) that a repository should sync because another machine pushed
     * @param changed told when the channel's state changes (connected, connecting, failed)
     */
    Announcer(AnnounceSettings settings, Clock clock, Consumer<Path> news, Consumer<ChannelState> changed)
            throws org.eclipse.paho.client.mqttv3.MqttException {
        this.key = new AnnounceKey(settings.key());
        this.clock = clock;
        this.news = news;
        for (Announcement.Dropped d : Announcement.Dropped.values()) {
            dropped.put(d, new AtomicLong());
        }
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tidesync-announce");
            t.setDaemon(true);
            return t;
        });
        this.channel = new MqttChannel(settings, "tidesync-" + device, timers, this::arrived, changed);
        channel.start();
    }

    ChannelState state() {
        return channel.state();
    }

    /** Whether another machine's push to this repository's branch would reach it now: connected and listening on its topic. */
    boolean covers(Path workTree) {
        return channel.state() instanceof ChannelState.Connected && topicOf.containsKey(Paths.canonical(workTree));
    }

    Set<Path> covered() {
        return channel.state() instanceof ChannelState.Connected ? Set.copyOf(topicOf.keySet()) : Set.of();
    }

    dev.tidesync.announce.AnnouncementCounts counts() {
        Map<Announcement.Dropped, Long> d = new EnumMap<>(Announcement.Dropped.class);
        dropped.forEach((k, v) -> d.put(k, v.get()));
        return new dev.tidesync.announce.AnnouncementCounts(received.get(), acted.get(), own.get(), known.get(), d);
    }

    /**
     * Listens for these repositories' branches (the topics are worked out from each one's primary
     * remote), on the announcer's thread: a reload of the settings does not wait for it, and a
     * repository whose remotes did not change keeps the topic it had.
     */
    void watch(List<RepositorySettings> repositories) {
        timers.execute(() -> {
            Map<Path, String> next = new java.util.HashMap<>();
            Map<Path, List<String>> remotes = new java.util.HashMap<>();
            for (RepositorySettings r : repositories) {
                Path path = Paths.canonical(r.workTree());
                remotes.put(path, r.remotes());
                Optional<String> topic = r.remotes().equals(remotesOf.get(path)) ? Optional.ofNullable(topicOf.get(path)) : Optional.empty();
                topic.or(() -> topic(r)).ifPresent(t -> next.put(path, t));
            }
            remotesOf.clear();
            remotesOf.putAll(remotes);
            topicOf.keySet().retainAll(next.keySet());
            topicOf.putAll(next);
            byTopic.clear();
            next.forEach((p, t) -> byTopic.computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet()).add(p));
            channel.subscribe(Set.copyOf(byTopic.keySet()));
        });
    }

    /** After a sync: if it moved the remote's branch, say so on its topic. */
    void finished(RepositorySettings repository, SyncOutcome outcome) {
        if (outcome.commitsOut() <= 0 || outcome.headAfter().isEmpty()) {
            return;
        }
        Path path = Paths.canonical(repository.workTree());
        // The first push may have just set the upstream: work the topic out again if it was not known.
        Optional<String> topic = Optional.ofNullable(topicOf.get(path)).or(() -> topic(repository));
        topic.ifPresent(t -> {
            if (!topicOf.containsKey(path)) {
                topicOf.put(path, t);
                byTopic.computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet()).add(path);
                channel.subscribe(Set.copyOf(byTopic.keySet()));
            }
            channel.publish(t, new Announcement(outcome.headAfter().get(), device, clock.instant()).encode(t, key));
        });
    }

    /** On Paho's thread: count, check, and hand off; git is read on our own thread. */
    private void arrived(String topic, byte[] payload) {
        received.incrementAndGet();
        switch (Announcement.decode(topic, payload, key)) {
            case Announcement.Read.Invalid invalid -> dropped.get(invalid.why()).incrementAndGet();
            case Announcement.Read.Valid valid when valid.announcement().device().equals(device) -> own.incrementAndGet();
            case Announcement.Read.Valid valid -> {
                for (Path repository : byTopic.getOrDefault(topic, Set.of())) {
                    if (queued.add(repository)) { // a burst of announcements is one sync
                        String revision = valid.announcement().revision();
                        timers.schedule(() -> settle(repository, revision), DEBOUNCE_MS, TimeUnit.MILLISECONDS);
                    }
                }
            }
        }
    }

    private void settle(Path repository, String revision) {
        queued.remove(repository);
        try (GitRepo repo = GitRepo.open(repository)) {
            if (Connectivity.has(repo, revision)) {
                known.incrementAndGet(); // already fetched (or our own push seen back): nothing to do
                return;
            }
        } catch (Exception e) {
            // cannot tell: a fetch will
        }
        acted.incrementAndGet();
        news.accept(repository);
    }

    /** The topic of the repository's primary remote and branch, as every machine names them; empty without a remote. */
    private Optional<String> topic(RepositorySettings r) {
        try (GitRepo repo = GitRepo.open(r.workTree())) {
            Optional<dev.tidesync.git.Upstream> upstream = Inspector.upstreamOf(repo, r.remotes()); // refs and config only: no status
            if (upstream.isEmpty()) {
                return Optional.empty();
            }
            return RemoteUrl.canonical(repo, upstream.get().remote()).map(url -> key.topic(url, upstream.get().remoteBranch()));
        } catch (Exception e) {
            return Optional.empty(); // not readable now: polled as before, and tried again on the next push
        }
    }

    @Override
    public void close() {
        channel.close();
        timers.shutdownNow();
    }
}
