package dev.tidesync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.control.ControlClient;
import dev.tidesync.control.ControlMessage.Reply;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.io.Json;
import dev.tidesync.journal.State;
import dev.tidesync.status.RepoStatus;
import dev.tidesync.status.StatusJson;
import dev.tidesync.status.StatusReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Each repository's state: synced, dirty, ahead, behind, syncing, conflict, error, paused or disabled.")
final class StatusCommand implements Callable<Integer> {

    /** How long a running engine may take to read the statuses before this process reads them itself. */
    private static final Duration ENGINE_WAIT = Duration.ofSeconds(10);

    @ParentCommand
    TidesyncCommand root;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "One repository (default: all)")
    Path path;

    @Option(names = "--json", description = "Print JSON as documented in the CLI contract")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Services services = root.services();
        List<RepositorySettings> selected = services.selected(path == null ? List.of() : List.of(path));
        Optional<ArrayNode> read = fromEngine(services, path == null ? List.of() : selected, selected);
        ArrayNode statuses = read.isPresent() ? read.get() : readHere(services, selected);
        Printer printer = new Printer(root);
        if (json) {
            printer.json(statuses);
            return ExitCodes.OK;
        }
        if (statuses.isEmpty()) {
            printer.line("No repositories are watched yet; add one with `tidesync add PATH`");
        }
        Instant now = services.environment().clock().instant();
        for (JsonNode s : statuses) {
            JsonNode lastSync = s.path("lastSync");
            String last = lastSync.isObject() ? "last sync " + dev.tidesync.io.Moments.ago(Duration.between(Instant.parse(lastSync.path("time")
                    .asText()), now)) + " (" + lastSync.path("result").asText() + ")" : "never synced";
            printer.line(String.format("%-16s %-9s %-12s +%d/-%d  %s; %s", s.path("name").asText(), s.path("state").asText(),
                    s.path("branch").asText(), s.path("ahead").asInt(), s.path("behind").asInt(), s.path("message").asText(), last));
        }
        return ExitCodes.OK;
    }

    /**
     * The statuses as the running engine reads them: its JGit is warm and its repositories known,
     * so the whole command costs about a JVM start. Empty when no engine runs, it is slow, or it
     * watches a different set (the config changed since it read it).
     *
     * @param asked    the repositories named, none for all the engine watches
     * @param selected what this process's config says the answer must cover, in order
     */
    private static Optional<ArrayNode> fromEngine(Services services, List<RepositorySettings> asked, List<RepositorySettings> selected) {
        Optional<Reply> reply = ControlClient.send(services.home(),
                Request.status(asked.stream().map(r -> r.workTree().toString()).toList()), ENGINE_WAIT).filter(Reply::ok);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode read = Json.mapper().readTree(reply.get().message());
            if (!(read instanceof ArrayNode array) || array.size() != selected.size()) {
                return Optional.empty();
            }
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).path("path").asText().equals(selected.get(i).path())) {
                    return Optional.empty();
                }
            }
            return Optional.of(array);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The statuses read in this process, a git status each; announcements from a running engine, if one answers. */
    private static ArrayNode readHere(Services services, List<RepositorySettings> selected) throws IOException {
        State state = services.journal().read();
        StatusReader reader = new StatusReader(services.settings(), services.environment().clock());
        List<RepoStatus> statuses = selected.stream().map(r -> reader.read(r, state)).toList();
        Optional<StatusJson.Channel> channel = ControlClient.send(services.home(), Request.channel(), Duration.ofSeconds(2))
                .filter(Reply::ok).map(r -> List.of(r.message().split("\n")))
                .map(lines -> new StatusJson.Channel(lines.getFirst(), Set.copyOf(lines.subList(1, lines.size()).stream().map(Path::of).toList())));
        return StatusJson.of(statuses, channel);
    }
}
