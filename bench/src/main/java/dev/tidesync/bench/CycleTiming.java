package dev.tidesync.bench;

import dev.tidesync.fixture.GitFixture;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Samples tidesyncEdit = new Samples("tidesync edit");
        Samples tidesyncNoop = new Samples("tidesync no-op");
        Samples gitEdit = new Samples("git edit");
        Samples gitNoop = new Samples("git no-op");
        java.util.Map<String, Samples> steps = new java.util.LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            edit(tide, "t", i);
            long t0 = System.nanoTime();
            SyncOutcome o = fx.sync(tide);
            tidesyncEdit.addNanos(System.nanoTime() - t0);
            check(o);
            o.steps().forEach(s -> steps.computeIfAbsent(s.step(), Samples::new).add(s.millis()));
            t0 = System.nanoTime();
            check(fx.sync(tide));
            tidesyncNoop.addNanos(System.nanoTime() - t0);

            edit(cli, "c", i);
            t0 = System.nanoTime();
            Proc.sh(cli, "git add -A && git commit -q -m edit && git pull -q --rebase origin main && git push -q origin HEAD:main");
            gitEdit.addNanos(System.nanoTime() - t0);
            t0 = System.nanoTime();
            Proc.sh(cli, "git add -A && (git diff --cached --quiet || git commit -q -m edit) && git pull -q --rebase origin main && git push -q origin HEAD:main");
            gitNoop.addNanos(System.nanoTime() - t0);
        }
        new Report("One full sync cycle, in-process, on a small repository (" + runs + " rounds, file:// remote)",
                "case", "Tidesync (median, p95)", "git CLI (median, p95)", "ratio")
                .row("edit one file: commit, fetch, integrate, push", tidesyncEdit.summary(), gitEdit.summary(),
                        Report.ratio(tidesyncEdit.median(), gitEdit.median()))
                .row("nothing changed", tidesyncNoop.summary(), gitNoop.summary(), Report.ratio(tidesyncNoop.median(), gitNoop.median()))
                .print();
        Report where = new Report("Where an edit's cycle goes, step by step (" + runs + " rounds)", "step", "median", "p95");
        steps.forEach((step, samples) -> where.row(step, Report.ms(samples.median()), Report.ms(samples.p95())));
        where.print();
    }

    private static void edit(Path repo, String prefix, int i) throws Exception {
        GitFixture.write(repo, prefix + "-notes.md", "edit " + i + "\n");
    }

    private static void check(SyncOutcome o) {
        if (o.result() != SyncResult.OK) {
            throw new IllegalStateException(o.message());
        }
    }
}
