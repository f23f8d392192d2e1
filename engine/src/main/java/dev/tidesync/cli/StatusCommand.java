package dev.tidesync.cli;

import dev.tidesync.journal.State;
import dev.tidesync.status.RepoStatus;
import dev.tidesync.status.StatusReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Each repository's state: synced, dirty, ahead, behind, syncing, conflict, error, paused or disabled.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "One repository (default: all)")
    Path path;

    @Option(names = "--json", description = "Print JSON as documented in the CLI contract")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Services services = root.services();
        State state = services.journal().read();
        StatusReader reader = new StatusReader(services.settings(), services.environment().clock());
        List<RepoStatus> statuses = services.selected(path == null ? List.of() : List.of(path)).stream()
                .map(r -> reader.read(r, state)).toList();
        Printer printer = new Printer(root);
        if (json) {
            printer.json(withChannel(statuses, services));
            return ExitCodes.OK;
        }
        if (statuses.isEmpty()) {
            printer.line("No repositories are watched yet; add one with `tidesync add PATH`");
        }
        Instant now = services.environment().clock().instant();
        for (RepoStatus s : statuses) {
            String last = s.lastSync() == null ? "never synced" : "last sync " + dev.tidesync.io.Moments.ago(Duration.between(s.lastSync().time(), now))
                    + " (" + s.lastSync().result() + ")";
            printer.line(String.format("%-16s %-9s %-12s +%d/-%d  %s; %s", s.name(), s.state(), s.branch(), s.ahead(), s.behind(),
                    s.message(), last));
        }
        return ExitCodes.OK;
    }

    /**
     * Each repository's {@code announcements}: {@code connected} when the running engine listens
     * for its branch, else the channel's state ({@code connecting}, {@code failed}, {@code off});
     * null when no engine runs, so nobody listens.
     */
    private static com.fasterxml.jackson.databind.node.ArrayNode withChannel(List<RepoStatus> statuses, Services services) {
        com.fasterxml.jackson.databind.node.ArrayNode array = dev.tidesync.io.Json.mapper().valueToTree(statuses);
        Optional<List<String>> channel = dev.tidesync.control.ControlClient.send(services.home(),
                dev.tidesync.control.ControlMessage.Request.channel(), Duration.ofSeconds(2))
                .filter(dev.tidesync.control.ControlMessage.Reply::ok).map(r -> List.of(r.message().split("\n")));
        for (int i = 0; i < array.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) array.get(i);
            String path = statuses.get(i).path();
            node.put("announcements", channel.map(lines -> lines.getFirst().equals("connected")
                    ? (lines.subList(1, lines.size()).contains(dev.tidesync.config.Paths.canonical(Path.of(path)).toString()) ? "connected" : "off")
                    : lines.getFirst()).orElse(null));
        }
        return array;
    }
}
