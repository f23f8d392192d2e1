package dev.tidesync.bench;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.engine.RecordedSync;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.GitHttpServer;
import dev.tidesync.fixture.Sshd;
import dev.tidesync.fixture.SystemUser;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What one poll round of unchanged remotes costs, per kind of remote: a local path, ssh to a
 * loopback sshd, https through lighttpd and git-http-backend. Each round polls every repository,
 * two at a time (the engine's background slots on this machine), and measures wall time and the
 * CPU of this process, its git and ssh children, and any ssh connection kept open for sharing.
 * Before: the full fetch-and-integrate every poll used to run (-Dtidesync.poll.refFirst=false,
 * in a child JVM). After: the ref-first probe; for ssh with and without one shared connection.
 * Usage: PollCost [REPOS [ROUNDS]] (ssh and https need root, sshd and lighttpd: as the transport tests)
 */
public final class PollCost {

    private static final int SLOTS = 2;

    public static void main(String[] args) throws Exception {
        if (args.length > 2) {
            poll(Path.of(args[0]), Integer.parseInt(args[1]), args[2]);
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Files.createTempDirectory("tidesync-pollcost");
        Report report = new Report("One poll round over " + count + " unchanged remotes, per kind (" + rounds
                + " rounds after 2 warm-up rounds, " + SLOTS + " at a time)",
                "remote", "poll", "wall (median)", "CPU (median)", "CPU per poll", "ratio to the full fetch (CPU)");
        kind(report, root, "local path", local(root.resolve("local"), count), Map.of(), rounds, false);
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/sbin/sshd"))) {
            report.note("ssh and https skipped: they need root, sshd and lighttpd, as the transport tests do.");
            report.print();
            return;
        }
        try (Remotes ssh = sshRemotes(root.resolve("ssh"), count)) {
            kind(report, root, "ssh (loopback sshd)", ssh.clones(), ssh.env(), rounds, true);
        }
        try (Remotes https = httpRemotes(root.resolve("http"), count)) {
            kind(report, root, "http (lighttpd + git-http-backend, basic auth)", https.clones(), https.env(), rounds, false);
        }
        report.note("CPU: this process, its waited-for children (git, ssh, git-remote-http) and any shared ssh connection;"
                + " the servers' own CPU is not counted.");
        report.print();
    }

    private record Remotes(List<Path> clones, Map<String, String> env, AutoCloseable server) implements AutoCloseable {
        public void close() throws Exception {
            server.close();
        }
    }

    private static void kind(Report report, Path root, String label, List<Path> clones, Map<String, String> env, int rounds,
                             boolean ssh) throws Exception {
        Path list = root.resolve(label.split(" ")[0] + "-clones.txt");
        Files.write(list, clones.stream().map(Path::toString).toList());
        Result full = child(list, rounds, "full", env, ssh ? Map.of("TIDESYNC_BENCH_NO_SHARING", "1") : Map.of());
        report.row(label, "full fetch (as before)", Report.ms(full.wall()), Report.ms(full.cpu()), Report.ms(full.cpu() / clones.size()), "1.00");
        if (ssh) {
            Result alone = child(list, rounds, "probe", env, Map.of("TIDESYNC_BENCH_NO_SHARING", "1"));
            report.row(label, "ref first, a connection per poll", Report.ms(alone.wall()), Report.ms(alone.cpu()),
                    Report.ms(alone.cpu() / clones.size()), Report.ratio(alone.cpu(), full.cpu()));
        }
        Result probe = child(list, rounds, "probe", env, Map.of());
        report.row(label, ssh ? "ref first, one shared connection" : "ref first", Report.ms(probe.wall()), Report.ms(probe.cpu()),
                Report.ms(probe.cpu() / clones.size()), Report.ratio(probe.cpu(), full.cpu()));
    }

    private record Result(double wall, double cpu) {}

    /** Each variant in a JVM of its own, so the switch and the JIT start equal. */
    private static Result child(Path list, int rounds, String mode, Map<String, String> env, Map<String, String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        if (mode.equals("full")) {
            command.add("-Dtidesync.poll.refFirst=false");
        }
        command.addAll(List.of(PollCost.class.getName(), list.toString(), Integer.toString(rounds), mode));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("PollCost " + mode + " failed:\n" + out);
        }
        String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        String[] parts = last.split(" ");
        return new Result(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }

    /** The child: poll every clone {@code rounds} times and print "RESULT wallMs cpuMs" (medians). */
    private static void poll(Path list, int rounds, String mode) throws Exception {
        List<Path> clones = Files.readAllLines(list).stream().map(Path::of).toList();
        Settings settings = Settings.defaults();
        Clock clock = Clock.systemUTC();
        Journal journal = new Journal(TidesyncHome.single(Files.createTempDirectory("tidesync-pollcost-home")), settings.history(), clock);
        Map<String, String> env = new HashMap<>(System.getenv());
        if (env.containsKey("TIDESYNC_BENCH_NO_SHARING")) {
            env.put("GIT_SSH_COMMAND", env.get("GIT_SSH_COMMAND") + " -o ControlPath=none"); // given first, it wins over ours
        }
        RecordedSync service = new RecordedSync(settings, journal, GitAccess.detect(settings.network(), env), clock, "bench");
        SyncRequest poll = SyncRequest.of(Action.PULL, Trigger.POLL);
        Samples wall = new Samples("wall");
        Samples cpu = new Samples("cpu");
        ExecutorService slots = Executors.newFixedThreadPool(SLOTS);
        for (int round = 0; round < rounds + 2; round++) {
            double cpu0 = cpuWithChildren();
            long t0 = System.nanoTime();
            List<Future<SyncOutcome>> running = new ArrayList<>();
            for (Path clone : clones) {
                running.add(slots.submit(() -> service.run(RepositorySettings.of(clone, List.of(), SyncMode.AUTO_COMMIT), poll)));
            }
            for (Future<SyncOutcome> f : running) {
                SyncOutcome o = f.get();
                if (o.result() != SyncResult.OK || !o.changedNothing()) {
                    throw new IllegalStateException(o.name() + ": " + o.message());
                }
            }
            long t1 = System.nanoTime();
            double cpu1 = cpuWithChildren();
            if (round >= 2) {
                wall.addNanos(t1 - t0);
                cpu.add(cpu1 - cpu0);
            }
        }
        slots.shutdown();
        endSharedConnections();
        System.out.println("RESULT " + wall.median() + " " + cpu.median());
    }

    /** utime, stime, cutime, cstime of this process, plus every shared ssh connection's own (they are not our waited-for children). */
    private static double cpuWithChildren() throws IOException {
        String[] f = statFields(Files.readString(Path.of("/proc/self/stat")));
        double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        for (long pid : sharedConnections()) {
            try {
                String[] m = statFields(Files.readString(Path.of("/proc/" + pid + "/stat")));
                ticks += Long.parseLong(m[11]) + Long.parseLong(m[12]);
            } catch (IOException gone) {
                // ended meanwhile
            }
        }
        return ticks * 10; // USER_HZ is 100
    }

    /** The fields after "pid (comm)": index 0 is the state. */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static List<Long> sharedConnections() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("tidesync-ssh-")).orElse(false)
                        && p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    private static void endSharedConnections() {
        sharedConnections().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    }

    private static List<Path> local(Path root, int count) throws Exception {
        List<Path> clones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clones.add(Setup.seededClone(new GitFixture(Files.createDirectories(root.resolve("r" + i))), "clone", 20));
        }
        return clones;
    }

    private static Remotes sshRemotes(Path root, int count) throws Exception {
        SystemUser owner = SystemUser.fresh("tsbench", "/usr/bin/git-shell");
        Files.createDirectories(root);
        Path key = root.resolve("id_bench");
        Proc.sh(root, "ssh-keygen -q -t ed25519 -N '' -f '" + key + "'");
        Sshd sshd = Sshd.start(owner, List.of(Files.readString(root.resolve("id_bench.pub")).strip()));
        Path knownHosts = root.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        Map<String, String> env = Map.of("GIT_SSH_COMMAND", "ssh -F /dev/null -i " + key + " -o IdentitiesOnly=yes -o UserKnownHostsFile="
                + knownHosts);
        List<Path> clones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path bare = sshd.bareRepo("r" + i);
            clones.add(seed(root.resolve("r" + i), "ssh://tsbench@127.0.0.1:" + sshd.port() + bare, env));
        }
        return new Remotes(clones, env, sshd);
    }

    private static Remotes httpRemotes(Path root, int count) throws Exception {
        GitHttpServer server = GitHttpServer.start("bench", "s3cret-pass");
        List<Path> clones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = server.bareRepo("r" + i).replace("http://", "http://bench:s3cret-pass@");
            clones.add(seed(root.resolve("r" + i), url, Map.of()));
        }
        return new Remotes(clones, Map.of(), server);
    }

    /** A clone of an empty remote with 20 notes committed and pushed, tracking main. */
    private static Path seed(Path clone, String url, Map<String, String> env) throws Exception {
        Files.createDirectories(clone.getParent());
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "git clone -q '" + url + "' '" + clone + "' 2>/dev/null"
                + " && cd '" + clone + "' && for i in $(seq 20); do echo text $i > note$i.md; done"
                + " && git -c user.name=Bench -c user.email=bench@example.com add -A"
                + " && git -c user.name=Bench -c user.email=bench@example.com commit -q -m seed && git push -q -u origin HEAD:main")
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("seeding " + url + " failed: " + out);
        }
        return clone;
    }
}
