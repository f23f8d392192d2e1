package dev.tidesync.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * "90s", "30m", "1h", "2h30m", "1d" or ISO-8601 "PT1H". A dozen lines: picocli has no duration
 * converter and java.time only reads the ISO form, which people don't type.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern HUMAN = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = HUMAN.matcher(v);
        if (!v.isEmpty() && m.matches()) {
            Duration d = Duration.ofDays(num(m.group(1))).plusHours(num(m.group(2))).plusMinutes(num(m.group(3)))
                    .plusSeconds(num(m.group(4)));
            if (!d.isZero()) {
                return d;
            }
        }
        try {
            Duration d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException ignored) {
            // Fall through to the sentence below.
        }
        throw new TypeConversionException("'" + value + "' is not a duration; write it like 30m, 1h, 2h30m or 1d");
    }

    private static long num(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
