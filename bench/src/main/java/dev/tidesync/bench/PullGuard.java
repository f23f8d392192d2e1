package dev.tidesync.bench;

import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.BranchMove;
import dev.tidesync.git.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What the checkout guard costs a pull: another machine changes K files and pushes; here the
 * branch is fetched with git and moved to it by {@code BranchMove} (the checkout every pull,
 * resolution and undo goes through), with the guard and without it, alternating round by round
 * in the same run. Timed: the move alone. Usage: PullGuard [ROUNDS [K...]]   (default 30; 1 and 100 files)
 */
public final class PullGuard {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Integer> sizes = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).map(Integer::parseInt).toList() : List.of(1, 100);
        Report report = new Report("A pull's checkout with the guard and without it (" + rounds + " rounds each, medians)",
                "files changed", "without the guard", "with it", "ratio");
        for (int k : sizes) {
            Path root = Files.createTempDirectory("tidesync-guard-bench");
            GitFixture fx = new GitFixture(root);
            Path desktop = fx.machine("desktop");
            for (int i = 0; i < Math.max(k, 200); i++) {
                GitFixture.write(desktop, "notes/n" + i + ".md", "line\n");
            }
            fx.sync(desktop);
            Path laptop = fx.machine("laptop");
            Samples with = new Samples("with");
            Samples without = new Samples("without");
            BackupRefs backups = new BackupRefs(BackupRefs.KEEP);
            for (int round = 0; round < rounds * 2 + 4; round++) {
                for (int i = 0; i < k; i++) {
                    Files.writeString(desktop.resolve("notes/n" + i + ".md"), "round " + round + "\n", java.nio.file.StandardOpenOption.APPEND);
                }
                fx.sync(desktop);
                GitFixture.git(laptop, "fetch", "-q", "origin");
                boolean guarded = round % 2 == 0;
                System.setProperty("tidesync.checkoutGuard", Boolean.toString(guarded));
                try (GitRepo repo = GitRepo.open(laptop); RevWalk walk = new RevWalk(repo.repository())) {
                    var head = walk.parseCommit(repo.repository().resolve(Constants.HEAD));
                    var to = walk.parseCommit(repo.repository().resolve("refs/remotes/origin/main"));
                    long t0 = System.nanoTime();
                    BranchMove.apply(repo, backups, "refs/heads/main", head, to, "fast-forward", 1, 0);
                    long took = System.nanoTime() - t0;
                    if (round >= 4) {
                        (guarded ? with : without).addNanos(took);
                    }
                }
            }
            System.clearProperty("tidesync.checkoutGuard");
            report.row(k, Report.ms(without.median()), Report.ms(with.median()), Report.ratio(with.median(), without.median()));
        }
        report.print();
    }
}
