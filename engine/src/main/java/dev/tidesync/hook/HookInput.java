package dev.tidesync.hook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What an agent hands a hook: its JSON on stdin (Claude Code, Codex) naming the agent's folder,
 * or nothing (then {@code --cwd}, else the current folder). Read with Jackson's streaming core
 * only, so the quick path stays light; the full path reads it with the same code.
 */
public final class HookInput {

    /** How long to wait for an agent's JSON on stdin before going on with the current folder. */
    public static final Duration STDIN_WAIT = Duration.ofSeconds(2);

    private static final JsonFactory JSON = new JsonFactory();

    private HookInput() {}

    /** Everything on stdin (1 MiB at most), waiting at most {@link #STDIN_WAIT} for a silent pipe or a terminal. */
    public static byte[] readStdin(InputStream in) {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(1 << 20);
            } catch (IOException e) {
                return new byte[0];
            }
        }, r -> Thread.ofPlatform().daemon().start(r));
        try {
            return read.get(STDIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return new byte[0];
        }
    }

    /** The agent's folder: its hook JSON's "cwd", else {@code cwd} (the option), else the current folder. */
    public static Path folder(byte[] stdin, Optional<Path> cwd) {
        return cwdOf(stdin).or(() -> cwd).orElse(Path.of(System.getProperty("user.dir")));
    }

    /** The agent's folder from its hook JSON (a top-level "cwd" string), if stdin carried any. */
    public static Optional<Path> cwdOf(byte[] stdin) {
        return field(stdin, "cwd").map(Path::of);
    }

    /** The agent's session id from its hook JSON ("session_id" as Claude Code sends it, "sessionId", or Codex's "thread-id"), if any. */
    public static Optional<String> sessionOf(byte[] stdin) {
        return field(stdin, "session_id").or(() -> field(stdin, "sessionId")).or(() -> field(stdin, "thread-id"));
    }

    /** A top-level, non-blank string field of the hook JSON. */
    private static Optional<String> field(byte[] stdin, String name) {
        if (stdin.length == 0) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(stdin)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(name) && value == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                    return Optional.of(p.getText());
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON, or not ours: the folder decides
        }
        return Optional.empty();
    }
}
