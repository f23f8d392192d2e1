package dev.tidesync.journal;

import java.time.Instant;

/** A pause: {@code until} null means until resumed. */
public record Pause(Instant since, Instant until) {

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
