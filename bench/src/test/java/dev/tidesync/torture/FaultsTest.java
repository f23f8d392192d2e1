package dev.tidesync.torture;

import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.GitHttpServer;
import dev.tidesync.fixture.LoopbackServers;
import dev.tidesync.fixture.Shell;
import dev.tidesync.git.GitAccess;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.engine.RecordedSync;
import dev.tidesync.sync.SyncService;
import dev.tidesync.model.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The world misbehaves: the remote vanishes, the server dies mid-push, the password is wrong,
 * the disk fills up, the tree turns read-only, the repository is deleted while watched, the
 * clock jumps. Each time: one clear failure (never a hang, never a corrupted repository), the
 * user's files untouched, and the next sync after the fault is gone brings everything across.
 */
class FaultsTest {

    @TempDir
    Path dir;

    @Test
    void aRemoteThatVanishesFailsClearlyAndRecoversWhenItIsBack() throws Exception {
        GitFixture fx = new GitFixture(dir);
        Path laptop = seeded(fx);
        write(laptop, "todo.md", "while the remote was gone\n");
        Path aside = dir.resolve("remote-away.git");
        Files.move(fx.remote(), aside);

        SyncOutcome gone = fx.sync(laptop);

        Files.move(aside, fx.remote());
        SyncOutcome back = fx.sync(laptop);
        assertThat(gone.result()).isEqualTo(SyncResult.FAILED);
        assertThat(gone.message()).doesNotContain("Exception").doesNotContain("\n");
        assertThat(laptop.resolve("todo.md")).hasContent("while the remote was gone");
        assertThat(back.result()).as(back.message()).isEqualTo(SyncResult.OK);
        int lost = "while the remote was gone\n".equals(fx.remoteFile("todo.md")) ? 0 : 1;
        healthy(laptop, fx.remote());
        Torture.result("fault: remote gone", 1, lost, "failed: \"" + gone.message() + "\"; recovered on the next sync");
        assertThat(lost).isZero();
    }

    @Test
    void aServerKilledMidPushLeavesBothSidesConsistentAndTheNextSyncFinishes() throws Exception {
        LoopbackServers.require();
        try (GitHttpServer server = GitHttpServer.start("ana", "pa55word")) {
            Map<String, String> env = userWithPassword("pa55word");
            String url = server.bareRepo("notes");
            Path laptop = cloneWithSeed(url, env);
            byte[] big = new byte[48 << 20]; // incompressible, so the push takes a while
            new Random(7).nextBytes(big);
            Files.write(laptop.resolve("video.bin"), big);
            GitAccess git = GitAccess.detect(Settings.defaults().network(), env);
            GitFixture fx = new GitFixture(dir.resolve("unused"));

            CompletableFuture<SyncOutcome> first = CompletableFuture.supplyAsync(() -> fx.sync(laptop, git));
            boolean midPush = awaitProcess("receive-pack", Duration.ofSeconds(60));
            server.kill();
            SyncOutcome killed = first.get(120, TimeUnit.SECONDS);
            server.restart();
            SyncOutcome again = fx.sync(laptop, git);

            assertThat(killed.result()).as(killed.message()).isIn(SyncResult.FAILED, SyncResult.OK);
            assertThat(again.result()).as(again.message()).isEqualTo(SyncResult.OK);
            assertThat(Files.readAllBytes(laptop.resolve("video.bin"))).isEqualTo(big);
            Path remote = server.repoPath("notes");
            healthy(laptop, remote);
            int lost = git(remote, "ls-tree", "-r", "main").contains("video.bin") ? 0 : 1;
            Torture.result("fault: HTTP server killed mid-push", 1, lost, (midPush && killed.result() == SyncResult.FAILED
                    ? "failed: \"" + killed.message() + "\"" : "push finished before the kill") + "; remote fsck clean; the next sync pushed it");
            assertThat(lost).isZero();
        }
    }

    @Test
    void aWrongPasswordFailsAsAuthWithoutPromptingAndTheFixedOneWorks() throws Exception {
        LoopbackServers.require();
        try (GitHttpServer server = GitHttpServer.start("ana", "pa55word")) {
            String url = server.bareRepo("notes");
            Path laptop = cloneWithSeed(url, userWithPassword("pa55word"));
            write(laptop, "todo.md", "waiting for the right password\n");
            GitFixture fx = new GitFixture(dir.resolve("unused"));

            long t0 = System.nanoTime();
            SyncOutcome wrong = fx.sync(laptop, GitAccess.detect(Settings.defaults().network(), userWithPassword("wrong")));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            SyncOutcome right = fx.sync(laptop, GitAccess.detect(Settings.defaults().network(), userWithPassword("pa55word")));

            assertThat(wrong.result()).isEqualTo(SyncResult.FAILED);
            assertThat(wrong.failure()).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.AUTH));
            assertThat(seconds).as("no prompt waited on").isLessThan(20);
            assertThat(right.result()).as(right.message()).isEqualTo(SyncResult.OK);
            int lost = git(server.repoPath("notes"), "show", "main:todo.md").equals("waiting for the right password\n") ? 0 : 1;
            Torture.result("fault: wrong password (HTTP)", 1, lost, "auth failure in " + seconds + " s: \"" + wrong.message()
                    + "\"; synced once the helper had the right one");
            assertThat(lost).isZero();
        }
    }

    @Test
    void aFullDiskFailsTheCommitWithoutDamageAndTheSyncFinishesOnceThereIsRoom() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small-disk"));
        assumeTrue(Shell.run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", small.toString()).code() == 0,
                "needs root to mount a small tmpfs");
        try {
            GitFixture fx = new GitFixture(dir);
            Path laptop = fx.machine("laptop-tmp");
            Shell.ok("cp", "-a", laptop.toString(), small.resolve("laptop").toString());
            Path onTmpfs = small.resolve("laptop");
            write(onTmpfs, "readme.md", "seed\n");
            assertThat(fx.sync(onTmpfs).result()).isEqualTo(SyncResult.OK);
            write(onTmpfs, "essay.md", "x".repeat(300_000) + "\n"); // the user's file fits; git's copy will not
            Shell.run("dd", "if=/dev/zero", "of=" + small.resolve("filler"), "bs=64k");

            SyncOutcome full = fx.sync(onTmpfs);

            Files.delete(small.resolve("filler"));
            SyncOutcome roomy = fx.sync(onTmpfs);
            assertThat(full.result()).as(full.message()).isIn(SyncResult.FAILED, SyncResult.OK);
            assertThat(roomy.result()).as(roomy.message()).isEqualTo(SyncResult.OK);
            assertThat(onTmpfs.resolve("essay.md")).hasSize(300_001);
            healthy(onTmpfs, fx.remote());
            int lost = fx.remoteFile("essay.md") != null && fx.remoteFile("essay.md").length() == 300_001 ? 0 : 1;
            Torture.result("fault: disk full (6 MB tmpfs)", 1, lost, (full.result() == SyncResult.FAILED
                    ? "failed: \"" + full.message() + "\"" : "fitted after all") + "; no lock left, fsck clean; synced once there was room");
            assertThat(lost).isZero();
        } finally {
            Shell.run("umount", "-l", small.toString());
        }
    }

    @Test
    void aReadOnlyWorkTreeFailsClearlyAndSyncsOnceWritableAgain() throws Exception {
        GitFixture fx = new GitFixture(dir);
        Path laptop = seeded(fx);
        write(laptop, "todo.md", "written before the tree turned read-only\n");
        Path view = Files.createDirectories(dir.resolve("ro-view"));
        assumeTrue(Shell.run("mount", "--bind", laptop.toString(), view.toString()).code() == 0, "needs root to bind-mount");
        try {
            Shell.ok("mount", "-o", "remount,bind,ro", view.toString());
            RepositorySettings watched = RepositorySettings.of(view, List.of(), SyncMode.AUTO_COMMIT);

            SyncOutcome readOnly = fx.sync(view, watched);

            Shell.ok("mount", "-o", "remount,bind,rw", view.toString());
            SyncOutcome writable = fx.sync(view, watched);
            assertThat(readOnly.result()).isEqualTo(SyncResult.FAILED);
            assertThat(readOnly.message()).doesNotContain("\n");
            assertThat(writable.result()).as(writable.message()).isEqualTo(SyncResult.OK);
            healthy(laptop, fx.remote());
            int lost = "written before the tree turned read-only\n".equals(fx.remoteFile("todo.md")) ? 0 : 1;
            Torture.result("fault: read-only work tree", 1, lost, "failed: \"" + readOnly.message() + "\"; synced once writable");
            assertThat(lost).isZero();
        } finally {
            Shell.run("umount", "-l", view.toString());
        }
    }

    @Test
    void deletingAWatchedRepositoryNeitherStopsTheEngineNorTheOtherRepositories() throws Exception {
        GitFixture one = new GitFixture(Files.createDirectories(dir.resolve("one")));
        GitFixture two = new GitFixture(Files.createDirectories(dir.resolve("two")));
        Path doomed = seeded(one);
        Path kept = seeded(two);
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("config.json"), """
                {"throttle": {"minIntervalSeconds": 0},
                 "triggers": {"fileChange": {"inactivityMs": 200}, "poll": {"intervalSeconds": 3600}},
                 "repositories": [{"path": "%s"}, {"path": "%s"}]}
                """.formatted(doomed.toRealPath(), kept.toRealPath()));
        try (Daemon daemon = Daemon.start(home, dir.resolve("run.log"))) {
            dev.tidesync.fixture.Await.until("the engine is up", Duration.ofSeconds(60),
                    () -> daemon.output().lines().filter(l -> l.contains("Up to date")).count() >= 2);
            write(doomed, "last-words.md", "about to go\n");
            Shell.ok("rm", "-rf", doomed.toString());
            write(kept, "alive.md", "still here\n");
            try {
                dev.tidesync.fixture.Await.until("the other repository still syncs", Duration.ofSeconds(30),
                        () -> "still here\n".equals(two.remoteFile("alive.md")));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the engine said:\n" + daemon.output(), e);
            }
            assertThat(daemon.process().isAlive()).isTrue();
            String status = Shell.run(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), "dev.tidesync.cli.Main", "--home", home.toString(), "status").text();
            assertThat(status).contains(doomed.getFileName().toString());
            assertThat(daemon.terminate(30)).isZero();
            Torture.result("fault: repository deleted while watched", 1, 0,
                    "engine kept running and syncing the other repository; `status` still lists the deleted one");
        }
    }

    @Test
    void aClockJumpingBackAndForthBreaksNoSyncStateOrHistory() throws Exception {
        GitFixture fx = new GitFixture(dir);
        Path laptop = seeded(fx);
        Path desktop = fx.machine("desktop");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
        Clock jumpy = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        TidesyncHome home = TidesyncHome.single(dir.resolve("home"));
        Journal journal = new Journal(home, Settings.defaults().history(), jumpy);
        RecordedSync service = new RecordedSync(Settings.defaults(), journal, GitAccess.jgitOnly(), jumpy, "laptop");
        Duration[] jumps = {Duration.ofDays(-400), Duration.ofDays(3), Duration.ofHours(-2), Duration.ofDays(-1), Duration.ofDays(30)};
        int runs = Torture.runs(10, 100);
        int lost = 0;
        for (int i = 0; i < runs; i++) {
            now.set(now.get().plus(jumps[i % jumps.length]));
            write(laptop, "log.md", "entry " + i + "\n");
            SyncOutcome o = service.run(RepositorySettings.of(laptop, List.of(), SyncMode.AUTO_COMMIT), SyncRequest.of(Action.SYNC, Trigger.FILE_CHANGE));
            assertThat(o.result()).as(o.message()).isEqualTo(SyncResult.OK);
            write(desktop, "other-" + i + ".md", "from the desktop\n");
            assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.OK);
            lost += ("entry " + i + "\n").equals(fx.remoteFile("log.md")) ? 0 : 1;
        }
        assertThat(journal.read().repositories()).hasSize(1);
        assertThat(journal.history().last(10_000, r -> true)).hasSize(runs);
        healthy(laptop, fx.remote());
        Torture.result("fault: clock jumps (−400 d … +30 d)", runs, lost, "every sync OK, state and history read back whole");
        assertThat(lost).isZero();
    }

    private Path seeded(GitFixture fx) throws Exception {
        Path laptop = fx.machine("laptop");
        write(laptop, "readme.md", "seed\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        return laptop;
    }

    /** A HOME whose git gets {@code password} from a credential helper. */
    private Map<String, String> userWithPassword(String password) throws Exception {
        Path home = Files.createDirectories(dir.resolve("user-" + password));
        Path helper = home.resolve("helper");
        Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 0\necho username=ana\necho password=" + password + "\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(home.resolve(".gitconfig"), "[user]\n  name = Ana\n  email = ana@example.com\n[credential]\n  helper = " + helper + "\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", home.toString());
        return env;
    }

    private Path cloneWithSeed(String url, Map<String, String> env) throws Exception {
        Path clone = dir.resolve("clone-" + System.nanoTime());
        Shell.run(null, env, List.of("git", "clone", "-q", url, clone.toString())).orFail("clone");
        write(clone, "readme.md", "seed\n");
        Shell.run(clone, env, List.of("sh", "-c", "git add -A && git commit -q -m seed && git push -q origin HEAD:main")).orFail("seed");
        return clone;
    }

    /** Waits until some process's command line names {@code what}. */
    private static boolean awaitProcess(String what, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                if (all.anyMatch(p -> p.info().commandLine().orElse("").contains(what))) {
                    return true;
                }
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** fsck clean and no lock file left, on the clone and its remote. */
    private static void healthy(Path clone, Path remote) throws Exception {
        GitFixture.assertHealthy(clone);
        GitFixture.assertHealthy(remote);
        for (Path gitDir : List.of(clone.resolve(".git"), remote)) {
            assertThat(Torture.lockFiles(gitDir)).as("lock files in " + gitDir).isEmpty();
        }
    }
}
