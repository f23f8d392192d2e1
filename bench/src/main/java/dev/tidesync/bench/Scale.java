package dev.tidesync.bench;

import dev.tidesync.engine.RecordedSync;
import com.sun.management.OperatingSystemMXBean;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.sync.SyncService;
import dev.tidesync.model.Trigger;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Many watched repositories, nothing changing:
 * <ol>
 *   <li>one poll round over all of them, in-process as the engine runs it (wall and CPU), next
 *       to the git CLI pulling each in turn;</li>
 *   <li>`tidesync run` idle for a while after start-up: CPU share and resident memory, with the
 *       default triggers (a poll per repository per minute) and with polling off (watchers and
 *       timers only), next to the same engine watching one repository.</li>
 * </ol>
 * Usage: Scale [REPOS [IDLE_SECONDS [idle-only|steady-only]]] (steady-only: the announced steady state alone)
 */
public final class Scale {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path root = Files.createTempDirectory("tidesync-scale-bench");
        List<Path> repos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GitFixture fx = new GitFixture(Files.createDirectories(root.resolve("r" + i)));
            repos.add(Setup.seededClone(fx, "clone", 20));
        }
        String only = args.length > 2 ? args[2] : "";
        if (only.equals("steady-only")) {
            Report steady = new Report("`tidesync run` idle with " + count + " repositories, announcements connected, steady state",
                    "engine", "CPU, % of one core", "resident memory");
            announcedSteady(steady, root, repos, idleSeconds);
            steady.print();
            return;
        }
        if (!only.equals("idle-only")) {
            pollRound(root, repos);
        }
        Report idle = new Report("`tidesync run` idle with " + count + " repositories, nothing changing (" + idleSeconds + " s)",
                "engine", "CPU, % of one core", "resident memory");
        idle(idle, root.resolve("idle-1"), repos.subList(0, 1), "", idleSeconds, 10, "1 repository, default triggers");
        idle(idle, root.resolve("idle-n"), repos, "", idleSeconds, 10,
                count + " repositories, default triggers, no announcements (each polled every 60 s)");
        if (!only.equals("idle-only")) {
            announcedSteady(idle, root, repos, idleSeconds);
        }
        idle(idle, root.resolve("idle-n-nopoll"), repos, "\"triggers\": {\"poll\": {\"enabled\": false}}", idleSeconds, 10,
                count + " repositories, polling off (watchers and timers only)");
        idle.print();
    }

    /**
     * Default triggers with the announcement channel connected to a loopback Mosquitto: quiet
     * polls stretch to 15 minutes, so the steady state is measured once every repository got
     * there (60 + 120 + 240 + 480 s, with jitter), over {@code seconds}.
     */
    private static void announcedSteady(Report report, Path root, List<Path> repos, int seconds) throws Exception {
        try (dev.tidesync.fixture.Mosquitto broker = dev.tidesync.fixture.Mosquitto.start(root.resolve("broker"), java.util.Optional.empty())) {
            idle(report, root.resolve("idle-n-announced"), repos, "\"announce\": {\"url\": \"" + broker.url()
                    + "\", \"key\": \"bench-key-bench-key-bench\"}", seconds, ANNOUNCED_STEADY_AFTER_SECONDS, repos.size()
                    + " repositories, default triggers, announcements connected, after " + ANNOUNCED_STEADY_AFTER_SECONDS / 60
                    + " min (quiet polls stretched to 15 min), over " + seconds + " s");
        }
    }

    /** Long enough for quiet polls to reach the 900 s of a repository announcements cover. */
    private static final int ANNOUNCED_STEADY_AFTER_SECONDS = 1020;

    private static void pollRound(Path root, List<Path> repos) throws Exception {
        Settings settings = Settings.defaults();
        Journal journal = new Journal(TidesyncHome.single(Files.createDirectories(root.resolve("poll-home"))), settings.history(),
                Clock.systemUTC());
        RecordedSync service = new RecordedSync(settings, journal, GitAccess.detect(settings.network(), System.getenv()),
                Clock.systemUTC(), "bench");
        List<RepositorySettings> all = repos.stream().map(r -> RepositorySettings.of(r, List.of(), SyncMode.AUTO_COMMIT)).toList();
        SyncRequest poll = SyncRequest.of(Action.PULL, Trigger.POLL);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Samples wall = new Samples("wall");
        Samples cpu = new Samples("cpu");
        for (int round = 0; round < 8; round++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<SyncOutcome> outcomes = service.runAll(all, poll);
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            for (SyncOutcome o : outcomes) {
                if (o.result() != SyncResult.OK) {
                    throw new IllegalStateException(o.name() + ": " + o.message());
                }
            }
            if (round >= 3) { // three warm-up rounds
                wall.addNanos(t1 - t0);
                cpu.addNanos(cpu1 - cpu0);
            }
        }
        Samples gitWall = new Samples("git wall");
        String each = repos.stream().map(r -> "git -C '" + r + "' pull -q --rebase").collect(Collectors.joining("\n"));
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            Proc.sh(root, each);
            gitWall.addNanos(System.nanoTime() - t0);
        }
        new Report("One poll round over " + repos.size() + " unchanged repositories (file:// remotes)",
                "who", "wall (median of 5)", "CPU (median)", "ratio to git (wall)")
                .row("Tidesync engine, in-process (`syncAll`, virtual threads)", wall.summary(), Report.ms(cpu.median()),
                        Report.ratio(wall.median(), gitWall.median()))
                .row("git CLI, `git pull --rebase` in each, one after another", gitWall.summary(), "–", "1.00")
                .print();
    }

    private static void idle(Report report, Path dir, List<Path> repos, String triggers, int seconds, int settleSeconds, String label)
            throws Exception {
        Path home = Setup.home(dir, repos, triggers);
        try (Daemon daemon = Daemon.start(home, dir.resolve("run.log"), java.util.Map.of(), Daemon.LAUNCHER_OPTIONS)) {
            long pid = daemon.process().pid();
            Proc.until("the engine is up", 60_000, 50, () -> Files.exists(home.resolve("tidesync.sock")));
            // start-up catches up with every repository once; idle is what comes after
            Proc.until("every repository caught up", 300_000, 200,
                    () -> daemon.output().lines().filter(l -> l.contains("Up to date")).count() >= repos.size());
            Thread.sleep(settleSeconds * 1000L);
            double cpu0 = Proc.cpuMillis(pid);
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double used = Proc.cpuMillis(pid) - cpu0;
            double elapsed = (System.nanoTime() - t0) / 1e6;
            report.row(label, Report.pct(100 * used / elapsed), "%.0f MiB".formatted(Proc.rssMiB(pid)));
        }
    }
}
