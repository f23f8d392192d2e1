package dev.tidesync.cli;

import dev.tidesync.journal.SyncMetrics;
import dev.tidesync.journal.Stats;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "stats", description = "Counters: syncs in total and per trigger, failures, conflicts, durations.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Stats s = root.services().journal().read().stats();
        var history = root.services().journal().history();
        var clock = root.services().environment().clock();
        SyncMetrics recent = SyncMetrics.recent(history);
        SyncMetrics today = SyncMetrics.today(history, clock.instant(), clock.getZone());
        Printer printer = new Printer(root);
        if (json) {
            printer.json(new StatsView(s, recent, today));
            return ExitCodes.OK;
        }
        printer.line("Last " + SyncMetrics.RECENT + ": " + recent.total().describe());
        printer.line("Today: " + today.total().describe());
        recent.byTrigger().forEach((t, w) -> printer.line(String.format("  %-13s %s", t, w.describe())));
        printer.line("Since the start: " + s.totalSyncs() + " syncs (session start " + s.sessionStartSyncs() + ", session end "
                + s.sessionEndSyncs() + ", prompt " + s.promptSyncs() + "), " + s.failures() + " failed, " + s.conflicts()
                + " conflicts, " + s.heldBack() + " with files held back");
        var pr = s.prompts();
        printer.line("Agent prompts: " + pr.seen() + " seen, " + pr.ran() + " synced, " + pr.debounced() + " debounced, "
                + pr.notDrawn() + " not drawn, " + pr.off() + " while the trigger was off");
        return ExitCodes.OK;
    }

    /** The stats with the derived medians spelled out for programs. */
    record StatsView(long totalSyncs, long sessionStartSyncs, long sessionEndSyncs, long promptSyncs, long failures,
                     long conflicts, long heldBack, java.util.Map<String, Stats.PerTrigger> byTrigger, DurationView durations,
                     Stats.PromptCounts prompts, SyncMetrics last200, SyncMetrics today) {
        StatsView(Stats s, SyncMetrics recent, SyncMetrics today) {
            this(s.totalSyncs(), s.sessionStartSyncs(), s.sessionEndSyncs(), s.promptSyncs(), s.failures(), s.conflicts(),
                    s.heldBack(), s.byTrigger(), new DurationView(s.durations().count(), s.durations().medianMs(),
                            s.durations().meanMs(), s.durations().maxMs()), s.prompts(), recent, today);
        }
    }

    record DurationView(long count, long medianMs, long meanMs, long maxMs) {}
}
