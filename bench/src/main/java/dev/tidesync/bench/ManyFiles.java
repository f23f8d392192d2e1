package dev.tidesync.bench;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.engine.RecordedSync;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.model.StepTime;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many new files at once (an unpacked archive, a generated site, the first sync of a notes
 * folder): FILES new files in 100 folders land in a 10-file repository, and one sync commits and
 * pushes them, in-process as the engine runs it (the installed git detected, as a user has it),
 * next to `git add -A && git commit && git push` of the same files in a twin clone, taking turns.
 * Reported: the whole sync and each of its steps (medians), against the git script.
 * Usage: ManyFiles [FILES [ROUNDS]]   (default: 10 000 files, 3 rounds after one warm-up)
 */
public final class ManyFiles {

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Files.createTempDirectory("tidesync-many-files-bench");
        GitFixture tideFx = new GitFixture(Files.createDirectories(root.resolve("tide")));
        GitFixture gitFx = new GitFixture(Files.createDirectories(root.resolve("git")));
        Path tide = Setup.seededClone(tideFx, "laptop", 10);
        Path plain = Setup.seededClone(gitFx, "laptop", 10);
        Settings settings = Settings.defaults();
        Journal journal = new Journal(TidesyncHome.single(Files.createDirectories(root.resolve("home"))), settings.history(), Clock.systemUTC());
        RecordedSync service = new RecordedSync(settings, journal, GitAccess.detect(settings.network(), System.getenv()), Clock.systemUTC(), "bench");
        RepositorySettings repository = RepositorySettings.of(tide, List.of(), SyncMode.AUTO_COMMIT);

        Samples whole = new Samples("tidesync");
        Samples git = new Samples("git");
        Map<String, Samples> steps = new LinkedHashMap<>();
        for (int round = 0; round < rounds + 1; round++) {
            write(tide, round, files);
            write(plain, round, files);
            long t0 = System.nanoTime();
            SyncOutcome outcome = service.run(repository, SyncRequest.of(Action.SYNC, Trigger.MANUAL));
            long t1 = System.nanoTime();
            Proc.sh(plain, "git add -A && git commit -q -m 'many files' && git push -q origin HEAD:main");
            long t2 = System.nanoTime();
            if (!outcome.result().wentWell()) {
                throw new IllegalStateException("the sync did not push: " + outcome.message());
            }
            if (round == 0) {
                continue; // warm-up
            }
            whole.addNanos(t1 - t0);
            git.addNanos(t2 - t1);
            for (StepTime s : outcome.steps()) {
                steps.computeIfAbsent(s.step(), Samples::new).add(s.millis());
            }
        }
        String pushed = tideFx.remoteFile("r" + rounds + "/d99/f" + (files - 1) + ".txt");
        if (pushed == null) {
            throw new IllegalStateException("the remote does not hold the last round's files");
        }
        Report report = new Report(files + " new files at once in a 10-file repository: commit and push (" + rounds + " rounds, medians)",
                "what", "median", "ratio to git");
        report.row("Tidesync, one sync in-process (installed git detected)", Report.ms(whole.median()), Report.ratio(whole.median(), git.median()));
        steps.forEach((name, s) -> report.row("  step: " + name, Report.ms(s.median()), Report.ratio(s.median(), git.median())));
        report.row("`git add -A && git commit && git push`", Report.ms(git.median()), "1.00");
        report.print();
    }

    private static void write(Path clone, int round, int files) throws Exception {
        for (int i = 0; i < files; i++) {
            GitFixture.write(clone, "r" + round + "/d" + (i % 100) + "/f" + i + ".txt", "file " + i + " of round " + round + "\n");
        }
    }
}
