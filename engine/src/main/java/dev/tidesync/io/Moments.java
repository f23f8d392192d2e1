package dev.tidesync.io;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How Tidesync's sentences say how long and when, in one place: "31 s", "4 min", "2 h 5 min";
 * "19:39", "tomorrow 08:00", "Mon 30 Nov 19:39", in the machine's own time zone, to the minute.
 */
public final class Moments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private Moments() {}

    /** A duration as a person reads it: seconds under a minute, minutes under an hour, then hours and minutes, then days. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long m = (s % 3600) / 60;
            return s / 3600 + " h" + (m == 0 ? "" : " " + m + " min");
        }
        long days = s / 86_400;
        return days + (days == 1 ? " day" : " days");
    }

    /** "31 s ago", "4 min ago", "2 h ago", "3 days ago". */
    public static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return (s < 3600 || s >= 86_400 ? duration(d) : s / 3600 + " h") + " ago";
    }

    /** A moment in local time, to the minute, with the day when it is not today. */
    public static String at(Instant t, ZoneId zone, Instant now) {
        return at(t, zone, now, TIME, DAY, DAY);
    }

    /**
     * As {@link #at(Instant, ZoneId, Instant)}, with the time and the day written as people in
     * {@code locale} write them ("6:37 PM", "18:37"; "Mon, Nov 30", "Mo., 30. Nov."), for the app.
     */
    public static String at(Instant t, ZoneId zone, Instant now, Locale locale) {
        return at(t, zone, now, DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT).withLocale(locale),
                DateTimeFormatter.ofLocalizedPattern("MMMEEEd").withLocale(locale), DateTimeFormatter.ofLocalizedPattern("yMMMd").withLocale(locale));
    }

    /**
     * For the app: "just now" within the minute, else {@link #at(Instant, ZoneId, Instant, Locale)}
     * ("18:37", "yesterday 09:12", "Mon, Nov 30 09:12").
     */
    public static String when(Instant t, ZoneId zone, Instant now, Locale locale) {
        Duration ago = Duration.between(t, now);
        return !ago.isNegative() && ago.toSeconds() < 60 ? "just now" : at(t, zone, now, locale);
    }

    /** As {@link #when}, but within the hour how long ago ("4 min ago"): where recency is the point. */
    public static String recent(Instant t, ZoneId zone, Instant now, Locale locale) {
        Duration ago = Duration.between(t, now);
        return !ago.isNegative() && ago.toSeconds() >= 60 && ago.toMinutes() < 60 ? ago(ago) : when(t, zone, now, locale);
    }

    private static String at(Instant t, ZoneId zone, Instant now, DateTimeFormatter timeFormat, DateTimeFormatter dayFormat,
                             DateTimeFormatter yearFormat) {
        ZonedDateTime when = t.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = when.toLocalDate();
        String time = timeFormat.format(when);
        if (day.equals(today)) {
            return time;
        }
        if (day.equals(today.plusDays(1))) {
            return "tomorrow " + time;
        }
        if (day.equals(today.minusDays(1))) {
            return "yesterday " + time;
        }
        if (yearFormat == dayFormat) {
            return dayFormat.format(when) + (day.getYear() == today.getYear() ? "" : " " + day.getYear()) + " " + time;
        }
        return (day.getYear() == today.getYear() ? dayFormat : yearFormat).format(when) + " " + time;
    }

    /** {@link #at} in this machine's zone, now. */
    public static String at(Instant t) {
        return at(t, ZoneId.systemDefault(), Instant.now());
    }
}
