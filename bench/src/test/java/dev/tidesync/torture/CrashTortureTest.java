package dev.tidesync.torture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone keeps writing in three repositories while `tidesync run` is killed with kill -9 at
 * random moments and started again, over and over. Afterwards one last engine must bring every
 * edit to the remotes: each line appended, each file created or deleted. `git fsck` must be
 * clean and no lock file may be left behind.
 */
class CrashTortureTest {

    private static final int REPOS = 3;

    @TempDir
    Path dir;

    /** What the writer did to one repository: the content each path must end with (null: deleted). */
    private record Written(Path workTree, GitFixture fx, Map<String, String> expected) {}

    /**
     * @param committer "JGit", or "git" for the commit through git's plumbing that large commits
     *                  take (CliCommit), here taken by every commit
     */
    @ParameterizedTest(name = "commits through {0}")
    @ValueSource(strings = {"JGit", "git"})
    void killingTheEngineAtRandomWhileFilesChangeLosesNoEdit(String committer) throws Exception {
        List<String> jvm = committer.equals("git") ? List.of("-Dtidesync.gitCommit.manyPaths=1") : List.of();
        int kills = Torture.runs(12, 200);
        long seed = Long.getLong("torture.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Written> repos = new ArrayList<>();
        for (int r = 0; r < REPOS; r++) {
            GitFixture fx = new GitFixture(Files.createDirectories(dir.resolve("r" + r)));
            Path clone = fx.machine("repo" + r);
            GitFixture.write(clone, "readme.md", "seed\n");
            GitFixture.git(clone, "add", "-A");
            GitFixture.git(clone, "commit", "-q", "-m", "seed");
            GitFixture.git(clone, "push", "-q", "-u", "origin", "HEAD:main");
            Map<String, String> expected = new ConcurrentHashMap<>();
            expected.put("readme.md", "seed\n");
            repos.add(new Written(clone, fx, expected));
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        StringBuilder list = new StringBuilder();
        for (Written w : repos) {
            list.append(list.isEmpty() ? "" : ",").append("{\"path\": \"").append(w.workTree().toRealPath()).append("\"}");
        }
        // The writer deletes many files while engines are down; the mass-deletion guard would rightly hold those
        // deletions back for the user to confirm (GuardsAndLocksTest), so it is off here.
        Files.writeString(home.resolve("config.json"), """
                {"throttle": {"minIntervalSeconds": 0}, "guards": {"massDeletion": {"enabled": false}},
                 "triggers": {"fileChange": {"inactivityMs": 150}, "poll": {"intervalSeconds": 3600}},
                 "repositories": [%s]}
                """.formatted(list));
        Path log = dir.resolve("run.log");

        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().name("writer").start(() -> write(repos, writing, new Random(seed + 1)));
        int done = 0;
        try {
            for (; done < kills; done++) {
                Daemon daemon = Daemon.start(home, log, Map.of(), jvm);
                Thread.sleep(150 + random.nextInt(1600)); // start-up, a quiet period, mid-cycle: anywhere
                daemon.kill();
            }
        } finally {
            writing.set(false);
            writer.join(10_000);
        }

        int lost;
        try (Daemon last = Daemon.start(home, log, Map.of(), jvm)) {
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (lostEdits(repos) > 0 && System.nanoTime() < end) {
                Thread.sleep(250);
            }
            lost = lostEdits(repos);
            assertThat(last.terminate(30)).as("the last engine stops cleanly").isZero();
        }
        List<String> locks = new ArrayList<>();
        for (Written w : repos) {
            GitFixture.assertHealthy(w.workTree());
            GitFixture.assertHealthy(w.fx().remote());
            locks.addAll(Torture.lockFiles(w.workTree().resolve(".git")));
            locks.addAll(Torture.lockFiles(w.fx().remote()));
            assertThat(Files.exists(w.workTree().resolve(".git/rebase-merge"))).isFalse();
        }
        int edits = repos.stream().mapToInt(w -> w.expected().size()).sum();
        Torture.result("crash: kill -9 while writing in " + REPOS + " repositories" + (committer.equals("git") ? ", commits through git" : ""), kills, lost,
                "%d files written, every edit on the remotes, fsck clean, %d stale locks (seed %d)".formatted(edits, locks.size(), seed));
        if (lost > 0 || !locks.isEmpty()) { // keep the engine's log, which the temp folder takes with it
            Path kept = Path.of(System.getProperty("torture.results", "target/torture")).resolve("crash-run-" + seed + ".log");
            Files.createDirectories(kept.getParent());
            Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(locks).as("lock files left behind (seed %d)", seed).isEmpty();
        assertThat(lost).as("edits missing on the remotes (seed %d)", seed).isZero();
    }

    /** Appends lines, creates files and deletes some, with short random pauses, until told to stop. */
    private static void write(List<Written> repos, AtomicBoolean writing, Random random) {
        int i = 0;
        try {
            while (writing.get()) {
                Written w = repos.get(random.nextInt(repos.size()));
                int kind = random.nextInt(10);
                if (kind < 7) {
                    String path = "journal/j" + random.nextInt(4) + ".md";
                    String line = "edit " + i + "\n";
                    Path file = w.workTree().resolve(path);
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    w.expected().merge(path, line, String::concat);
                } else if (kind < 9) {
                    String path = "new/f" + i + ".md";
                    GitFixture.write(w.workTree(), path, "created " + i + "\n");
                    w.expected().put(path, "created " + i + "\n");
                } else {
                    List<String> created = w.expected().keySet().stream().filter(p -> p.startsWith("new/")).sorted().toList();
                    if (!created.isEmpty()) {
                        String path = created.get(random.nextInt(created.size()));
                        Files.delete(w.workTree().resolve(path));
                        w.expected().remove(path);
                    }
                }
                i++;
                Thread.sleep(random.nextInt(40));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the writer failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Paths whose content on the remote's main branch is not what was written last (missing, stale or extra). */
    private static int lostEdits(List<Written> repos) throws Exception {
        int lost = 0;
        for (Written w : repos) {
            Map<String, String> remote = tree(w.fx().remote());
            Map<String, String> expected = new TreeMap<>(w.expected());
            for (var e : expected.entrySet()) {
                if (!e.getValue().equals(remote.get(e.getKey()))) {
                    lost++;
                }
            }
            for (String path : remote.keySet()) {
                if (!expected.containsKey(path)) {
                    lost++; // deleted here, still there
                }
            }
        }
        return lost;
    }

    /** Every file of the bare repository's main branch with its content. */
    private static Map<String, String> tree(Path bare) throws Exception {
        Map<String, String> files = new TreeMap<>();
        // One commit for both reads: the engine may push while we look.
        Process head = new ProcessBuilder("git", "--git-dir", bare.toString(), "rev-parse", "--verify", "-q", "main").start();
        String main = new String(head.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        head.waitFor();
        if (main.isEmpty()) {
            return files;
        }
        Process p = new ProcessBuilder("git", "--git-dir", bare.toString(), "ls-tree", "-r", "--name-only", main).start();
        List<String> paths = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        if (paths.isEmpty()) {
            return files;
        }
        // one process for all contents: cat-file --batch
        Process cat = new ProcessBuilder("git", "--git-dir", bare.toString(), "cat-file", "--batch").start();
        try (var in = cat.getInputStream(); var out = cat.getOutputStream()) {
            out.write(String.join("\n", paths.stream().map(x -> main + ":" + x).toList()).concat("\n").getBytes(StandardCharsets.UTF_8));
            out.close();
            for (String path : paths) {
                String header = readLine(in);
                int size = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
                files.put(path, new String(in.readNBytes(size), StandardCharsets.UTF_8));
                in.read(); // the newline after the content
            }
        }
        cat.waitFor();
        return files;
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            s.append((char) c);
        }
        return s.toString();
    }
}
