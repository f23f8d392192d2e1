package dev.tidesync.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;

/**
 * The last check that a repository's objects are whole (the engine's daily one, or `doctor --deep`).
 *
 * @param at     when it ran
 * @param how    which check ran: git fsck, or JGit's connectivity walk
 * @param damage what it found wrong, in git's or JGit's words; null when every object was there and whole
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectCheck(Instant at, String how, String damage) {

    /** What a check that started {@code at} found. */
    public static ObjectCheck of(Instant at, dev.tidesync.git.Fsck.Health health) {
        return switch (health) {
            case dev.tidesync.git.Fsck.Health.Sound s -> new ObjectCheck(at, s.how(), null);
            case dev.tidesync.git.Fsck.Health.Damaged d -> new ObjectCheck(at, d.how(), d.finding());
        };
    }

    public Optional<String> found() {
        return Optional.ofNullable(damage);
    }

    /** What the user reads while the damage stands: what is wrong, and how to clear it. */
    public String sentence(String name) {
        return name + " is damaged (" + damage + ", found by " + how + "): fetch the missing objects again or clone it afresh,"
                + " then `tidesync doctor --deep` checks it again";
    }
}
