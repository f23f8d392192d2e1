package dev.tidesync.torture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.cli.Main;
import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.Mosquitto;
import dev.tidesync.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three machines, each with its own clone, home and `tidesync run`, share one bare remote and
 * hear each other's pushes over a loopback Mosquitto. Someone writes on all three at once: lines
 * appended, files created, renamed and deleted, and now and then a line appended to the same
 * file on two machines at the same moment. Engines are killed with kill -9 and started again at
 * random, and the broker is restarted once. A conflict is resolved as a user would, keeping both.
 * Then quiet: every work tree must equal the remote's branch, every line any machine wrote must
 * be in it (or, for a file the writer deleted, in some history), and `git fsck` must be clean.
 */
class ConvergenceTortureTest {

    private static final int MACHINES = 3;
    private static final Pattern TOKEN = Pattern.compile("tok-m\\d-\\d{6}");

    @TempDir
    Path dir;

    /** One machine: its clone, its home, its engine now (null while it is down), and when that engine started. */
    private static final class Machine {
        final int id;
        final Path clone;
        final Path home;
        volatile Daemon engine;
        volatile long upSince = Long.MAX_VALUE;
        /** Files this machine created, with when, for renames and deletions. */
        final Map<String, Long> created = new ConcurrentHashMap<>();

        Machine(int id, Path clone, Path home) {
            this.id = id;
            this.clone = clone;
            this.home = home;
        }
    }

    /** Where the machines' shared remote lives: a bare repository here, reached by path or over HTTP. */
    private interface Remote {
        Path bare();

        Path clone(String name) throws Exception;
    }

    @Test
    void threeMachinesKilledAtRandomWithTheBrokerRestartedConvergeAndLoseNothing() throws Exception {
        GitFixture fx = new GitFixture(dir);
        converge("convergence: 3 machines, announcements, kill -9 at random, broker restarted", new Remote() {
            public Path bare() {
                return fx.remote();
            }

            public Path clone(String name) throws Exception {
                return fx.machine(name);
            }
        });
    }

    /** The same over git-http-backend behind basic auth: the full run only (bench/torture.sh), as it needs root and lighttpd. */
    @Test
    void theSameOverHttpConvergesAndLosesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Torture.full(), "the HTTP run is part of the full suite (-Dtorture=full)");
        dev.tidesync.fixture.LoopbackServers.require();
        try (dev.tidesync.fixture.GitHttpServer server = dev.tidesync.fixture.GitHttpServer.start("tess", "s3cret-pass")) {
            String url = server.bareRepo("notes").replace("http://", "http://tess:s3cret-pass@");
            converge("convergence over HTTP: 3 machines, announcements, kill -9 at random, broker restarted", new Remote() {
                public Path bare() {
                    return server.repoPath("notes");
                }

                public Path clone(String name) throws Exception {
                    Path clone = dir.resolve(name);
                    run(dir, "git", "clone", "-q", url, clone.toString());
                    run(clone, "git", "config", "user.name", name);
                    run(clone, "git", "config", "user.email", name + "@example.com");
                    run(clone, "git", "symbolic-ref", "HEAD", "refs/heads/main");
                    return clone;
                }
            });
        }
    }

    private void converge(String label, Remote remote) throws Exception {
        long seconds = Long.getLong("torture.convergence.seconds", (long) Torture.runs(50, 1800));
        long seed = Long.getLong("torture.seed", System.nanoTime());
        Random random = new Random(seed);
        Path bare = remote.bare();
        Path seedClone = remote.clone("seed");
        GitFixture.write(seedClone, "shared.md", "# shared\n");
        GitFixture.git(seedClone, "add", "-A");
        GitFixture.git(seedClone, "commit", "-q", "-m", "seed");
        GitFixture.git(seedClone, "push", "-q", "-u", "origin", "HEAD:main");

        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), Optional.empty())) {
            List<Machine> machines = new ArrayList<>();
            for (int m = 0; m < MACHINES; m++) {
                Path clone = remote.clone("m" + m);
                Path home = Files.createDirectories(dir.resolve("home-m" + m));
                // Deletions come in bursts while an engine is down; the mass-deletion guard would rightly hold them back.
                Files.writeString(home.resolve("config.json"), """
                        {"throttle": {"minIntervalSeconds": 0}, "guards": {"massDeletion": {"enabled": false}},
                         "triggers": {"fileChange": {"inactivityMs": 200}, "poll": {"intervalSeconds": 30}},
                         "announce": {"url": "%s", "key": "convergence-soak-key-0123456789"},
                         "repositories": [{"path": "%s"}]}
                        """.formatted(broker.url(), clone.toRealPath()));
                Machine machine = new Machine(m, clone, home);
                start(machine);
                machines.add(machine);
            }
            Map<String, String> written = new ConcurrentHashMap<>(); // token -> which machine wrote it to which file
            List<String> moves = java.util.Collections.synchronizedList(new ArrayList<>());
            Set<String> deleted = ConcurrentHashMap.newKeySet();
            int kills = 0;
            int conflicts = 0;
            boolean restarted = false;
            long started = System.nanoTime();
            long end = started + Duration.ofSeconds(seconds).toNanos();
            long nextKill = System.nanoTime() + Duration.ofMillis(2000 + random.nextInt(4000)).toNanos();
            long nextCheck = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int op = 0;
            while (System.nanoTime() < end) {
                write(machines, random, op++, written, deleted, moves);
                Thread.sleep(random.nextInt(120));
                if (!restarted && System.nanoTime() > started + (end - started) / 2) {
                    broker.restart();
                    restarted = true;
                }
                if (System.nanoTime() > nextKill) {
                    Machine victim = machines.get(random.nextInt(MACHINES));
                    if (victim.engine != null) {
                        victim.engine.kill();
                        victim.engine = null;
                        victim.upSince = Long.MAX_VALUE;
                        kills++;
                    } else {
                        start(victim);
                    }
                    nextKill = System.nanoTime() + Duration.ofMillis(1500 + random.nextInt(5000)).toNanos();
                }
                if (System.nanoTime() > nextCheck) {
                    conflicts += resolveConflicts(machines);
                    nextCheck = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            }
            for (Machine m : machines) {
                if (m.engine == null) {
                    start(m);
                }
            }
            // Quiet: wait until every machine has the remote's branch and nothing of its own left.
            long quietEnd = System.nanoTime() + Duration.ofSeconds(Torture.runs(60, 180)).toNanos();
            while (!converged(bare, machines) && System.nanoTime() < quietEnd) {
                conflicts += resolveConflicts(machines);
                Thread.sleep(500);
            }
            boolean converged = converged(bare, machines);

            Set<String> inFinalTree = tokens(remoteTreeText(bare));
            Set<String> inAnyHistory = new HashSet<>(tokens(run(bare, "git", "--git-dir", bare.toString(), "log", "--all", "-p")));
            for (Machine m : machines) {
                inAnyHistory.addAll(tokens(run(m.clone, "git", "log", "--all", "-p")));
                inAnyHistory.addAll(tokens(workTreeText(m.clone)));
            }
            List<String> lost = new ArrayList<>();
            String where = "";
            for (String token : written.keySet()) {
                boolean kept = deleted.contains(token) ? inAnyHistory.contains(token) || inFinalTree.contains(token) : inFinalTree.contains(token);
                if (!kept) {
                    lost.add(token);
                }
            }
            for (Machine m : machines) {
                m.engine.terminate(30);
                GitFixture.assertHealthy(m.clone);
            }
            GitFixture.assertHealthy(bare);
            Torture.result(label, kills, lost.size(),
                    "%d lines written over %d s, %d conflicts reported and resolved keeping both, %s, fsck clean (seed %d)".formatted(
                            written.size(), seconds, conflicts, converged ? "all work trees equal the remote" : "NOT converged", seed));
            if (!lost.isEmpty() || !converged) {
                Path kept = Path.of(System.getProperty("torture.results", "target/torture")).resolve("convergence-" + seed);
                Files.createDirectories(kept);
                StringBuilder found = new StringBuilder();
                for (String token : lost) {
                    String source = written.get(token);
                    String file = source.substring(source.indexOf(':') + 1);
                    found.append(token).append(" written by ").append(source).append(deleted.contains(token) ? " (its file was deleted)" : "")
                            .append(": ").append(inAnyHistory.contains(token) ? "in some history or work tree" : "nowhere").append('\n');
                    moves.stream().filter(mv -> mv.contains(" " + file + " ")).forEach(mv -> found.append("  ").append(mv).append('\n'));
                    for (Machine m : machines) {
                        String here = run(m.clone, "git", "grep", "-l", "--untracked", token);
                        if (!here.isBlank()) {
                            found.append("  in m").append(m.id).append("'s work tree: ").append(here.strip().replace('\n', ' ')).append('\n');
                        }
                    }
                    Path writerLog = machines.get(source.charAt(1) - '0').home.resolve("run.log");
                    List<String> mentions = Files.readAllLines(writerLog).stream().filter(l -> l.contains(file.substring(file.lastIndexOf('/') + 1))).toList();
                    mentions.subList(Math.max(0, mentions.size() - 6), mentions.size()).forEach(l -> found.append("  log: ").append(l).append('\n'));
                    found.append("  commits adding or removing it on the remote:\n")
                            .append(run(bare, "git", "--git-dir", bare.toString(), "log", "--all", "--format=  %h %s", "-G", token));
                }
                where = found + (converged ? "" : "(the machines had NOT converged: a line may still wait in a work tree)\n");
                Files.writeString(kept.resolve("lost.txt"), where);
                for (Machine m : machines) {
                    Files.copy(m.home.resolve("run.log"), kept.resolve("m" + m.id + "-run.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if (Files.exists(m.home.resolve("resolve.log"))) {
                        Files.copy(m.home.resolve("resolve.log"), kept.resolve("m" + m.id + "-resolve.log"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.writeString(kept.resolve("m" + m.id + "-status.txt"), run(m.clone, "git", "status") + run(m.clone, "git", "log",
                            "--oneline", "--graph", "--all", "-20"));
                }
            }
            assertThat(lost).as("lines written and found nowhere they should be (seed %d); where they are:%n%s", seed, where).isEmpty();
            assertThat(converged).as("every work tree equals the remote's branch after the quiet period (seed %d)", seed).isTrue();
            assertThat(kills).as("engines were killed").isPositive();
        }
    }

    /** Starts the machine's engine; it counts as up (for the writer's deletions) once it says it watches the repository. */
    private static void start(Machine m) throws IOException, InterruptedException {
        Path log = m.home.resolve("run.log");
        long before = watching(log);
        m.engine = Daemon.start(m.home, log, Map.of("HOSTNAME", "m" + m.id));
        for (int i = 0; i < 300 && watching(log) == before; i++) {
            Thread.sleep(50);
        }
        m.upSince = System.nanoTime();
    }

    private static long watching(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("watching 1 repositories")).count() : 0;
    }

    /** One user action on a random machine; every line carries a token found again at the end. */
    private static void write(List<Machine> machines, Random random, int op, Map<String, String> written, Set<String> deleted, List<String> moves)
            throws IOException {
        Machine m = machines.get(random.nextInt(machines.size()));
        int kind = random.nextInt(100);
        String token = "tok-m" + m.id + "-%06d".formatted(op);
        if (kind < 55) {
            String path = "m" + m.id + "/notes" + random.nextInt(3) + ".md";
            append(m.clone.resolve(path), token);
            written.put(token, "m" + m.id + ":" + path);
        } else if (kind < 75) {
            String path = "m" + m.id + "/new/f" + op + ".md";
            append(m.clone.resolve(path), token);
            m.created.put(path, System.nanoTime());
            written.put(token, "m" + m.id + ":" + path);
        } else if (kind < 85) {
            // The same file on two machines at the same moment: the end of shared.md, a conflict in waiting.
            Machine other = machines.get((m.id + 1 + random.nextInt(machines.size() - 1)) % machines.size());
            String second = "tok-m" + other.id + "-%06d".formatted(op + 500_000);
            append(m.clone.resolve("shared.md"), token);
            append(other.clone.resolve("shared.md"), second);
            written.put(token, "m" + m.id + ":shared.md");
            written.put(second, "m" + other.id + ":shared.md");
        } else {
            // Rename or delete one of this machine's own files, written while its engine was up, 3 s ago or
            // more; a deletion only once the file is committed. A file deleted before Tidesync committed it
            // (the engine was starting, or the repository waits on a conflict) is the user's own loss.
            long now = System.nanoTime();
            List<String> settled = m.created.entrySet().stream()
                    .filter(e -> now - e.getValue() > Duration.ofSeconds(3).toNanos() && m.upSince < e.getValue())
                    .map(Map.Entry::getKey).sorted().toList();
            if (settled.isEmpty() || m.engine == null) {
                return;
            }
            String path = settled.get(random.nextInt(settled.size()));
            Path file = m.clone.resolve(path);
            if (!Files.exists(file)) {
                m.created.remove(path);
                return;
            }
            if (kind < 93) {
                String renamed = path.replace(".md", "-r" + op + ".md");
                Files.move(file, m.clone.resolve(renamed));
                moves.add("m" + m.id + " renamed " + path + " to " + renamed + " (op " + op + ")");
                m.created.remove(path);
                m.created.put(renamed, m.created.getOrDefault(path, now));
            } else {
                if (!committed(m.clone, path)) {
                    return; // still only in the work tree (the repository may be waiting on a conflict): deleting it would be the user's loss
                }
                for (String t : tokens(Files.readString(file))) {
                    deleted.add(t);
                }
                Files.delete(file);
                moves.add("m" + m.id + " deleted " + path + " (op " + op + ")");
                m.created.remove(path);
            }
        }
    }

    /** Whether the file as it is now is in the branch's last commit. */
    private static boolean committed(Path clone, String path) throws IOException {
        try {
            return new ProcessBuilder("git", "ls-files", "--error-unmatch", "--", path).directory(clone.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0
                    && new ProcessBuilder("git", "diff", "--quiet", "HEAD", "--", path).directory(clone.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void append(Path file, String line) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A conflict the engine reported is resolved as a user would in the app: keep both. Returns how many. */
    private static int resolveConflicts(List<Machine> machines) throws Exception {
        int resolved = 0;
        for (Machine m : machines) {
            String json = cli(m, "status", "--json");
            JsonNode status = Json.mapper().readTree(json).get(0);
            if (status != null && "conflict".equals(status.path("state").asText())) {
                String said = cli(m, "resolve", m.clone.toString(), "--all", "both");
                Files.writeString(m.home.resolve("resolve.log"), said + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                resolved++;
            }
        }
        return resolved;
    }

    private static String cli(Machine m, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TIDESYNC_HOME", m.home.toString());
        env.put("HOSTNAME", "m" + m.id);
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, new ByteArrayInputStream(new byte[0]), Clock.systemUTC());
        return args[0].equals("status") ? out.toString(StandardCharsets.UTF_8)
                : "exit " + code + ": " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** Every clone's HEAD is the remote's main and its work tree has nothing uncommitted. */
    private static boolean converged(Path bare, List<Machine> machines) throws Exception {
        String main = run(bare, "git", "--git-dir", bare.toString(), "rev-parse", "main").strip();
        for (Machine m : machines) {
            if (!run(m.clone, "git", "rev-parse", "HEAD").strip().equals(main) || !run(m.clone, "git", "status", "--porcelain").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String remoteTreeText(Path bare) throws Exception {
        return run(bare, "git", "--git-dir", bare.toString(), "grep", "-h", "tok-", "main", "--", ".");
    }

    private static String workTreeText(Path clone) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(clone)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !clone.relativize(p).startsWith(".git")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    private static Set<String> tokens(String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
