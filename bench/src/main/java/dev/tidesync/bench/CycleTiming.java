package dev.tidesync.bench;

import dev.tidesync.fixture.GitFixture;
import dev.tidesync.sync.SyncOutcome;
import dev.tidesync.sync.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times one full sync cycle in-process on a small repository (edit one file → commit, fetch,
 * integrate, push) and, in the same run, the git CLI doing the same steps. Prints medians and
 * the ratio. Run: see docs/benchmarks.md. Not a test: timings never gate the build.
 */
public final class CycleTiming {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path root = Files.createTempDirectory("tidesync-timing");
        GitFixture fx = new GitFixture(root);
        Path tide = fx.machine("tide");
        Path cli = fx.machine("cli");
        GitFixture.write(tide, "seed.md", "seed\n");
        fx.sync(tide);
        GitFixture.git(cli, "pull", "-q", "origin", "main");
        for (int i = 0; i < 5; i++) { // warm-up: JIT and file caches
            edit(tide, "warm", i);
            fx.sync(tide);
        }
        List<Long> tidesyncEdit = new ArrayList<>();
        List<Long> tidesyncNoop = new ArrayList<>();
        List<Long> gitEdit = new ArrayList<>();
        List<Long> gitNoop = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            edit(tide, "t", i);
            long t0 = System.nanoTime();
            SyncOutcome o = fx.sync(tide);
            tidesyncEdit.add(System.nanoTime() - t0);
            check(o);
            t0 = System.nanoTime();
            check(fx.sync(tide));
            tidesyncNoop.add(System.nanoTime() - t0);

            edit(cli, "c", i);
            t0 = System.nanoTime();
            sh(cli, "git add -A && git commit -q -m edit && git pull -q --rebase origin main && git push -q origin HEAD:main");
            gitEdit.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            sh(cli, "git add -A && (git diff --cached --quiet || git commit -q -m edit) && git pull -q --rebase origin main && git push -q origin HEAD:main");
            gitNoop.add(System.nanoTime() - t0);
        }
        report("edit one file, full cycle", tidesyncEdit, gitEdit);
        report("nothing changed, full cycle", tidesyncNoop, gitNoop);
    }

    private static void edit(Path repo, String prefix, int i) throws Exception {
        GitFixture.write(repo, prefix + "-notes.md", "edit " + i + "\n");
    }

    private static void check(SyncOutcome o) {
        if (o.result() != SyncResult.OK) {
            throw new IllegalStateException(o.message());
        }
    }

    private static void sh(Path dir, String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(script + ": " + out);
        }
    }

    private static void report(String what, List<Long> tidesync, List<Long> git) {
        double t = median(tidesync);
        double g = median(git);
        System.out.printf("%-30s tidesync median %6.1f ms (p90 %6.1f) | git CLI median %6.1f ms (p90 %6.1f) | ratio %.2f%n",
                what, t, p90(tidesync), g, p90(git), t / g);
    }

    private static double median(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get(s.size() / 2) / 1e6;
    }

    private static double p90(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get((int) Math.ceil(s.size() * 0.9) - 1) / 1e6;
    }
}
