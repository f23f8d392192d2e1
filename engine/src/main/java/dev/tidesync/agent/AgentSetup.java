package dev.tidesync.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `tidesync agent install|status|remove`: Tidesync's hooks written into an agent's own settings,
 * for one user or one project. Installing twice changes nothing; removing takes out only what
 * Tidesync added; the file before each change is kept beside it ({@code NAME.before-tidesync}).
 */
public final class AgentSetup {

    /** What a change did to the agent's file. */
    public sealed interface Change {
        Path file();

        record Installed(Path file, Optional<Path> backup) implements Change {}

        record AlreadyInstalled(Path file) implements Change {}

        record Removed(Path file, Optional<Path> backup) implements Change {}

        record NotInstalled(Path file) implements Change {}
    }

    /** Whether the hooks are in the agent's file, and which of the agent's events run one. */
    public record Status(Agent agent, Path file, boolean installed, List<String> events) {}

    private final Map<String, String> environment;
    private final Path userHome;

    public AgentSetup(Map<String, String> environment, Path userHome) {
        this.environment = environment;
        this.userHome = userHome;
    }

    /** The file the agent reads its hooks from: the user's, or the project's with {@code project}. */
    public Path file(Agent agent, Optional<Path> project) throws AgentException {
        return switch (agent) {
            case CLAUDE_CODE -> project.map(p -> p.resolve(".claude/settings.json"))
                    .orElseGet(() -> dir("CLAUDE_CONFIG_DIR", userHome.resolve(".claude")).resolve("settings.json"));
            case OPENCODE -> project.map(p -> p.resolve(".opencode/plugins"))
                    .orElseGet(() -> dir("XDG_CONFIG_HOME", userHome.resolve(".config")).resolve("opencode/plugins"))
                    .resolve(OpenCodePlugin.FILE_NAME);
            case CODEX -> {
                if (project.isPresent()) {
                    throw new AgentException("Codex CLI reads its notify program from its own config.toml only, not per project; "
                            + "run `tidesync agent install codex` without --project");
                }
                yield dir("CODEX_HOME", userHome.resolve(".codex")).resolve("config.toml");
            }
        };
    }

    private Path dir(String variable, Path fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** Writes the hooks, running {@code tidesync} (a command on PATH, or the launcher's full path). */
    public Change install(Agent agent, Optional<Path> project, String tidesync) throws AgentException {
        Path file = file(agent, project);
        if (project.isPresent() && !Files.isDirectory(project.get())) {
            throw new AgentException(project.get() + " is not a folder; give --project the project's folder");
        }
        try {
            Optional<String> old = AgentFiles.read(file);
            String updated = switch (agent) {
                case CLAUDE_CODE -> ClaudeCodeSettings.installed(old.orElse(""), tidesync);
                case CODEX -> CodexConfig.installed(old.orElse(""), tidesync);
                case OPENCODE -> {
                    if (old.isPresent() && !OpenCodePlugin.isOurs(old.get())) {
                        throw new IOException("is not Tidesync's (its first line is not Tidesync's mark); rename it, or remove it yourself");
                    }
                    yield OpenCodePlugin.content(tidesync);
                }
            };
            if (old.isPresent() && old.get().equals(updated)) {
                return new Change.AlreadyInstalled(file);
            }
            return new Change.Installed(file, AgentFiles.replace(file, updated));
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    /** Takes out what {@link #install} wrote, and nothing else. */
    public Change remove(Agent agent, Optional<Path> project) throws AgentException {
        Path file = file(agent, project);
        try {
            Optional<String> old = AgentFiles.read(file);
            if (old.isEmpty()) {
                return new Change.NotInstalled(file);
            }
            if (agent == Agent.OPENCODE) {
                return OpenCodePlugin.isOurs(old.get()) ? new Change.Removed(file, Optional.of(AgentFiles.delete(file)))
                        : new Change.NotInstalled(file);
            }
            String updated = agent == Agent.CLAUDE_CODE ? ClaudeCodeSettings.removed(old.get()) : CodexConfig.removed(old.get());
            if (updated.equals(old.get())) {
                return new Change.NotInstalled(file);
            }
            if (updated.strip().equals("{}") || updated.isBlank()) {
                return new Change.Removed(file, Optional.of(AgentFiles.delete(file))); // only Tidesync's hooks were ever in it
            }
            return new Change.Removed(file, AgentFiles.replace(file, updated));
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    public Status status(Agent agent, Optional<Path> project) throws AgentException {
        Path file = file(agent, project);
        try {
            Optional<String> text = AgentFiles.read(file);
            if (text.isEmpty()) {
                return new Status(agent, file, false, List.of());
            }
            return switch (agent) {
                case CLAUDE_CODE -> {
                    List<String> events = ClaudeCodeSettings.installedEvents(text.get());
                    yield new Status(agent, file, events.size() == ClaudeCodeSettings.HOOKS.size(), events);
                }
                case CODEX -> CodexConfig.installed(text.get()) ? new Status(agent, file, true, List.of("notify"))
                        : new Status(agent, file, false, List.of());
                case OPENCODE -> OpenCodePlugin.isOurs(text.get())
                        ? new Status(agent, file, true, List.of("session-start", "chat.message", "session.idle"))
                        : new Status(agent, file, false, List.of());
            };
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    private static AgentException failed(Path file, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String sentence;
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            sentence = file + " is not valid JSON at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
                    + " (" + json.getOriginalMessage() + ")";
        } else if (why.startsWith("it ")) {
            sentence = file + " " + why.substring(3);
        } else if (why.startsWith("is ")) {
            sentence = file + " " + why;
        } else {
            sentence = file + ": " + why;
        }
        return new AgentException(sentence + "; nothing was changed");
    }
}
