package dev.tidesync.engine;

import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.ManualScheduler;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.ObjectCheck;
import dev.tidesync.status.RepoState;
import dev.tidesync.status.RepoStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily integrity check: every object read, damage shown as the repository's state until a check finds it whole. */
class ObjectCheckTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    private final ManualScheduler time = new ManualScheduler(T0);
    private Path laptop;
    private Journal journal;
    private Engine engine;

    /** The journal and the check read the same clock as the scheduler, so "a day later" is a day later for both. */
    private final Clock clock = new Clock() {
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return time.now();
        }
    };

    private void start(GitAccess git) throws Exception {
        GitFixture fx = new GitFixture(dir);
        laptop = fx.machine("laptop");
        write(laptop, "readme.md", "hello\n");
        fx.sync(laptop);
        TidesyncHome home = TidesyncHome.single(dir.resolve("home"));
        Files.createDirectories(home.configDir());
        Files.writeString(home.configFile(), """
                {"triggers": {"fileChange": {"enabled": false}, "localCommit": {"enabled": false}, "poll": {"enabled": false}},
                 "repositories": [{"path": "%s"}]}
                """.formatted(laptop));
        ConfigStore config = new ConfigStore(home.configFile());
        journal = new Journal(home, config.load().settings().history(), clock);
        engine = new Engine(new Engine.Options(config, journal, s -> new RecordedSync(s, journal, git, clock, "test-host"),
                time, Runnable::run, Runnable::run, RandomGenerator.getDefault(), false, Duration.ofSeconds(30)));
        engine.start();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(5));
        }
    }

    /** A file committed by hand, its blob then lost: the kind of damage a disk or a careless cleanup leaves. */
    private Path loseABlob() throws Exception {
        write(laptop, "thesis.md", "chapter one\n");
        git(laptop, "add", "thesis.md");
        git(laptop, "commit", "-qm", "by hand");
        String blob = git(laptop, "rev-parse", "HEAD:thesis.md").strip();
        Path loose = laptop.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2));
        assertThat(loose).as("the blob is a loose object").exists();
        return loose;
    }

    private RepoStatus status() {
        return engine.statuses().getFirst();
    }

    private ObjectCheck lastCheck() throws Exception {
        return journal.read().repository(laptop.toString()).objectCheck();
    }

    @Test
    void theFirstRoundComesFiveMinutesAfterTheStartAndFindsAHealthyRepositoryWhole() throws Exception {
        start(GitAccess.jgitOnly());
        assertThat(lastCheck()).isNull();

        time.advance(Duration.ofMinutes(5));

        assertThat(lastCheck()).isNotNull();
        assertThat(lastCheck().damage()).isNull();
        assertThat(lastCheck().how()).isEqualTo("JGit's connectivity walk");
        assertThat(status().repoState()).isInstanceOf(RepoState.Synced.class);
    }

    @Test
    void aMissingObjectBecomesTheRepositorysStateAnEventInTheChangeLogAndHoldsAutomaticSyncs() throws Exception {
        start(GitAccess.jgitOnly());
        Path loose = loseABlob();
        String blob = loose.getParent().getFileName().toString() + loose.getFileName();
        Files.delete(loose);
        long syncsBefore = journal.read().stats().totalSyncs();

        engine.checkObjectsRound();

        assertThat(status().repoState()).isInstanceOfSatisfying(RepoState.Error.class, e -> {
            assertThat(e.kind()).isEqualTo("integrity");
            assertThat(e.message()).startsWith("laptop is damaged (missing object " + blob).contains("`tidesync doctor --deep`");
        });
        assertThat(engine.attention().values()).singleElement().satisfies(why -> assertThat(why).hasValueSatisfying(
                w -> assertThat(w).startsWith("laptop is damaged")));
        List<HistoryRecord> events = journal.history().last(10, r -> HistoryRecord.OBJECTS_DAMAGED.equals(r.event()));
        assertThat(events).singleElement().satisfies(r -> {
            assertThat(r.trigger().id()).isEqualTo("check");
            assertThat(r.errorKind()).isEqualTo("integrity");
            assertThat(r.requestedBy()).isEqualTo("tidesync");
        });
        assertThat(journal.read().stats().totalSyncs()).as("a check is not a sync").isEqualTo(syncsBefore);
    }

    @Test
    void aRepositoryIsCheckedOnceADayAndItsStateClearsWhenACheckFindsItWholeAgain() throws Exception {
        start(GitAccess.jgitOnly());
        Path loose = loseABlob();
        byte[] kept = Files.readAllBytes(loose);
        Files.delete(loose);
        engine.checkObjectsRound();
        Instant damagedAt = lastCheck().at();

        Files.write(loose, kept); // the user fetched the object back
        engine.checkObjectsRound();
        assertThat(lastCheck().at()).as("checked today already").isEqualTo(damagedAt);
        assertThat(status().repoState()).isInstanceOf(RepoState.Error.class);

        time.jumpWallClock(Duration.ofDays(1).plusMinutes(1));
        engine.checkObjectsRound();

        assertThat(lastCheck().at()).isAfter(damagedAt);
        assertThat(lastCheck().damage()).isNull();
        assertThat(status().repoState()).isNotInstanceOf(RepoState.Error.class);
        assertThat(engine.attention().values()).singleElement().isEqualTo(java.util.Optional.empty());
    }

    @Test
    void withGitInstalledTheCheckIsGitFsckAndReadsEveryObject() throws Exception {
        start(GitAccess.detect(dev.tidesync.config.Settings.defaults().network(), Map.copyOf(System.getenv())));
        Path loose = loseABlob();
        Files.write(loose, new byte[] {0x78, 0x01, 0x00}, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING); // there, but not whole

        engine.checkObjectsRound();

        assertThat(lastCheck().how()).isEqualTo("git fsck");
        assertThat(lastCheck().damage()).isNotNull();
        assertThat(status().repoState()).isInstanceOfSatisfying(RepoState.Error.class, e -> assertThat(e.kind()).isEqualTo("integrity"));
    }
}
