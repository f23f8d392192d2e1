package dev.tidesync.app.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** "synced 2 min ago", the way people say it. */
public final class Ago {

    private Ago() {}

    public static String synced(Optional<Instant> when, Instant now) {
        return when.map(t -> "synced " + ago(Duration.between(t, now))).orElse("never synced");
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 45) {
            return "just now";
        }
        if (s < 90) {
            return "1 min ago";
        }
        if (s < 3600) {
            return Math.round(s / 60.0) + " min ago";
        }
        if (s < 2 * 3600) {
            return "1 h ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h ago";
        }
        long days = s / 86_400;
        return days == 1 ? "yesterday" : days + " days ago";
    }
}
