package dev.tidesync.cli;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictFile;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.resolve.Repairs;
import dev.tidesync.git.resolve.ResolveException;
import dev.tidesync.git.resolve.Resolved;
import dev.tidesync.model.Action;
import dev.tidesync.io.MachineName;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** resolve and undo: the user's way out of a stopped sync, committed and then synced. */
final class RepairCommands {

    private RepairCommands() {}

    @Command(name = "resolve", description = {"Show a repository's conflicting files, or end the conflict by choosing per file.",
            "Keep both puts the remote's version in place and yours beside it as 'NAME (HOST's copy DATE).EXT'."})
    static final class Resolve implements Callable<Integer> {
        @ParentCommand
        TidesyncCommand root;

        @Parameters(paramLabel = "PATH", description = "The repository")
        Path path;

        @Option(names = "--mine", paramLabel = "FILE", description = "Keep this machine's version of FILE")
        List<String> mine = new ArrayList<>();

        @Option(names = "--theirs", paramLabel = "FILE", description = "Keep the remote's version of FILE")
        List<String> theirs = new ArrayList<>();

        @Option(names = "--both", paramLabel = "FILE", description = "Keep both versions of FILE")
        List<String> both = new ArrayList<>();

        @Option(names = "--all", paramLabel = "CHOICE", description = "mine, theirs or both for every file not named otherwise")
        String all;

        @Override
        public Integer call() throws IOException {
            Services services = root.services();
            RepositorySettings repository = services.watched(path);
            Repairs repairs = repairs(services);
            Printer printer = new Printer(root);
            try {
                Optional<Conflicts> found = repairs.conflicts(repository);
                if (found.isEmpty()) {
                    // The last fetch shows none, yet the user came to resolve: a sync finds out what holds the
                    // repository now (edits since, a remote that moved) and says it, with the conflict's exit code if one is back.
                    printer.line(repository.name() + " has no conflict with its remote as of the last fetch; syncing to make sure");
                    return syncAfter(services, repository, printer);
                }
                Conflicts conflicts = found.get();
                Map<String, Choice> choices = choices(conflicts);
                if (choices.isEmpty()) {
                    printer.line(repository.name() + " conflicts with " + conflicts.remote() + " in:");
                    for (ConflictFile f : conflicts.files()) {
                        printer.line("  " + f.path() + " (" + f.kind().describe() + (f.binary() ? ", binary" : "") + ")");
                    }
                    printer.line("Choose per file with --mine, --theirs or --both FILE, or --all CHOICE");
                    return ExitCodes.CONFLICT;
                }
                Resolved resolved = repairs.resolve(repository, conflicts, choices,
                        () -> services.syncService().run(repository, SyncRequest.of(Action.SYNC, Trigger.MANUAL)));
                printer.line(resolved.message());
                return syncAfter(services, repository, printer);
            } catch (ResolveException e) {
                throw CliError.failed(e.getMessage());
            }
        }

        private Map<String, Choice> choices(Conflicts conflicts) {
            Map<String, Choice> named = new LinkedHashMap<>();
            mine.forEach(f -> named.put(f, Choice.MINE));
            theirs.forEach(f -> named.put(f, Choice.THEIRS));
            both.forEach(f -> named.put(f, Choice.BOTH));
            List<String> paths = conflicts.files().stream().map(ConflictFile::path).toList();
            for (String f : named.keySet()) {
                if (!paths.contains(f)) {
                    throw CliError.usage(f + " is not one of the conflicting files (" + String.join(", ", paths) + ")");
                }
            }
            if (all != null) {
                Choice rest = switch (all) {
                    case "mine" -> Choice.MINE;
                    case "theirs" -> Choice.THEIRS;
                    case "both" -> Choice.BOTH;
                    default -> throw CliError.usage("--all takes mine, theirs or both, not " + all);
                };
                paths.forEach(p -> named.putIfAbsent(p, rest));
            }
            if (!named.isEmpty()) {
                List<String> missing = paths.stream().filter(p -> !named.containsKey(p)).toList();
                if (!missing.isEmpty()) {
                    throw CliError.usage("Choose what to keep for " + String.join(", ", missing) + " too (or use --all)");
                }
            }
            return named;
        }
    }

    @Command(name = "undo", description = {"Undo the last sync that changed a repository's files (a pull, merge or resolution)",
            "by committing the files as they were before it; the undo is synced and can itself be undone."})
    static final class Undo implements Callable<Integer> {
        @ParentCommand
        TidesyncCommand root;

        @Parameters(paramLabel = "PATH", description = "The repository")
        Path path;

        @Override
        public Integer call() throws IOException {
            Services services = root.services();
            RepositorySettings repository = services.watched(path);
            Printer printer = new Printer(root);
            try {
                Resolved undone = repairs(services).undo(repository);
                printer.line(undone.message());
                return syncAfter(services, repository, printer);
            } catch (ResolveException e) {
                throw CliError.failed(e.getMessage());
            }
        }
    }

    private static Repairs repairs(Services services) {
        return new Repairs(services.settings(), services.gitAccess(), services.environment().clock(), MachineName.name(), services.journal());
    }

    /** The repair is committed; publishing it is an ordinary sync. */
    private static int syncAfter(Services services, RepositorySettings repository, Printer printer) {
        SyncOutcome o = services.syncService().run(repository, SyncRequest.of(Action.SYNC, Trigger.MANUAL));
        services.engineReload();
        printer.line(repository.name() + ": " + o.message());
        return o.result() == SyncResult.OK || o.result() == SyncResult.SKIPPED ? ExitCodes.OK : o.result().exitCode();
    }
}
