package dev.tidesync.bench;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Many repositories watched at once, with the machine's inotify limits as they are (Linux's
 * defaults: 128 instances per user, watches sized by the RAM): `tidesync run` with the launcher's
 * JVM options, after start-up caught up with every repository. Reported per size: resident memory,
 * threads, inotify instances and watches held, CPU over the idle stretch, and the time from a save
 * in one of the last repositories to its commit, beyond the inactivity delay (one save each in the
 * last {@value #SAVES} repositories, one at a time).
 * Usage: ManyRepos [IDLE_SECONDS [COUNT...]]   (default: 120 s; 200 and 1000 repositories)
 */
public final class ManyRepos {

    private static final int DELAY_MS = 1000;
    private static final int SAVES = 10;

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        if (counts.isEmpty()) {
            counts = List.of(200, 1000);
        }
        Path root = Files.createTempDirectory("tidesync-many-bench");
        int largest = counts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Path> repos = new ArrayList<>();
        for (int i = 0; i < largest; i++) {
            GitFixture fx = new GitFixture(Files.createDirectories(root.resolve("r" + i)));
            repos.add(Setup.seededClone(fx, "clone", 8));
        }
        Report report = new Report("`tidesync run` watching many repositories, inotify limits as the machine has them (max_user_instances "
                + sysctl("max_user_instances") + ", max_user_watches " + sysctl("max_user_watches") + "), idle " + idleSeconds + " s",
                "repositories, triggers", "resident memory", "threads", "inotify instances / watches", "CPU, % of one core",
                "save → commit beyond the delay (median, max of " + SAVES + ")");
        for (int count : counts) {
            List<Path> watched = repos.subList(0, count);
            measure(report, root.resolve("home-" + count + "-nopoll"), watched, "\"triggers\": {\"poll\": {\"enabled\": false}, "
                    + "\"fileChange\": {\"inactivityMs\": " + DELAY_MS + "}}", idleSeconds, count + ", polling off");
            measure(report, root.resolve("home-" + count), watched, "\"triggers\": {\"fileChange\": {\"inactivityMs\": " + DELAY_MS + "}}",
                    idleSeconds, count + ", default triggers (a poll each per minute)");
        }
        report.print();
    }

    private static void measure(Report report, Path home, List<Path> repos, String triggers, int idleSeconds, String label) throws Exception {
        Setup.home(home, repos, triggers);
        try (Daemon daemon = Daemon.start(home, home.resolve("run.log"), java.util.Map.of(), Daemon.LAUNCHER_OPTIONS)) {
            long pid = daemon.process().pid();
            Proc.until("the engine is up", 60_000, 50, () -> Files.exists(home.resolve("tidesync.sock")));
            Proc.until("every repository caught up", 900_000, 500,
                    () -> daemon.output().lines().filter(l -> l.contains("Up to date")).count() >= repos.size());
            Thread.sleep(10_000);
            double cpu0 = Proc.cpuMillis(pid);
            long t0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            double cpu = 100 * (Proc.cpuMillis(pid) - cpu0) / ((System.nanoTime() - t0) / 1e6);
            double rss = Proc.rssMiB(pid);
            long threads = threads(pid);
            String inotify = inotify(pid);
            Samples saves = new Samples("save → commit");
            for (int i = 0; i < SAVES; i++) {
                Path repo = repos.get(repos.size() - 1 - i);
                Path gitDir = repo.resolve(".git");
                String before = Setup.ref(gitDir, "refs/heads/main");
                long s0 = System.nanoTime();
                GitFixture.write(repo, "saved.md", "save " + i + " of " + label + " at " + System.nanoTime() + "\n");
                long s1 = Proc.until("the commit in " + repo, 60_000, 2, () -> !Setup.ref(gitDir, "refs/heads/main").equals(before));
                saves.add((s1 - s0) / 1e6 - DELAY_MS);
                Thread.sleep(300);
            }
            report.row(label, "%.0f MiB".formatted(rss), String.valueOf(threads), inotify, Report.pct(cpu),
                    Report.ms(saves.median()) + ", " + Report.ms(saves.percentile(100)));
        }
    }

    private static long threads(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("Threads:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    /** Inotify instances the process holds and the watches in them, from /proc/PID/fd and fdinfo. */
    private static String inotify(long pid) throws IOException {
        int instances = 0;
        long watches = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().contains("inotify")) {
                        instances++;
                        watches += Files.readAllLines(Path.of("/proc/" + pid + "/fdinfo/" + fd.getFileName())).stream()
                                .filter(l -> l.startsWith("inotify wd:")).count();
                    }
                } catch (IOException gone) {
                    // the descriptor closed while we looked
                }
            }
        }
        return instances + " / " + watches;
    }

    private static String sysctl(String name) {
        try {
            // readAllLines, not readString: /proc files report a size of 0, and readString then returns one byte
            return Files.readAllLines(Path.of("/proc/sys/fs/inotify/" + name)).getFirst().strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
