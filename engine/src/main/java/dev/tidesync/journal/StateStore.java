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

    public StateStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The state; a missing file is an empty state. A damaged file (it can only be damaged from
     * outside, writes are atomic) is set aside as state.json.damaged-MILLIS and an empty state used.
     */
    public State read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return State.empty();
        }
        try {
            State state = Json.mapper().readValue(bytes, State.class);
            return state == null ? State.empty() : state;
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
        return next;
    }
}
