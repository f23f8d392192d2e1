package dev.tidesync.journal;

import dev.tidesync.io.AtomicFile;
import dev.tidesync.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** state.json, always replaced atomically; callers serialize read-modify-write with the journal lock. */
public final class StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final Path file;
    private final Clock clock;
    /** The last state read or written, and the file as it was then: an unchanged file is not parsed again. */
    private volatile Cached cached;

    private record Cached(State state, Object fileKey, java.nio.file.attribute.FileTime modified, long size) {}

    public StateStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The state; a missing file is an empty state. A damaged file (it can only be damaged from
     * outside, writes are atomic) is set aside as state.json.damaged-MILLIS and an empty state used.
     */
    public State read() throws IOException {
        java.nio.file.attribute.BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return State.empty();
        }
        Cached c = cached;
        if (c != null && java.util.Objects.equals(c.fileKey(), attrs.fileKey()) && c.modified().equals(attrs.lastModifiedTime())
                && c.size() == attrs.size()) {
            return c.state(); // every write is a rename, so a new write is a new file key
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return State.empty();
        }
        try {
            State state = Json.mapper().readValue(bytes, State.class);
            state = state == null ? State.empty() : state;
            cached = new Cached(state, attrs.fileKey(), attrs.lastModifiedTime(), attrs.size());
            return state;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + clock.millis());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("{} was damaged and was set aside as {}", file, aside);
            return State.empty();
        }
    }

    public State update(UnaryOperator<State> change) throws IOException {
        State next = change.apply(read());
        AtomicFile.write(file, (Json.pretty(next) + "\n").getBytes(StandardCharsets.UTF_8));
        cached = null; // read back on the next read: cheap, and it keys the cache to the file now in place
        return next;
    }
}
