package dev.tidesync.hook;

import dev.tidesync.model.RequestedBy;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlClient;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A hook handed to the running engine over the control socket, for the quick path and the full
 * path alike: one request line, one reply line, written and read with Jackson's streaming core
 * (no object mapper, which costs a fresh JVM ~0.4 s of class loading).
 */
public final class HookClient {

    /** How long a session start waits for its pull; Claude Code's own hook timeout is 60 s. */
    public static final Duration SESSION_START_WAIT = Duration.ofSeconds(45);

    private static final JsonFactory JSON = new JsonFactory();

    /** The engine's answer: whether it synced (or queued a sync), its sentence, and whether to keep it unsaid (a silent trigger). */
    public record Reply(boolean synced, String message, boolean quiet) {}

    private HookClient() {}

    /** The running engine's answer to {@code event} in {@code folder}; empty when no engine answers. */
    public static Optional<Reply> ask(TidesyncHome home, HookEvent event, Path folder, RequestedBy who) {
        long wait = event.waits() ? SESSION_START_WAIT.toMillis() : 0;
        return ControlClient.exchange(home, request(event, folder, wait, who), Duration.ofMillis(wait).plusSeconds(5))
                .flatMap(HookClient::reply);
    }

    /** The request line, written as ControlMessage.Request would be (a spec checks both agree). */
    public static String request(HookEvent event, Path cwd, long waitMs, RequestedBy who) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("op", "hook");
            g.writeStringField("event", event.id());
            g.writeStringField("cwd", cwd.toString());
            g.writeNumberField("waitMs", waitMs);
            g.writeStringField("agent", who.who());
            if (who.session().isPresent()) {
                g.writeStringField("session", who.session().get());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return line.toString();
    }

    public static Optional<Reply> reply(String line) {
        boolean synced = false;
        boolean quiet = false;
        String message = "";
        boolean sawOk = false;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "ok" -> sawOk = value.isBoolean();
                    case "synced" -> synced = value == JsonToken.VALUE_TRUE;
                    case "quiet" -> quiet = value == JsonToken.VALUE_TRUE;
                    case "message" -> message = value == JsonToken.VALUE_STRING ? p.getText() : message;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return sawOk ? Optional.of(new Reply(synced, message, quiet)) : Optional.empty();
    }
}
