package dev.tidesync.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidesync.config.Paths;
import dev.tidesync.io.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The contract's {@code status --json} array: each repository's status and whether announcements reach it. */
public final class StatusJson {

    /**
     * The announcement channel as a running engine sees it.
     *
     * @param state     connected, connecting, failed or off
     * @param workTrees the repositories it listens for while connected, canonical
     */
    public record Channel(String state, Set<Path> workTrees) {}

    private StatusJson() {}

    /**
     * Each status with its {@code announcements}: {@code connected} when the engine listens for
     * that repository's branch, else the channel's state; null when no engine runs, so nobody listens.
     */
    public static ArrayNode of(List<RepoStatus> statuses, Optional<Channel> channel) {
        ArrayNode array = Json.mapper().valueToTree(statuses);
        for (int i = 0; i < array.size(); i++) {
            Path workTree = Paths.canonical(Path.of(statuses.get(i).path()));
            ((ObjectNode) array.get(i)).put("announcements", channel.map(c -> !c.state().equals("connected") ? c.state()
                    : c.workTrees().contains(workTree) ? "connected" : "off").orElse(null));
        }
        return array;
    }
}
