package dev.tidesync.bench;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.Mosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Remote → local through announcements: two `tidesync run` engines ("laptop" and "desktop") on
 * one bare remote, Debian's Mosquitto on loopback between them, polls 15 minutes apart. The
 * laptop's engine commits and pushes an edit; the clock starts when the push lands on the remote
 * (its branch ref changes) and stops when the file is in the desktop's work tree. In the same
 * run, the poll-only path: the same two engines without the broker, polling at the default 60 s.
 * Usage: Announced [ROUNDS] [POLL_ONLY_ROUNDS]
 */
public final class Announced {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int pollRounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Files.createTempDirectory("tidesync-announce-bench");
        Samples announced = new Samples("announced");
        Samples polled = new Samples("polled");
        try (Mosquitto broker = Mosquitto.start(root.resolve("broker"), Optional.empty())) {
            run(root.resolve("announced"), rounds, """
                    "announce": {"url": "%s", "key": "%s"},
                    "triggers": {"fileChange": {"inactivityMs": 300}, "poll": {"intervalSeconds": 900}}"""
                    .formatted(broker.url(), "bench key, long enough to count"), announced);
        }
        run(root.resolve("polled"), pollRounds, """
                "triggers": {"fileChange": {"inactivityMs": 300}, "poll": {"intervalSeconds": 60}}""", polled);
        new Report("Remote → local: another machine's engine pushes, this one has the file (file:// remote, Mosquitto on loopback)",
                "how", "pushes", "median", "p95", "ratio")
                .row("announcement over MQTT, polls every 15 min", announced.count(), Report.ms(announced.median()),
                        Report.ms(announced.p95()), Report.ratio(announced.median(), polled.median()))
                .row("poll only, the default poll (every 60 s, jittered)", polled.count(),
                        Report.ms(polled.median()), Report.ms(polled.p95()), "1.00")
                .note("From the push landing on the remote (its branch ref changed) to the file in the other work tree; "
                        + "the announcement path includes the 300 ms burst window, the fetch and the rebase.")
                .print();
    }

    private static void run(Path root, int rounds, String settings, Samples samples) throws Exception {
        GitFixture fx = new GitFixture(Files.createDirectories(root));
        Path laptop = Setup.seededClone(fx, "laptop", 5);
        Path desktop = fx.machine("desktop");
        String extra = "\"throttle\": {\"minIntervalSeconds\": 0},\n" + settings;
        Path laptopHome = Setup.home(root.resolve("laptop-home"), List.of(laptop), extra);
        Path desktopHome = Setup.home(root.resolve("desktop-home"), List.of(desktop), extra);
        Path bare = fx.remote();
        Random random = new Random(7);
        try (Daemon a = Daemon.start(laptopHome, root.resolve("laptop.log"), Map.of(), Daemon.LAUNCHER_OPTIONS);
             Daemon b = Daemon.start(desktopHome, root.resolve("desktop.log"), Map.of(), Daemon.LAUNCHER_OPTIONS)) {
            Proc.until("both engines are up", 60_000, 20, () -> a.output().contains("watching 1 repositories")
                    && b.output().contains("watching 1 repositories"));
            Thread.sleep(2000); // the start-up syncs and the broker connections settle
            for (int i = 0; i < rounds; i++) {
                String before = Setup.ref(bare, "refs/heads/main");
                String name = "note-" + i;
                GitFixture.write(laptop, name + ".md", name + "\n");
                Proc.until(name + " is pushed", 60_000, 1, () -> !Setup.ref(bare, "refs/heads/main").equals(before));
                long landed = System.nanoTime();
                long arrived = Proc.until(name + " arrives on the desktop", 1_200_000, 2, () -> Files.exists(desktop.resolve(name + ".md")));
                samples.addNanos(arrived - landed);
                Thread.sleep(500 + random.nextInt(1000));
            }
        }
    }
}
