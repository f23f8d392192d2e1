package dev.tidesync.engine;

import dev.tidesync.model.FreezeMarker;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.Await;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.sync.SyncService;
import dev.tidesync.model.Trigger;
import dev.tidesync.trigger.SystemScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine in real time with real repositories and its real file watcher. */
class EngineEndToEndTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private GitFixture fx;
    private Path laptop;
    private Path desktop;
    private Engine engine;
    private SystemScheduler scheduler;
    private ExecutorService work;
    private ExecutorService watchers;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    private void start(String triggers) throws Exception {
        fx = new GitFixture(dir);
        desktop = fx.machine("desktop");
        write(desktop, "readme.md", "hello\n");
        fx.sync(desktop);
        laptop = fx.machine("laptop");
        write(laptop, ".gitignore", "build/\n");
        git(laptop, "add", ".gitignore");
        git(laptop, "commit", "-qm", "ignore build output");
        git(laptop, "push", "-q", "origin", "main");
        TidesyncHome home = TidesyncHome.single(dir.resolve("home"));
        Files.createDirectories(home.configDir());
        Files.writeString(home.configFile(), """
                {"throttle": {"minIntervalSeconds": 0},
                 "triggers": %s,
                 "repositories": [{"path": "%s"}]}
                """.formatted(triggers, laptop));
        ConfigStore config = new ConfigStore(home.configFile());
        Clock clock = Clock.systemUTC();
        Journal journal = new Journal(home, config.load().settings().history(), clock);
        scheduler = new SystemScheduler(clock);
        work = Executors.newVirtualThreadPerTaskExecutor();
        watchers = Executors.newCachedThreadPool();
        engine = new Engine(new Engine.Options(config, journal,
                s -> new RecordedSync(s, journal, GitAccess.jgitOnly(), clock, "test-host"),
                scheduler, work, watchers, RandomGenerator.getDefault(), true, Duration.ofSeconds(30)));
        engine.addListener(events::add);
        engine.start();
        Await.until("the start-up sync finished", LIMIT, () -> events.stream().anyMatch(EngineEvent.SyncFinished.class::isInstance));
        events.clear();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            assertThat(engine.stop(Duration.ofSeconds(10))).isTrue();
            scheduler.close();
            work.shutdownNow();
            watchers.shutdownNow();
        }
    }

    @Test
    void aSavedFileReachesTheRemoteAfterTheInactivityDelay() throws Exception {
        start("""
                {"fileChange": {"inactivityMs": 300}, "poll": {"intervalSeconds": 3600}}""");

        write(laptop, "ideas/today.md", "ship the daemon\n");

        Await.until("the remote has the saved file", LIMIT, () -> "ship the daemon\n".equals(fx.remoteFile("ideas/today.md")));
        // The push lands a moment before the cycle's finished event is delivered.
        Await.until("a file-change sync finished", LIMIT, () -> events.stream().filter(EngineEvent.SyncFinished.class::isInstance)
                .anyMatch(e -> ((EngineEvent.SyncFinished) e).outcome().trigger() == Trigger.FILE_CHANGE));
        GitFixture.assertHealthy(laptop);
    }

    @Test
    void ignoredFilesAndEditorLitterStartNoSync() throws Exception {
        start("""
                {"fileChange": {"inactivityMs": 200}, "poll": {"intervalSeconds": 3600}}""");

        Files.createDirectories(laptop.resolve("build"));
        write(laptop, "build/out.o", "binary\n");
        write(laptop, ".notes.md.swp", "vim\n");
        write(laptop, "notes.md~", "backup\n");
        Thread.sleep(1500); // several inactivity delays: any sync they caused would have started

        assertThat(events).noneMatch(EngineEvent.SyncStarted.class::isInstance);
    }

    @Test
    void aChangePushedFromAnotherMachineIsPulledByThePoll() throws Exception {
        start("""
                {"fileChange": {"inactivityMs": 300}, "poll": {"intervalSeconds": 5}}""");

        write(desktop, "from-desktop.md", "written elsewhere\n");
        git(desktop, "add", "-A");
        git(desktop, "commit", "-qm", "desktop change");
        git(desktop, "pull", "-q", "--rebase");
        git(desktop, "push", "-q", "origin", "main");

        Await.until("the laptop has the desktop's file", LIMIT, () -> Files.exists(laptop.resolve("from-desktop.md")));
        assertThat(Files.readString(laptop.resolve("from-desktop.md"))).isEqualTo("written elsewhere\n");
    }

    @Test
    void aCommitMadeByHandIsPushed() throws Exception {
        start("""
                {"fileChange": {"enabled": false}, "localCommit": {"debounceMs": 200}, "poll": {"intervalSeconds": 3600}}""");

        write(laptop, "by-hand.md", "committed myself\n");
        git(laptop, "add", "by-hand.md");
        git(laptop, "commit", "-qm", "my own commit");

        Await.until("the remote has the hand-made commit", LIMIT, () -> "committed myself\n".equals(fx.remoteFile("by-hand.md")));
        // The push lands before the cycle's end is published: wait for that too.
        Await.until("the sync that pushed it has finished", LIMIT, () -> events.stream().anyMatch(EngineEvent.SyncFinished.class::isInstance));
        assertThat(GitFixture.log(fx.remote(), "main")).first().isEqualTo("my own commit");
        assertThat(events).filteredOn(EngineEvent.SyncFinished.class::isInstance)
                .extracting(e -> ((EngineEvent.SyncFinished) e).outcome().trigger()).containsOnly(Trigger.LOCAL_COMMIT);
    }

    @Test
    void aFreezeMarkerPausesTheRepositoryUntilItIsDeleted() throws Exception {
        start("""
                {"fileChange": {"inactivityMs": 200}, "poll": {"intervalSeconds": 3600}}""");

        write(laptop, FreezeMarker.NAME, "");
        write(laptop, "while-frozen.md", "stay local\n");
        Await.until("the frozen repository's sync was skipped", LIMIT, () -> events.stream()
                .anyMatch(e -> e instanceof EngineEvent.SyncFinished f && f.outcome().message().contains("frozen")));
        assertThat(fx.remoteFile("while-frozen.md")).isNull();

        Files.delete(laptop.resolve(FreezeMarker.NAME));
        write(laptop, "while-frozen.md", "now go\n");

        Await.until("the remote has the file once thawed", LIMIT, () -> "now go\n".equals(fx.remoteFile("while-frozen.md")));
        assertThat(fx.remoteFile(FreezeMarker.NAME)).isNull(); // the marker itself is never committed
    }
}
