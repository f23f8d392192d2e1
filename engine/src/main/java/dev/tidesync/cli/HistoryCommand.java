package dev.tidesync.cli;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.journal.HistoryRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "The change log: one record per sync, oldest first.")
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    TidesyncCommand root;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "Only this repository")
    Path path;

    @Option(names = "--last", paramLabel = "N", description = "How many records (default: 20)")
    int last = 20;

    @Option(names = "--json", description = "Print JSON (the records as stored in history.jsonl)")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (last < 1) {
            throw CliError.usage("--last must be at least 1");
        }
        Services services = root.services();
        Predicate<HistoryRecord> filter = r -> true;
        if (path != null) {
            RepositorySettings repo = services.watched(path);
            filter = r -> r.repository().equals(repo.workTree().toString());
        }
        List<HistoryRecord> records = services.journal().history().last(last, filter);
        Printer printer = new Printer(root);
        if (json) {
            printer.json(records);
            return ExitCodes.OK;
        }
        if (records.isEmpty()) {
            printer.line("No syncs recorded yet");
        }
        ZoneId zone = services.environment().clock().getZone();
        for (HistoryRecord r : records) {
            // An event that is not a sync (a resolve, an undo, a refused push) names itself where the action would be.
            String what = r.event() != null ? r.event() : r.action().id();
            String agent = r.requestedBy() == null || r.requestedBy().equals("user") || r.requestedBy().equals("tidesync") ? ""
                    : "  [" + r.requestedBy() + (r.session() == null ? "" : " " + r.session()) + "]";
            printer.line(String.format("%s  %-14s %-12s %-12s %-9s %5d ms  %s%s", TIME.format(r.time().atZone(zone)), r.name(),
                    r.trigger().id(), what, r.result().id(), r.durationMs(), r.message(), agent));
        }
        return ExitCodes.OK;
    }
}
