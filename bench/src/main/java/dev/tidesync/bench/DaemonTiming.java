package dev.tidesync.bench;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two numbers for the headless engine, each against a baseline from the same run:
 * <ol>
 *   <li>save → remote latency of `tidesync run` beyond its inactivity delay (baseline: the delay itself);</li>
 *   <li>idle CPU of `tidesync run` watching N repositories for a while (baseline: the same engine
 *       watching one repository).</li>
 * </ol>
 * Usage: DaemonTiming ROUNDS REPOS IDLE_SECONDS
 */
public final class DaemonTiming {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int repos = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int idleSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path root = Files.createTempDirectory("tidesync-daemon-bench");
        latency(root.resolve("latency"), rounds, 1000);
        double one = idleCpu(root.resolve("idle-1"), 1, idleSeconds);
        double many = idleCpu(root.resolve("idle-n"), repos, idleSeconds);
        System.out.printf("idle CPU, 1 repository: %.2f %% of one core%n", one);
        System.out.printf("idle CPU, %d repositories: %.2f %% of one core (ratio %.1f)%n", repos, many, many / Math.max(one, 0.01));
    }

    private static void latency(Path root, int rounds, long inactivityMs) throws Exception {
        Files.createDirectories(root);
        GitFixture fx = new GitFixture(root);
        Path laptop = fx.machine("laptop");
        GitFixture.write(laptop, "seed.md", "seed\n");
        fx.sync(laptop);
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve("config.json"), """
                {"throttle": {"minIntervalSeconds": 0},
                 "triggers": {"fileChange": {"inactivityMs": %d}, "poll": {"intervalSeconds": 3600}},
                 "repositories": [{"path": "%s"}]}
                """.formatted(inactivityMs, laptop.toRealPath()));
        Process daemon = Daemon.start(home, root.resolve("run.log")).process();
        try {
            waitFor(() -> Files.exists(home.resolve("tidesync.sock")), 30_000);
            Thread.sleep(2000);
            List<Long> beyond = new ArrayList<>();
            for (int i = 0; i < rounds + 2; i++) {
                String content = "round " + i + "\n";
                long t0 = System.nanoTime();
                GitFixture.write(laptop, "latency.md", content);
                waitFor(() -> content.equals(fx.remoteFile("latency.md")), 60_000);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                if (i >= 2) { // two warm-up rounds
                    beyond.add(ms - inactivityMs);
                }
                Thread.sleep(300);
            }
            List<Long> sorted = beyond.stream().sorted().toList();
            System.out.printf("save -> remote, %d rounds, inactivity delay %d ms: median %d ms beyond the delay (p90 %d ms), ratio to the delay %.2f%n",
                    rounds, inactivityMs, sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)),
                    (inactivityMs + sorted.get(sorted.size() / 2)) / (double) inactivityMs);
        } finally {
            daemon.destroy();
            daemon.waitFor(15, TimeUnit.SECONDS);
        }
    }

    /** Percent of one core used by `tidesync run` over {@code seconds}, after start-up settled. */
    private static double idleCpu(Path root, int repos, int seconds) throws Exception {
        Files.createDirectories(root);
        GitFixture fx = new GitFixture(root);
        Path seed = fx.machine("seed");
        GitFixture.write(seed, "seed.md", "seed\n");
        fx.sync(seed);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < repos; i++) {
            Path clone = fx.machine("repo" + i);
            for (int f = 0; f < 20; f++) {
                Files.createDirectories(clone.resolve("dir" + (f % 4)));
                GitFixture.write(clone, "dir" + (f % 4) + "/note" + f + ".md", "text " + f + "\n");
            }
            fx.sync(clone);
            list.append(i == 0 ? "" : ",").append("{\"path\": \"").append(clone.toRealPath()).append("\"}");
        }
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve("config.json"), "{\"repositories\": [" + list + "]}");
        Process daemon = Daemon.start(home, root.resolve("run.log")).process();
        try {
            waitFor(() -> Files.exists(home.resolve("tidesync.sock")), 30_000);
            Thread.sleep(15_000); // start-up catch-up syncs of every repository
            long before = cpuTicks(daemon.pid());
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long used = cpuTicks(daemon.pid()) - before;
            double elapsedTicks = (System.nanoTime() - t0) / 1e9 * 100; // USER_HZ is 100 on Linux
            return 100.0 * used / elapsedTicks;
        } finally {
            daemon.destroy();
            daemon.waitFor(15, TimeUnit.SECONDS);
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, long limitMs) throws Exception {
        long end = System.currentTimeMillis() + limitMs;
        while (System.currentTimeMillis() < end) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("timed out");
    }
}
