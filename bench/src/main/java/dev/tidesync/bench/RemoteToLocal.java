package dev.tidesync.bench;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Remote → local: another machine pushes, and the clock stops when the file is in the watched
 * work tree. Tidesync polls (interval {@value #POLL_SECONDS} s, jittered, with calm polling's
 * stretching off so the interval is what is measured); the baseline is a
 * git-CLI loop `while sleep N; do git pull --rebase; done` with the same interval, in the
 * same run. A second case is the agent's way: `tidesync hook session-start` pulls on demand,
 * next to a plain `git pull --rebase`. Usage: RemoteToLocal [ROUNDS]
 */
public final class RemoteToLocal {

    private static final int POLL_SECONDS = 5;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path root = Files.createTempDirectory("tidesync-pull-bench");
        Setup.Pair pair = Setup.pair(root);
        GitFixture tideFx = pair.tideFx();
        GitFixture gitFx = pair.gitFx();
        Path tide = pair.tide();
        Path plain = pair.plain();
        Path tideOther = tideFx.machine("desktop");
        Path gitOther = gitFx.machine("desktop");
        Path home = Setup.home(root.resolve("home"), List.of(tide), """
                "throttle": {"minIntervalSeconds": 0},
                "triggers": {"poll": {"intervalSeconds": %d, "maxIntervalSeconds": %d}, "sessionStart": {"action": "pull"}}"""
                .formatted(POLL_SECONDS, POLL_SECONDS));
        Samples tidePoll = new Samples("tidesync poll");
        Samples gitPoll = new Samples("git loop");
        Samples hook = new Samples("hook session-start");
        Samples pull = new Samples("git pull");
        Random random = new Random(42);
        try (Daemon daemon = Daemon.start(home, root.resolve("run.log"), Map.of(), Daemon.LAUNCHER_OPTIONS)) {
            Process loop = Proc.start(plain, root.resolve("loop.log"), List.of("sh", "-c",
                    "while sleep " + POLL_SECONDS + "; do git pull -q --rebase; done"));
            try {
                Proc.until("the engine is up", 60_000, 20, () -> daemon.output().contains("Up to date"));
                for (int i = 0; i < rounds; i++) {
                    Thread.sleep(random.nextInt(POLL_SECONDS * 1000)); // pushes land at any point of the interval
                    tidePoll.add(pushAndWait(tideOther, tide, "poll-" + i));
                    gitPoll.add(pushAndWait(gitOther, plain, "poll-" + i));
                }
            } finally {
                Proc.stop(loop);
            }
            Path jar = Path.of("engine/target/tidesync.jar");
            for (int i = 0; i < Math.min(rounds, 15); i++) {
                push(tideOther, "hook-" + i);
                long t0 = System.nanoTime();
                Proc.sh(tide, String.join(" ", "java", String.join(" ", Daemon.LAUNCHER_OPTIONS), "-cp", jar.toAbsolutePath().toString(),
                        "dev.tidesync.cli.Main", "--home", home.toString(), "hook", "session-start", "--cwd", tide.toString(), "</dev/null"));
                hook.addNanos(System.nanoTime() - t0);
                check(tide, "hook-" + i);
                push(gitOther, "pull-" + i);
                t0 = System.nanoTime();
                Proc.sh(plain, "git pull -q --rebase");
                pull.addNanos(System.nanoTime() - t0);
                check(plain, "pull-" + i);
            }
        }
        new Report("Remote → local (" + rounds + " pushes from another clone, file:// remotes)", "how", "median", "p95", "ratio")
                .row("Tidesync `run`, poll every " + POLL_SECONDS + " s (jittered, not stretched)", Report.ms(tidePoll.median()), Report.ms(tidePoll.p95()),
                        Report.ratio(tidePoll.median(), gitPoll.median()))
                .row("git CLI loop, `git pull --rebase` every " + POLL_SECONDS + " s", Report.ms(gitPoll.median()), Report.ms(gitPoll.p95()), "1.00")
                .row("`tidesync hook session-start` (waits for its pull; whole process)", Report.ms(hook.median()), Report.ms(hook.p95()),
                        Report.ratio(hook.median(), pull.median()))
                .row("`git pull --rebase` by hand", Report.ms(pull.median()), Report.ms(pull.p95()), "1.00")
                .print();
    }

    private static void push(Path other, String name) throws Exception {
        GitFixture.write(other, name + ".md", name + "\n");
        Proc.sh(other, "git pull -q --rebase origin main && git add -A && git commit -q -m " + name + " && git push -q origin HEAD:main");
    }

    private static double pushAndWait(Path other, Path watched, String name) throws Exception {
        push(other, name);
        long t0 = System.nanoTime();
        long t1 = Proc.until(name + " arrives", 120_000, 5, () -> Files.exists(watched.resolve(name + ".md")));
        return (t1 - t0) / 1e6;
    }

    private static void check(Path clone, String name) {
        if (!Files.exists(clone.resolve(name + ".md"))) {
            throw new IllegalStateException(name + " did not arrive in " + clone);
        }
    }
}
