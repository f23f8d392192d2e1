package dev.tidesync.sync;

import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Action;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.GuardSettings;
import dev.tidesync.config.IntegrateStrategy;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.git.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guards keep secrets, giants, editor litter and mass deletions out; git's locks are respected or cleared. */
class GuardsAndLocksTest {

    @TempDir
    Path tmp;

    GitFixture fx;
    Path repo;

    @BeforeEach
    void aMachineWithAPushedHistory() throws Exception {
        fx = new GitFixture(tmp);
        repo = fx.machine("laptop");
        for (int i = 0; i < 12; i++) {
            write(repo, "notes/n" + i + ".md", "note " + i + "\n");
        }
        assertThat(fx.sync(repo).result()).isEqualTo(SyncResult.OK);
    }

    @Test
    void secretsAreHeldBackAndTheRestIsSynced() throws Exception {
        write(repo, ".env", "API_KEY=abc123\n");
        write(repo, ".env.example", "API_KEY=\n");
        write(repo, "keys/id_ed25519", "whatever\n");
        write(repo, "config/aws.txt", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");
        write(repo, "deploy.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");
        write(repo, "ok.md", "nothing secret\n");

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.result()).isEqualTo(SyncResult.HELD_BACK);
        assertThat(outcome.heldBack()).extracting(h -> h.path())
                .containsExactlyInAnyOrder(".env", "keys/id_ed25519", "config/aws.txt", "deploy.pem");
        assertThat(outcome.committed()).containsExactlyInAnyOrder("A ok.md", "A .env.example");
        assertThat(git(fx.remote(), "ls-tree", "-r", "--name-only", "main")).doesNotContain(".env\n", "id_ed25519", "aws.txt", "deploy.pem");
        assertThat(repo.resolve(".env")).exists();
    }

    @Test
    void anAllowedPatternLetsAFalsePositiveThrough() throws Exception {
        GuardSettings guards = new GuardSettings(true, GuardSettings.defaults().maxFileSizeBytes(),
                GuardSettings.defaults().massDeletion(), List.of("docs/examples/**"));
        write(repo, "docs/examples/fake.pem", "-----BEGIN PRIVATE KEY-----\nnot real\n");

        SyncOutcome outcome = fx.sync(repo, settings(repo, guards, List.of()));

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.committed()).containsExactly("A docs/examples/fake.pem");
    }

    @Test
    void filesOverTheSizeLimitAreHeldBack() throws Exception {
        GuardSettings guards = new GuardSettings(true, 1024, GuardSettings.defaults().massDeletion(), List.of());
        Files.write(repo.resolve("big.bin"), new byte[4096]);
        write(repo, "small.md", "fine\n");

        SyncOutcome outcome = fx.sync(repo, settings(repo, guards, List.of()));

        assertThat(outcome.result()).isEqualTo(SyncResult.HELD_BACK);
        assertThat(outcome.heldBack()).singleElement().satisfies(h -> {
            assertThat(h.path()).isEqualTo("big.bin");
            assertThat(h.reason()).contains("4.0 KB").contains("1.0 KB");
        });
        assertThat(outcome.committed()).containsExactly("A small.md");
    }

    @Test
    void mostTrackedFilesVanishingAtOnceIsNotCommitted() throws Exception {
        for (int i = 0; i < 10; i++) {
            Files.delete(repo.resolve("notes/n" + i + ".md"));
        }

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.result()).isEqualTo(SyncResult.HELD_BACK);
        assertThat(outcome.heldBack()).hasSize(10).allSatisfy(h -> assertThat(h.reason()).contains("vanished at once"));
        assertThat(git(fx.remote(), "ls-tree", "-r", "--name-only", "main")).contains("notes/n0.md");
    }

    @Test
    void deletionsTheUserStagedAreCountedAgainstHeadAndLeftStagedAsTheUserStagedThem() throws Exception {
        for (int i = 0; i < 10; i++) {
            Files.delete(repo.resolve("notes/n" + i + ".md"));
        }
        git(repo, "add", "-A");
        write(repo, "notes/new.md", "a new note, committed as usual\n");

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.result()).isEqualTo(SyncResult.HELD_BACK);
        assertThat(outcome.heldBack()).hasSize(10).allSatisfy(h -> assertThat(h.reason()).startsWith("10 of 12 tracked files vanished"));
        assertThat(outcome.committed()).containsExactly("A notes/new.md");
        assertThat(git(repo, "status", "--porcelain")).as("the user's staging is untouched")
                .contains("D  notes/n0.md", "D  notes/n9.md").doesNotContain("notes/new.md");
        assertThat(git(fx.remote(), "ls-tree", "-r", "--name-only", "main")).contains("notes/n0.md", "notes/new.md");
    }

    @Test
    void aFileTheUserStagedThatTheGuardsHoldBackStaysStaged() throws Exception {
        write(repo, ".env", "API_KEY=abc123\n");
        git(repo, "add", ".env");
        write(repo, "notes/n1.md", "an edit\n");

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.heldBack()).extracting(h -> h.path()).containsExactly(".env");
        assertThat(git(repo, "status", "--porcelain")).contains("A  .env");
        assertThat(git(fx.remote(), "ls-tree", "-r", "--name-only", "main")).doesNotContain(".env").contains("notes/n1.md");
    }

    @Test
    void aFewDeletionsAreCommittedNormally() throws Exception {
        Files.delete(repo.resolve("notes/n0.md"));

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.committed()).containsExactly("D notes/n0.md");
    }

    @Test
    void editorSwapAndLockFilesAreNeverCommittedNorReported() throws Exception {
        write(repo, "notes/.n1.md.swp", "vim");
        write(repo, "notes/n1.md~", "backup");
        write(repo, ".~lock.report.odt#", "lo");
        write(repo, "notes/#n2.md#", "emacs");
        write(repo, "notes/n1.md", "real edit\n");

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.heldBack()).isEmpty();
        assertThat(outcome.committed()).containsExactly("M notes/n1.md");
    }

    @Test
    void configuredExcludesAreHonouredLikeGitignore() throws Exception {
        write(repo, "build/out.txt", "generated");
        write(repo, "cache.tmp", "tmp");
        write(repo, "keep.md", "kept\n");

        SyncOutcome outcome = fx.sync(repo, settings(repo, GuardSettings.defaults(), List.of("build/", "*.tmp")));

        assertThat(outcome.committed()).containsExactly("A keep.md");
    }

    @Test
    void gitignoreIsHonoured() throws Exception {
        write(repo, ".gitignore", "*.log\n");
        write(repo, "debug.log", "noise");

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.committed()).containsExactly("A .gitignore");
    }

    @Test
    void aStaleIndexLockWithNoLiveHolderIsClearedAndSaid() throws Exception {
        Path lock = repo.resolve(".git/index.lock");
        Files.writeString(lock, "");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        write(repo, "after-crash.md", "x\n");

        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("stale index.lock"));
        assertThat(lock).doesNotExist();
    }

    @Test
    void aFetchHeadLockLeftByACycleKilledWhileFetchingIsClearedByTheNextOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(repo.resolve(".git/tidesync"));
        Files.writeString(repo.resolve(".git/tidesync/cycle"), gone.pid() + " " + Instant.now().minus(5, ChronoUnit.SECONDS)
                .truncatedTo(ChronoUnit.SECONDS) + "\n");
        Path lock = repo.resolve(".git/FETCH_HEAD.lock"); // JGit's fetch writes FETCH_HEAD through it; kill -9 left it

        Files.writeString(lock, "");
        SyncOutcome outcome = fx.sync(repo);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("stale FETCH_HEAD.lock"));
        assertThat(lock).doesNotExist();
    }

    @Test
    void aCycleKilledRightAfterAKilledCycleStillLeavesTheFirstOnesLocksFindable() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Instant firstStart = Instant.now().minus(60, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        Files.createDirectories(repo.resolve(".git/tidesync"));
        Files.writeString(repo.resolve(".git/tidesync/cycle"), gone.pid() + " " + firstStart + "\n");

        try (GitRepo open = GitRepo.open(repo)) {
            assertThat(CycleMarker.begin(open)).as("the killed cycle is noticed").contains(firstStart);
        }

        // killed again now: the marker still names the first killed cycle's start, not this one's
        assertThat(Files.readString(repo.resolve(".git/tidesync/cycle"))).contains(firstStart.toString());
    }

    @Test
    void aFreshIndexLockIsRespectedAndReportedAsLocked() throws Exception {
        Path lock = repo.resolve(".git/index.lock");
        Files.writeString(lock, "");
        write(repo, "x.md", "x\n");
        Settings quick = withLockWait(Settings.defaults(), 0);

        SyncOutcome outcome = fx.sync(repo, quick, RepositorySettings.of(repo, List.of(), SyncMode.AUTO_COMMIT), Action.SYNC);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.failure().orElseThrow().kind()).isEqualTo(FailureKind.LOCKED);
        assertThat(outcome.message()).contains("index.lock");
        assertThat(lock).exists();
        assertThat(git(repo, "status", "--porcelain")).isEqualTo("?? x.md\n"); // nothing was staged or committed
    }

    private static Settings withLockWait(Settings s, long waitSeconds) {
        return new Settings(s.enabled(), s.triggers(), s.commit(), s.guards(),
                new Settings.LockSettings(s.locks().staleIndexLockSeconds(), waitSeconds), s.network(), s.history(), s.throttle(), s.watchRoots(), s.excludeRepositories(), s.repositories(), s.desktop());
    }

    private static RepositorySettings settings(Path repo, GuardSettings guards, List<String> excludes) {
        return new RepositorySettings(repo.toString(), "laptop", SyncMode.AUTO_COMMIT, List.of(), IntegrateStrategy.REBASE, excludes, guards, List.of(), null);
    }
}
