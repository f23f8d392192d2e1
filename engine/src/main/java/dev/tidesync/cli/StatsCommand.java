package dev.tidesync.cli;

import dev.tidesync.journal.SyncMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.control.ControlClient;
import dev.tidesync.control.ControlMessage;
import java.time.Duration;
import java.util.Optional;
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
        Optional<JsonNode> announcements = ControlClient.send(root.services().home(), ControlMessage.Request.counts(), Duration.ofSeconds(2))
                .map(ControlMessage.Reply::message).filter(m -> !m.isEmpty()).flatMap(StatsCommand::parse);
        if (json) {
            printer.json(new StatsView(s, recent, today, announcements.orElse(null)));
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
        announcements.ifPresent(a -> printer.line("Announcements since the engine started: " + a.path("received").asLong() + " received, "
                + a.path("acted").asLong() + " made a sync, " + a.path("known").asLong() + " already known, " + a.path("own").asLong()
                + " our own, " + sum(a.path("dropped")) + " dropped (did not verify)"));
        return ExitCodes.OK;
    }

    private static Optional<JsonNode> parse(String json) {
        try {
            return Optional.of(dev.tidesync.io.Json.mapper().readTree(json));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static long sum(JsonNode dropped) {
        long n = 0;
        for (JsonNode v : dropped) {
            n += v.asLong();
        }
        return n;
    }

    /** The stats with the derived medians spelled out for programs. */
    record StatsView(long totalSyncs, long sessionStartSyncs, long sessionEndSyncs, long promptSyncs, long failures,
                     long conflicts, long heldBack, java.util.Map<String, Stats.PerTrigger> byTrigger, DurationView durations,
                     Stats.PromptCounts prompts, SyncMetrics last200, SyncMetrics today, JsonNode announcements) {
        StatsView(Stats s, SyncMetrics recent, SyncMetrics today, JsonNode announcements) {
            this(s.totalSyncs(), s.sessionStartSyncs(), s.sessionEndSyncs(), s.promptSyncs(), s.failures(), s.conflicts(),
                    s.heldBack(), s.byTrigger(), new DurationView(s.durations().count(), s.durations().medianMs(),
                            s.durations().meanMs(), s.durations().maxMs()), s.prompts(), recent, today, announcements);
        }
    }

    record DurationView(long count, long medianMs, long meanMs, long maxMs) {}
}
