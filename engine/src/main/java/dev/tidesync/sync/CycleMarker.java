package dev.tidesync.sync;

import dev.tidesync.git.GitRepo;
import dev.tidesync.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * `.git/tidesync/cycle` exists while a cycle runs and names its process. Found at the start of
 * the next cycle with that process gone, it says a Tidesync cycle was killed, and since when:
 * git lock files from that window that nobody holds are its own leftovers.
 */
final class CycleMarker {

    private CycleMarker() {}

    static Path file(GitRepo repo) {
        return repo.tidesyncDir().resolve("cycle");
    }

    /** When the killed cycle started, if the last one was killed. The caller holds the repository's lock. */
    static Optional<Instant> crashed(GitRepo repo) {
        try {
            String[] parts = Files.readString(file(repo), StandardCharsets.UTF_8).strip().split(" ");
            long pid = Long.parseLong(parts[0]);
            Instant started = Instant.parse(parts[1]);
            boolean alive = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.empty() : Optional.of(started);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no marker, or a torn one: nothing is known, the age rule applies
        }
    }

    /**
     * Marks a cycle as running and returns when the killed one before it started, if one was
     * killed. The marker then keeps that earlier start: if this cycle is killed too before it
     * cleared the leftovers, the next one still finds them.
     */
    static Optional<Instant> begin(GitRepo repo) throws IOException {
        Optional<Instant> crashed = crashed(repo);
        begin(repo, crashed.orElse(Instant.now())); // file times are real time, whatever clock the cycle reports in
        return crashed;
    }

    private static void begin(GitRepo repo, Instant started) throws IOException {
        Files.createDirectories(repo.tidesyncDir());
        // Second precision rounds down, so a lock made in the same second still counts as this cycle's.
        AtomicFile.write(file(repo), (ProcessHandle.current().pid() + " " + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static void end(GitRepo repo) {
        try {
            Files.deleteIfExists(file(repo));
        } catch (IOException e) {
            // Left behind, it only lets the next cycle clear this cycle's locks sooner; the holder check still applies.
        }
    }
}
