package dev.tidesync.engine;

import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.announce.AnnounceKey;
import dev.tidesync.announce.Announcement;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.config.Triggers;
import dev.tidesync.fixture.Await;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.Mosquitto;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Trigger;
import dev.tidesync.trigger.SystemScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two machines on one remote, polls a day apart, and Debian's Mosquitto between them: a push on
 * one reaches the other through an announcement, not a poll.
 */
class AnnouncementsTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String KEY = "correct horse battery staple";

    @TempDir
    Path dir;

    private GitFixture fx;
    private Mosquitto broker;
    private final List<Running> engines = new ArrayList<>();

    /** One machine: its clone, its home, its engine, what it published. */
    private record Running(Path workTree, Engine engine, List<EngineEvent> events, SystemScheduler scheduler, ExecutorService work) {}

    @BeforeEach
    void aBrokerAndARemote() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"), Optional.empty());
        fx = new GitFixture(dir);
        Path first = fx.machine("seed");
        write(first, "readme.md", "hello\n");
        fx.sync(first);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Running r : engines) {
            r.engine().stop(Duration.ofSeconds(10));
            r.scheduler().close();
            r.work().shutdownNow();
        }
        broker.close();
    }

    private Running machine(String name, String key) throws Exception {
        return machine(name, key, 86_400);
    }

    private Running machine(String name, String key, int pollSeconds) throws Exception {
        return machine(name, pollSeconds, "\"url\": \"" + broker.url() + "\", \"key\": \"" + key + "\"", true);
    }

    /** @param announce the announce section's members; @param connected whether to wait for the channel to come up */
    private Running machine(String name, int pollSeconds, String announce, boolean connected) throws Exception {
        Path clone = fx.machine(name);
        TidesyncHome home = TidesyncHome.single(dir.resolve(name + "-home"));
        Files.createDirectories(home.configDir());
        Files.writeString(home.configFile(), """
                {"throttle": {"minIntervalSeconds": 0},
                 "triggers": {"fileChange": {"inactivityMs": 200}, "poll": {"intervalSeconds": %d}},
                 "announce": {%s},
                 "repositories": [{"path": "%s"}]}
                """.formatted(pollSeconds, announce, clone));
        ConfigStore config = new ConfigStore(home.configFile());
        Clock clock = Clock.systemUTC();
        Journal journal = new Journal(home, config.load().settings().history(), clock);
        SystemScheduler scheduler = new SystemScheduler(clock);
        ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
        Engine engine = new Engine(new Engine.Options(config, journal,
                s -> new RecordedSync(s, journal, GitAccess.jgitOnly(), clock, name), scheduler, work, Executors.newCachedThreadPool(),
                RandomGenerator.getDefault(), true, Duration.ofSeconds(30)));
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        engine.addListener(events::add);
        engine.start();
        Running running = new Running(clone, engine, events, scheduler, work);
        engines.add(running);
        if (connected) {
            Await.until(name + " connected to the broker", LIMIT, () -> engine.announcements().id().equals("connected"));
        }
        Await.until(name + "'s start-up sync finished", LIMIT, () -> events.stream().anyMatch(EngineEvent.SyncFinished.class::isInstance));
        return running;
    }

    private static boolean syncedBy(Running r, Trigger trigger) {
        return r.events().stream().filter(EngineEvent.SyncFinished.class::isInstance)
                .anyMatch(e -> ((EngineEvent.SyncFinished) e).outcome().trigger() == trigger);
    }

    @Test
    void aPushOnOneMachineIsPulledOnTheOtherThroughAnAnnouncementNotAPoll() throws Exception {
        Running laptop = machine("laptop", KEY);
        Running desktop = machine("desktop", KEY);

        write(laptop.workTree(), "today.md", "written on the laptop\n");

        Await.until("the desktop has the laptop's file", LIMIT, () -> Files.exists(desktop.workTree().resolve("today.md")));
        assertThat(Files.readString(desktop.workTree().resolve("today.md"))).isEqualTo("written on the laptop\n");
        Await.until("the desktop's sync was the announcement's", LIMIT, () -> syncedBy(desktop, Trigger.ANNOUNCE));
        assertThat(syncedBy(desktop, Trigger.POLL)).as("polls are a day apart").isFalse();
        assertThat(laptop.engine().announcementCounts()).hasValueSatisfying(c -> assertThat(c.own()).isPositive());
        GitFixture.assertHealthy(desktop.workTree());
    }

    @Test
    void aMachineWithAnotherKeyHearsNothingAndForgedOrBrokenMessagesAreDroppedAndCounted() throws Exception {
        Running laptop = machine("laptop", KEY);
        Running stranger = machine("stranger", "some other person's key");
        String topic = new AnnounceKey(KEY).topic("file://" + fx.remote().toRealPath().toString().replaceAll("\\.git$", ""), "refs/heads/main");
        String forged = new String(new Announcement("0".repeat(40), "intruder", java.time.Instant.now())
                .encode(topic, new AnnounceKey("a guess at the key, wrong")), java.nio.charset.StandardCharsets.UTF_8);

        broker.publish(topic, forged, false);
        broker.publish(topic, "not json at all", false);
        broker.publish(topic, "{\"v\": 2, \"rev\": \"" + "1".repeat(40) + "\"}", false);
        broker.publish(topic, "x".repeat(Announcement.MAX_BYTES + 1), false);
        write(stranger.workTree(), "elsewhere.md", "the stranger's edit\n");

        Await.until("the four bad messages were counted", LIMIT, () -> laptop.engine().announcementCounts().orElseThrow().dropped()
                .values().stream().mapToLong(Long::longValue).sum() >= 4);
        var counts = laptop.engine().announcementCounts().orElseThrow();
        assertThat(counts.dropped()).containsEntry(Announcement.Dropped.BAD_SIGNATURE, 1L).containsEntry(Announcement.Dropped.MALFORMED, 1L)
                .containsEntry(Announcement.Dropped.WRONG_VERSION, 1L).containsEntry(Announcement.Dropped.TOO_LARGE, 1L);
        assertThat(counts.acted()).isZero();
        Await.until("the stranger pushed", LIMIT, () -> "the stranger's edit\n".equals(fx.remoteFile("elsewhere.md")));
        Thread.sleep(1500); // an announcement on the stranger's own topic would have been acted on by now
        assertThat(syncedBy(laptop, Trigger.ANNOUNCE)).as("another key, another topic").isFalse();
    }

    @Test
    void aFloodOfTenThousandAnnouncementsIsCountedAndBecomesAFewSyncsNotAFetchStorm() throws Exception {
        Running desktop = machine("desktop", KEY);
        AnnounceKey key = new AnnounceKey(KEY);
        String topic = key.topic("file://" + fx.remote().toRealPath().toString().replaceAll("\\.git$", ""), "refs/heads/main");
        var random = new java.util.Random(1);
        try (var flood = new org.eclipse.paho.client.mqttv3.MqttClient("tcp://127.0.0.1:" + broker.port(), "flood",
                new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence())) {
            flood.connect();
            for (int i = 0; i < 10_000; i++) {
                String revision = String.format("%040x", new java.math.BigInteger(160, random));
                flood.publish(topic, new Announcement(revision, "flooder", java.time.Instant.now()).encode(topic, key), 0, false);
            }
            flood.disconnect();
        }

        Await.until("all 10 000 arrived", Duration.ofSeconds(60), () -> desktop.engine().announcementCounts().orElseThrow().received() >= 10_000);
        Thread.sleep(1000); // the last burst window closes and its sync runs
        long syncs = desktop.events().stream().filter(EngineEvent.SyncStarted.class::isInstance)
                .filter(e -> ((EngineEvent.SyncStarted) e).request().trigger() == Trigger.ANNOUNCE).count();
        var counts = desktop.engine().announcementCounts().orElseThrow();
        assertThat(counts.acted()).as("one sync asked for per burst window, not per message").isLessThan(1_000);
        assertThat(syncs).as("the lane folds what was asked while a sync ran").isLessThanOrEqualTo(counts.acted());
        assertThat(desktop.engine().announcements().id()).isEqualTo("connected");
        GitFixture.assertHealthy(desktop.workTree());
    }

    @Test
    void quietPollsStretchToFifteenMinutesOnlyWhileTheChannelCoversTheRepository() throws Exception {
        Running laptop = machine("laptop", KEY, 60);
        RepoTriggers triggers = laptop.engine().triggers(laptop.workTree());
        Await.until("the laptop listens on its branch's topic", LIMIT,
                () -> triggers.longestPollInterval().equals(Duration.ofSeconds(Triggers.Poll.ANNOUNCED_FALLBACK_SECONDS)));

        broker.close();

        Await.until("the channel noticed the broker is gone", LIMIT, () -> !laptop.engine().announcements().id().equals("connected"));
        assertThat(triggers.longestPollInterval()).as("polls are the only way in now: the interval the user set")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(triggers.nextPoll()).as("no stretched wait outlives the channel")
                .isBefore(java.time.Instant.now().plus(Duration.ofSeconds(67)));
        assertThat(laptop.events()).filteredOn(EngineEvent.ChannelChanged.class::isInstance).extracting(e -> e.message())
                .as("the channel's story, as the log and the app's panel tell it")
                .contains("connecting to " + broker.url() + " for announcements", "announcements connected (" + broker.url() + ")")
                .last().isEqualTo("connecting to " + broker.url() + " for announcements");
    }

    /** The announce section for the secured broker: its account, a password file, and its private CA when {@code trustCa}. */
    private String secured(Mosquitto secure, String password, boolean trustCa) throws Exception {
        Path passwordFile = dir.resolve("broker-password-" + password.hashCode());
        Files.writeString(passwordFile, password + "\n");
        return "\"url\": \"" + secure.url() + "\", \"key\": \"" + KEY + "\", \"username\": \"tess\", \"passwordFile\": \"" + passwordFile + "\""
                + (trustCa ? ", \"caFile\": \"" + secure.caFile() + "\"" : "");
    }

    @Test
    void twoMachinesMeetOnABrokerWithAPasswordAnAccessRuleAndTlsFromAPrivateCa() throws Exception {
        try (Mosquitto secure = Mosquitto.startSecured(dir.resolve("secure-broker"), "tess", "s3cret pass")) {
            Running laptop = machine("laptop", 86_400, secured(secure, "s3cret pass", true), true);
            Running desktop = machine("desktop", 86_400, secured(secure, "s3cret pass", true), true);

            write(laptop.workTree(), "today.md", "over TLS\n");

            Await.until("the desktop has the laptop's file", LIMIT, () -> Files.exists(desktop.workTree().resolve("today.md")));
            Await.until("the desktop's sync was the announcement's", LIMIT, () -> syncedBy(desktop, Trigger.ANNOUNCE));
            assertThat(desktop.engine().announcements().describe()).isEqualTo("announcements connected (" + secure.url() + ")");
        }
    }

    @Test
    void aWrongPasswordOrAnUntrustedCertificateIsOneSentenceAndSyncingGoesOnByPolling() throws Exception {
        try (Mosquitto secure = Mosquitto.startSecured(dir.resolve("secure-broker"), "tess", "s3cret pass")) {
            Running wrong = machine("laptop", 86_400, secured(secure, "not the password", true), false);
            Running untrusted = machine("desktop", 86_400, secured(secure, "s3cret pass", false), false);

            Await.until("the wrong password failed", LIMIT, () -> wrong.engine().announcements().id().equals("failed"));
            Await.until("the untrusted certificate failed", LIMIT, () -> untrusted.engine().announcements().id().equals("failed"));
            assertThat(wrong.engine().announcements().describe()).isEqualTo("announcements: " + secure.url()
                    + " refused the user name or password; check announce.username and announce.passwordFile");
            assertThat(untrusted.engine().announcements().describe()).contains("TLS").contains(secure.url())
                    .doesNotContain("\n").doesNotContain("Exception");

            write(wrong.workTree(), "still.md", "synced without the channel\n");
            Await.until("the edit still reached the remote", LIMIT, () -> "synced without the channel\n".equals(fx.remoteFile("still.md")));
        }
    }
}
