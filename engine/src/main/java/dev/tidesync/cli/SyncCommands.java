package dev.tidesync.cli;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.model.Action;
import dev.tidesync.io.MachineName;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** sync, pull and push: one cycle now, for the named repositories or all, in parallel. */
final class SyncCommands {

    private SyncCommands() {}

    abstract static class Base implements Callable<Integer> {

        @ParentCommand
        TidesyncCommand root;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Repositories to sync (default: every watched one)")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON record per repository, as in the change log")
        boolean json;

        abstract Action action();

        boolean dryRun() {
            return false;
        }

        java.util.Set<String> allowedSecrets() {
            return java.util.Set.of();
        }

        @Override
        public Integer call() {
            Services services = root.services();
            List<RepositorySettings> repositories = services.selected(paths);
            Printer printer = new Printer(root);
            if (repositories.isEmpty()) {
                printer.line("No repositories are watched yet; add one with `tidesync add PATH`");
                return ExitCodes.OK;
            }
            SyncRequest request = new SyncRequest(action(), Trigger.MANUAL, dryRun(), Optional.empty()).allowingSecretsIn(allowedSecrets());
            List<SyncOutcome> outcomes = services.syncService().runAll(repositories, request);
            if (!dryRun()) {
                services.engineReload(); // a repository that needed attention may be fine now
            }
            SyncResult worst = SyncResult.OK;
            for (SyncOutcome o : outcomes) {
                worst = worst.worst(o.result());
            }
            if (json) {
                printer.json(outcomes.stream().map(o -> HistoryRecord.of(o, MachineName.name())).toList());
            } else {
                for (SyncOutcome o : outcomes) {
                    String line = o.name() + ": " + o.message() + " (" + o.duration().toMillis() + " ms)";
                    if (o.result() == SyncResult.FAILED || o.result() == SyncResult.CONFLICT) {
                        root.spec().commandLine().getErr().println(line);
                    } else {
                        printer.line(line);
                    }
                    o.notes().stream().filter(n -> !n.startsWith("Would commit")).forEach(n -> printer.line("  " + n));
                    if (root.verbose) {
                        o.steps().forEach(s -> printer.line(String.format("  %-9s %5d ms  %s", s.step(), s.millis(), s.detail())));
                    }
                }
            }
            return worst.exitCode();
        }
    }

    @Command(name = "sync", description = "One full cycle now: commit local changes, fetch, integrate, push to every remote.")
    static final class Sync extends Base {
        @Option(names = "--dry-run", description = "Only say what would be committed and held back; change nothing")
        boolean dryRun;

        @Override
        Action action() {
            return Action.SYNC;
        }

        @Override
        boolean dryRun() {
            return dryRun;
        }
    }

    @Command(name = "pull", description = "Fetch and integrate only (the session-start action).")
    static final class Pull extends Base {
        @Override
        Action action() {
            return Action.PULL;
        }
    }

    @Command(name = "push", description = "Commit and publish, integrating first when the remote moved.")
    static final class Push extends Base {
        @Option(names = "--allow-secret", paramLabel = "COMMIT",
                description = "Push although this commit (its id, 7 characters or more) adds what looks like a secret; it is safe")
        List<String> allowSecret = new ArrayList<>();

        @Override
        java.util.Set<String> allowedSecrets() {
            for (String commit : allowSecret) {
                if (!commit.matches("[0-9a-fA-F]{7,40}")) {
                    throw CliError.usage("--allow-secret takes a commit id (7 to 40 hex characters), not " + commit);
                }
            }
            return java.util.Set.copyOf(allowSecret);
        }

        @Override
        Action action() {
            return Action.PUSH;
        }
    }
}
