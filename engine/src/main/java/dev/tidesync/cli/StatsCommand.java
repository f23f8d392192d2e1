package dev.tidesync.cli;

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
        Printer printer = new Printer(root);
        if (json) {
            printer.json(new StatsView(s));
            return ExitCodes.OK;
        }
        printer.line("Syncs: " + s.totalSyncs() + " (session start " + s.sessionStartSyncs() + ", session end " + s.sessionEndSyncs()
                + ", prompt " + s.promptSyncs() + ")");
        printer.line("Failures: " + s.failures() + ", conflicts: " + s.conflicts() + ", with files held back: " + s.heldBack());
        printer.line("Duration: median " + s.durations().medianMs() + " ms, mean " + s.durations().meanMs() + " ms, max "
                + s.durations().maxMs() + " ms");
        var pr = s.prompts();
        printer.line("Agent prompts: " + pr.seen() + " seen, " + pr.ran() + " synced, " + pr.debounced() + " debounced, "
                + pr.notDrawn() + " not drawn, " + pr.off() + " while the trigger was off");
        s.byTrigger().forEach((t, p) -> printer.line("  " + t + ": " + p.syncs() + " syncs, " + p.failures() + " failed, "
                + p.conflicts() + " conflicts"));
        return ExitCodes.OK;
    }

    /** The stats with the derived medians spelled out for programs. */
    record StatsView(long totalSyncs, long sessionStartSyncs, long sessionEndSyncs, long promptSyncs, long failures,
                     long conflicts, long heldBack, java.util.Map<String, Stats.PerTrigger> byTrigger, DurationView durations,
                     Stats.PromptCounts prompts) {
        StatsView(Stats s) {
            this(s.totalSyncs(), s.sessionStartSyncs(), s.sessionEndSyncs(), s.promptSyncs(), s.failures(), s.conflicts(),
                    s.heldBack(), s.byTrigger(), new DurationView(s.durations().count(), s.durations().medianMs(),
                            s.durations().meanMs(), s.durations().maxMs()), s.prompts());
        }
    }

    record DurationView(long count, long medianMs, long meanMs, long maxMs) {}
}
