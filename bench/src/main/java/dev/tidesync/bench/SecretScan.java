package dev.tidesync.bench;

import dev.tidesync.config.Settings;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitRepo;
import dev.tidesync.guard.OutgoingSecrets;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * What the secret scan before a push costs when the push carries thousands of commits (a
 * branch worked on offline for weeks, an import): the scan alone, next to `git log -p` reading
 * the same added text in the same run, and the whole push cycle next to a plain `git push` of a
 * twin clone with the same commits. Each commit adds one file of 20 lines and changes another.
 * Run: bench/run.sh SecretScan 1000 5000.
 */
public final class SecretScan {

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1000, 5000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Report report = new Report("The secret scan before a push of many commits (file:// remote, 5 rounds of the scan)",
                "commits to push", "scan (median, p95)", "git log -p (median, p95)", "ratio", "whole push cycle", "git push", "ratio");
        for (int n : sizes) {
            Path root = Files.createTempDirectory("tidesync-secret-scan");
            GitFixture fx = new GitFixture(root);
            Path tide = fx.machine("tide");
            GitFixture.write(tide, "seed.md", "seed\n");
            check(fx.sync(tide));
            commits(tide, n);
            GitFixture.git(root, "clone", "-q", tide.toString(), root.resolve("twin").toString());
            Path twin = root.resolve("twin");
            GitFixture.git(twin, "remote", "add", "remote", fx.remote().toString());
            GitFixture.git(twin, "fetch", "-q", "remote");

            Samples scan = new Samples("scan");
            Samples gitLog = new Samples("git log -p");
            String head = GitFixture.git(tide, "rev-parse", "HEAD").strip();
            for (int round = 0; round < 6; round++) {
                long t0 = System.nanoTime();
                try (GitRepo repo = GitRepo.open(tide)) {
                    if (OutgoingSecrets.find(repo, head, Settings.defaults().guards(), Set.of()).isPresent()) {
                        throw new IllegalStateException("the generated commits hold nothing secret");
                    }
                }
                long scanned = System.nanoTime() - t0;
                t0 = System.nanoTime();
                Proc.sh(tide, "git log -p --no-color --no-ext-diff origin/main..HEAD > /dev/null");
                long logged = System.nanoTime() - t0;
                if (round > 0) { // the first round warms the JIT and the file cache
                    scan.addNanos(scanned);
                    gitLog.addNanos(logged);
                }
            }
            // The twin pushes first to a second remote with the same history, so both pushes send n commits.
            Path twinRemote = fx.bare("twin-remote");
            GitFixture.git(twinRemote, "fetch", "-q", fx.remote().toString(), "main:main");
            GitFixture.git(twin, "remote", "set-url", "remote", twinRemote.toString());
            long t0 = System.nanoTime();
            Proc.sh(twin, "git push -q remote HEAD:main");
            double gitPush = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            SyncOutcome pushed = fx.sync(tide);
            double cycle = (System.nanoTime() - t0) / 1e6;
            check(pushed);
            if (pushed.commitsOut() != n) {
                throw new IllegalStateException("pushed " + pushed.commitsOut() + " of " + n);
            }
            report.row(n, scan.summary(), gitLog.summary(), Report.ratio(scan.median(), gitLog.median()), Report.ms(cycle),
                    Report.ms(gitPush), Report.ratio(cycle, gitPush));
        }
        report.note("The scan reads each commit's added lines once (every blob once, however many commits touch it) and only "
                + "commits no remote-tracking ref has; the whole push cycle is Tidesync's sync (commit check, fetch, scan, push, "
                + "read-back) against git push alone.").print();
    }

    /** n commits through git fast-import: quick to make, and the same objects git commit would write. */
    private static void commits(Path repo, int n) throws IOException, InterruptedException {
        Path stream = repo.resolveSibling(repo.getFileName() + ".fi");
        StringBuilder s = new StringBuilder();
        long when = 1_764_000_000L;
        for (int i = 1; i <= n; i++) {
            StringBuilder file = new StringBuilder();
            for (int line = 0; line < 20; line++) {
                file.append("note ").append(i).append(" line ").append(line).append(": the quick brown fox jumps over the lazy dog\n");
            }
            String log = "log entry " + i + "\n";
            s.append("commit refs/heads/main\n")
                    .append("committer Bench <bench@tidesync.invalid> ").append(when + i).append(" +0000\n")
                    .append(data("commit " + i));
            if (i == 1) {
                s.append("from refs/heads/main^0\n");
            }
            s.append("M 100644 inline notes/note-").append(i).append(".md\n").append(data(file.toString()))
                    .append("M 100644 inline log.md\n").append(data(log));
        }
        Files.writeString(stream, s, StandardCharsets.UTF_8);
        Proc.sh(repo, "git fast-import --quiet < '" + stream + "' && git reset -q --hard main");
        Files.delete(stream);
    }

    private static String data(String text) {
        return "data " + text.getBytes(StandardCharsets.UTF_8).length + "\n" + text + "\n";
    }

    private static void check(SyncOutcome o) {
        if (o.result() != SyncResult.OK) {
            throw new IllegalStateException(o.message());
        }
    }
}
