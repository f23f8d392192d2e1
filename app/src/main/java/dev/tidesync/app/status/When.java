package dev.tidesync.app.status;

import dev.tidesync.io.Moments;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * When something happened, short and in the user's locale: "just now", "18:37" (or "6:37 PM"),
 * "yesterday 09:12", "Mon, Nov 30 09:12".
 */
public final class When {

    private When() {}

    public static String of(Instant t, Instant now, ZoneId zone) {
        return of(t, now, zone, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** Within the hour, how long ago ("4 min ago"); before that, {@link #of}. For the status panel, where recency is the point. */
    public static String recent(Instant t, Instant now, ZoneId zone) {
        Duration ago = Duration.between(t, now);
        return !ago.isNegative() && ago.toMinutes() < 60 && ago.toSeconds() >= 60 ? Moments.ago(ago) : of(t, now, zone);
    }

    public static String of(Instant t, Instant now, ZoneId zone, Locale locale) {
        Duration ago = Duration.between(t, now);
        if (!ago.isNegative() && ago.toSeconds() < 60) {
            return "just now";
        }
        return Moments.at(t, zone, now, locale);
    }
}
