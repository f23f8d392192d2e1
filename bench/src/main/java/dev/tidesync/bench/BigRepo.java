package dev.tidesync.bench;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.engine.RecordedSync;
import dev.tidesync.fixture.Daemon;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large repository with a long history: COMMITS commits of one incompressible KB_PER_COMMIT
 * file each (1 GiB by default, 2 048 commits of 512 KB), made with `git fast-import` into a bare
 * remote and cloned as a machine. Measured, next to the git CLI in the same run:
 * <ol>
 *   <li>the first sync of the fresh clone, in-process after a warm-up on a small repository
 *       (what `tidesync add` then a sync costs), against `git status && git pull --rebase && git push`;</li>
 *   <li>a sync when nothing changed (median of 5), against the same git commands;</li>
 *   <li>`tidesync run` watching only it: resident memory after start-up caught up.</li>
 * </ol>
 * Usage: BigRepo [COMMITS [KB_PER_COMMIT]]
 */
public final class BigRepo {

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int kb = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        Path root = Files.createTempDirectory("tidesync-big-repo-bench");
        Path remote = root.resolve("remote.git");
        Proc.sh(root, "git init -q --bare -b main remote.git");
        long g0 = System.nanoTime();
        importHistory(remote, commits, kb);
        long g1 = System.nanoTime();
        Proc.sh(root, "git clone -q remote.git tide && git clone -q remote.git plain"
                + " && git -C plain config user.name b && git -C plain config user.email b@x");
        String size = Proc.output("du", "-sh", remote.toString()).split("\\s")[0];
        System.out.printf("history made in %.0f s: %s in %d commits%n", (g1 - g0) / 1e9, size, commits);

        Settings settings = Settings.defaults();
        Journal journal = new Journal(TidesyncHome.single(Files.createDirectories(root.resolve("home"))), settings.history(), Clock.systemUTC());
        RecordedSync service = new RecordedSync(settings, journal, GitAccess.detect(settings.network(), System.getenv()), Clock.systemUTC(), "bench");
        RepositorySettings repository = RepositorySettings.of(root.resolve("tide"), List.of(), SyncMode.AUTO_COMMIT);
        String gitCycle = "git status --porcelain >/dev/null && git pull -q --rebase && git push -q";
        // A small repository first, so the first sync measured is the big repository's, not the JVM's first
        Path warm = Setup.seededClone(new dev.tidesync.fixture.GitFixture(Files.createDirectories(root.resolve("warm"))), "warm", 5);
        for (int i = 0; i < 5; i++) {
            service.run(RepositorySettings.of(warm, List.of(), SyncMode.AUTO_COMMIT), SyncRequest.of(Action.SYNC, Trigger.MANUAL));
        }

        double[] first = syncThenGit(service, repository, root.resolve("plain"), gitCycle);
        Samples noop = new Samples("no-op");
        Samples gitNoop = new Samples("git no-op");
        for (int i = 0; i < 6; i++) {
            double[] round = syncThenGit(service, repository, root.resolve("plain"), gitCycle);
            if (i > 0) { // the first no-op round warms the caches
                noop.add(round[0]);
                gitNoop.add(round[1]);
            }
        }
        double rss;
        Path home = Setup.home(root.resolve("daemon-home"), List.of(root.resolve("tide")), "");
        try (Daemon daemon = Daemon.start(home, root.resolve("run.log"), Map.of(), Daemon.LAUNCHER_OPTIONS)) {
            Proc.until("the engine caught up", 600_000, 200, () -> daemon.output().contains("Up to date"));
            Thread.sleep(10_000);
            rss = Proc.rssMiB(daemon.process().pid());
        }
        new Report("A large repository: " + size + " in " + commits + " commits of " + kb + " KB (bare remote on the same disk)",
                "what", "Tidesync", "git CLI (`git status`, `pull --rebase`, `push`)", "ratio")
                .row("first sync of a fresh clone", Report.ms(first[0]), Report.ms(first[1]), Report.ratio(first[0], first[1]))
                .row("sync, nothing changed (median of 5)", Report.ms(noop.median()), Report.ms(gitNoop.median()),
                        Report.ratio(noop.median(), gitNoop.median()))
                .row("`tidesync run` watching it, resident memory after catching up", "%.0f MiB".formatted(rss), "–", "–")
                .print();
    }

    /** One sync in-process, then the git CLI's cycle in the twin clone: their milliseconds. */
    private static double[] syncThenGit(RecordedSync service, RepositorySettings repository, Path plain, String gitCycle) throws Exception {
        long t0 = System.nanoTime();
        SyncOutcome outcome = service.run(repository, SyncRequest.of(Action.SYNC, Trigger.MANUAL));
        long t1 = System.nanoTime();
        Proc.sh(plain, gitCycle);
        long t2 = System.nanoTime();
        if (!outcome.result().wentWell()) {
            throw new IllegalStateException("a sync failed: " + outcome.message());
        }
        return new double[]{(t1 - t0) / 1e6, (t2 - t1) / 1e6};
    }

    /** COMMITS commits of one random file each, streamed into `git fast-import`. */
    private static void importHistory(Path remote, int commits, int kb) throws Exception {
        Path log = remote.resolveSibling("fast-import.log");
        Process p = new ProcessBuilder("git", "--git-dir", remote.toString(), "fast-import", "--quiet")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Random random = new Random(42);
        byte[] data = new byte[kb * 1024];
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 20)) {
            for (int i = 0; i < commits; i++) {
                random.nextBytes(data);
                String message = "add f" + i + "\n";
                write(out, "commit refs/heads/main\ncommitter Bench <b@x> " + (1_700_000_000L + i * 60L) + " +0000\n"
                        + "data " + message.getBytes(StandardCharsets.UTF_8).length + "\n" + message
                        + "M 644 inline d" + (i % 64) + "/f" + i + ".bin\ndata " + data.length + "\n");
                out.write(data);
                write(out, "\n");
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed: " + Files.readString(log));
        }
    }

    private static void write(OutputStream out, String s) throws java.io.IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
