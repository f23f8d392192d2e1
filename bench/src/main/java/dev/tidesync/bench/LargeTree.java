package dev.tidesync.bench;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;

/**
 * A work tree of many files (100 000 by default, 100 per folder) where one file changes:
 * <ol>
 *   <li>change → commit through `tidesync run` (the watcher names the file, so status and add
 *       look at that path only), beyond its inactivity delay, next to `git add -A && git commit`
 *       in an identical copy, in the same run;</li>
 *   <li>JGit's full status next to a status scoped to the changed path, and `git status` for reference.</li>
 * </ol>
 * Usage: LargeTree [FILES [ROUNDS]]
 */
public final class LargeTree {

    private static final long DELAY_MS = 1000;

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path root = Files.createTempDirectory("tidesync-large-bench");
        GitFixture fx = new GitFixture(root);
        Path big = fx.machine("big");
        for (int i = 0; i < files; i++) {
            GitFixture.write(big, "d" + (i / 100) + "/f" + i + ".txt", "file " + i + "\n");
        }
        Proc.sh(big, "git add -A && git commit -q -m seed && git push -q -u origin HEAD:main");
        Path copy = root.resolve("copy");
        Proc.sh(root, "git clone -q '" + fx.remote() + "' copy && git -C copy config user.name c && git -C copy config user.email c@x");

        Samples tide = new Samples("tidesync");
        Samples git = new Samples("git");
        Path home = Setup.home(root.resolve("home"), List.of(big), """
                "throttle": {"minIntervalSeconds": 0},
                "triggers": {"fileChange": {"inactivityMs": %d}, "poll": {"intervalSeconds": 3600}}""".formatted(DELAY_MS));
        try (Daemon daemon = Daemon.start(home, root.resolve("run.log"), Map.of(), Daemon.LAUNCHER_OPTIONS)) {
            Proc.until("the engine is up", 600_000, 100, () -> daemon.output().contains("Up to date"));
            for (int i = 0; i < rounds + 2; i++) {
                String path = "d" + (i * 37 % (files / 100)) + "/f" + i + ".txt";
                String head = Setup.ref(big.resolve(".git"), "refs/heads/main");
                long t0 = System.nanoTime();
                GitFixture.write(big, path, "changed " + i + "\n");
                long t1 = Proc.until("the commit", 120_000, 2, () -> !Setup.ref(big.resolve(".git"), "refs/heads/main").equals(head));
                GitFixture.write(copy, path, "changed " + i + "\n");
                long g0 = System.nanoTime();
                Proc.sh(copy, "git add -A && git commit -q -m edit");
                long g1 = System.nanoTime();
                if (i >= 2) {
                    tide.add((t1 - t0) / 1e6 - DELAY_MS);
                    git.addNanos(g1 - g0);
                }
                Thread.sleep(500);
            }
        }
        Samples full = new Samples("full");
        Samples scoped = new Samples("scoped");
        Samples cli = new Samples("git status");
        try (Git jgit = Git.open(big.toFile())) {
            GitFixture.write(big, "d5/f500.txt", "one more change\n");
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                jgit.status().call();
                long t1 = System.nanoTime();
                jgit.status().addPath("d5/f500.txt").call();
                long t2 = System.nanoTime();
                Proc.sh(big, "git status --porcelain >/dev/null");
                long t3 = System.nanoTime();
                if (i >= 2) {
                    full.addNanos(t1 - t0);
                    scoped.addNanos(t2 - t1);
                    cli.addNanos(t3 - t2);
                }
            }
        }
        new Report("Large work tree: " + files + " files, one changed", "what", "median", "p95", "ratio")
                .row("change → commit, Tidesync `run` (beyond its " + DELAY_MS + " ms delay)", Report.ms(tide.median()), Report.ms(tide.p95()),
                        Report.ratio(tide.median(), git.median()))
                .row("`git add -A && git commit`", Report.ms(git.median()), Report.ms(git.p95()), "1.00")
                .row("JGit status scoped to the changed path", Report.ms(scoped.median()), Report.ms(scoped.p95()),
                        Report.ratio(scoped.median(), full.median()))
                .row("JGit full status", Report.ms(full.median()), Report.ms(full.p95()), "1.00")
                .row("`git status --porcelain` (reference)", Report.ms(cli.median()), Report.ms(cli.p95()),
                        Report.ratio(cli.median(), full.median()))
                .print();
    }
}
