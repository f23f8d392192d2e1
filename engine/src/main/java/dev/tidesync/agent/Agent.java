package dev.tidesync.agent;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The coding agents Tidesync sets its hooks up in, by the names the CLI takes. */
public enum Agent {
    CLAUDE_CODE("claude-code", "Claude Code"),
    OPENCODE("opencode", "OpenCode"),
    CODEX("codex", "Codex CLI");

    private final String id;
    private final String title;

    Agent(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Agent fromId(String id) {
        for (Agent a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not an agent Tidesync knows; use "
                + Arrays.stream(values()).map(Agent::id).collect(Collectors.joining(", ")));
    }
}
