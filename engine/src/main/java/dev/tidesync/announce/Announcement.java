package dev.tidesync.announce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.io.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "This branch is now at this revision", signed: the message one machine publishes after a push.
 * The signature covers the topic too, so a message cannot be replayed onto another repository.
 *
 * @param revision the commit the remote's branch is at now
 * @param device   the sender's random id, so a machine ignores its own
 */
public record Announcement(String revision, String device, Instant time) {

    public static final int VERSION = 1;
    /** Anything larger is not ours: dropped unread. */
    public static final int MAX_BYTES = 4096;

    /** Why a message was dropped. */
    public enum Dropped { TOO_LARGE, MALFORMED, WRONG_VERSION, BAD_SIGNATURE }

    /** What reading a message came to: an announcement, or why it was dropped. */
    public sealed interface Read {
        record Valid(Announcement announcement) implements Read {}

        record Invalid(Dropped why) implements Read {}
    }

    public byte[] encode(String topic, AnnounceKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", VERSION);
        m.put("rev", revision);
        m.put("device", device);
        m.put("time", time.toString());
        m.put("sig", key.sign(signed(topic, revision, device, time.toString())));
        try {
            return Json.mapper().writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes", e);
        }
    }

    public static Read decode(String topic, byte[] payload, AnnounceKey key) {
        if (payload.length > MAX_BYTES) {
            return new Read.Invalid(Dropped.TOO_LARGE);
        }
        JsonNode n;
        try {
            n = Json.mapper().readTree(payload);
        } catch (java.io.IOException e) {
            return new Read.Invalid(Dropped.MALFORMED);
        }
        if (n == null || !n.isObject()) {
            return new Read.Invalid(Dropped.MALFORMED);
        }
        if (!n.path("v").isInt() || n.get("v").asInt() != VERSION) {
            return new Read.Invalid(Dropped.WRONG_VERSION);
        }
        Optional<String> rev = text(n, "rev").filter(r -> r.matches("[0-9a-f]{40}([0-9a-f]{24})?"));
        Optional<String> device = text(n, "device");
        Optional<String> time = text(n, "time");
        Optional<String> sig = text(n, "sig");
        if (rev.isEmpty() || device.isEmpty() || time.isEmpty() || sig.isEmpty()) {
            return new Read.Invalid(Dropped.MALFORMED);
        }
        if (!key.verifies(signed(topic, rev.get(), device.get(), time.get()), sig.get())) {
            return new Read.Invalid(Dropped.BAD_SIGNATURE);
        }
        try {
            return new Read.Valid(new Announcement(rev.get(), device.get(), Instant.parse(time.get())));
        } catch (java.time.format.DateTimeParseException e) {
            return new Read.Invalid(Dropped.MALFORMED);
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static String signed(String topic, String revision, String device, String time) {
        return "v" + VERSION + "\n" + topic + "\n" + revision + "\n" + device + "\n" + time;
    }
}
