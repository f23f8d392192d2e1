package dev.tidesync.cli;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictFile;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.git.resolve.HunkChoice;
import dev.tidesync.git.resolve.Resolution;
import dev.tidesync.io.Phrases;
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

    @Command(name = "resolve", description = {"Show a repository's conflicting files, or end the conflict by choosing per file or per part.",
            "Keep both puts the remote's version in place and yours beside it as 'NAME (HOST's copy DATE).EXT'.",
            "--show FILE prints where a text file's two versions disagree, numbered; --hunks FILE=mine,theirs,both chooses for each of them."})
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

        @Option(names = "--hunks", paramLabel = "FILE=CHOICES", description = "For a text file, mine, theirs or both (mine, then theirs) "
                + "for each place where the versions disagree, in order, comma-separated: --hunks notes.md=mine,both")
        List<String> hunks = new ArrayList<>();

        @Option(names = "--show", paramLabel = "FILE", description = "Print where FILE's versions disagree, numbered, and exit 3")
        String show;

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
                if (show != null) {
                    return show(repairs, repository, conflicts, printer);
                }
                Map<String, Resolution> choices = choices(conflicts);
                if (choices.isEmpty()) {
                    printer.line(repository.name() + " conflicts with " + conflicts.remote() + " in:");
                    for (ConflictFile f : conflicts.files()) {
                        String parts = repairs.text(repository, conflicts, f.path())
                                .map(t -> ", " + Phrases.plural(t.disputes(), "place") + " where both changed it").orElse("");
                        printer.line("  " + f.path() + " (" + f.kind().describe() + (f.binary() ? ", binary" : "") + parts + ")");
                    }
                    printer.line("Choose per file with --mine, --theirs or --both FILE, or --all CHOICE; "
                            + "per part of a text file with --hunks FILE=mine,theirs,… (see them with --show FILE)");
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

        /** Each place where the versions disagree, as the base, this machine's and the remote's lines. */
        private int show(Repairs repairs, RepositorySettings repository, Conflicts conflicts, Printer printer)
                throws IOException, ResolveException {
            if (conflicts.files().stream().noneMatch(f -> f.path().equals(show))) {
                throw CliError.usage(show + " is not one of the conflicting files (" + String.join(", ", paths(conflicts)) + ")");
            }
            Optional<ConflictText> text = repairs.text(repository, conflicts, show);
            if (text.isEmpty()) {
                FileSides sides = repairs.sides(repository, conflicts, show);
                printer.line(show + " cannot be merged part by part. On this computer: " + sides.mine() + "; on " + conflicts.remote()
                        + ": " + sides.theirs() + ". Choose it whole with --mine, --theirs or --both " + show);
                return ExitCodes.CONFLICT;
            }
            printer.line(show + ": " + Phrases.plural(text.get().disputes(), "place") + " where both changed it");
            for (ConflictText.Part part : text.get().parts()) {
                if (part instanceof ConflictText.Disputed d) {
                    printer.line("");
                    printer.line("Part " + d.number() + " of " + text.get().disputes());
                    side(printer, "before", d.base());
                    side(printer, "mine", d.mine());
                    side(printer, "theirs (" + conflicts.remote() + ")", d.theirs());
                }
            }
            printer.line("");
            printer.line("Choose with --hunks " + show + "=" + String.join(",", java.util.Collections.nCopies(text.get().disputes(), "CHOICE"))
                    + " (each mine, theirs or both)");
            return ExitCodes.CONFLICT;
        }

        private static void side(Printer printer, String label, List<String> lines) {
            printer.line("  " + label + ":" + (lines.isEmpty() ? " (nothing)" : ""));
            lines.forEach(l -> printer.line("  | " + l));
        }

        private static List<String> paths(Conflicts conflicts) {
            return conflicts.files().stream().map(ConflictFile::path).toList();
        }

        private Map<String, Resolution> choices(Conflicts conflicts) {
            Map<String, Resolution> named = new LinkedHashMap<>();
            mine.forEach(f -> named.put(f, new Resolution.Whole(Choice.MINE)));
            theirs.forEach(f -> named.put(f, new Resolution.Whole(Choice.THEIRS)));
            both.forEach(f -> named.put(f, new Resolution.Whole(Choice.BOTH)));
            for (String h : hunks) {
                int eq = h.lastIndexOf('=');
                if (eq <= 0) {
                    throw CliError.usage("--hunks takes FILE=CHOICES, such as notes.md=mine,both; not " + h);
                }
                List<HunkChoice> parts = new ArrayList<>();
                for (String c : h.substring(eq + 1).split(",", -1)) {
                    try {
                        parts.add(HunkChoice.fromId(c));
                    } catch (ResolveException e) {
                        throw CliError.usage(e.getMessage());
                    }
                }
                named.put(h.substring(0, eq), new Resolution.ByPart(parts));
            }
            List<String> paths = paths(conflicts);
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
                paths.forEach(p -> named.putIfAbsent(p, new Resolution.Whole(rest)));
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
