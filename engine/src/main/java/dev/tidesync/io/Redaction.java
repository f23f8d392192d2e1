package dev.tidesync.io;

import java.util.regex.Pattern;

/**
 * Hides credentials that URLs carry ({@code https://user:token@host}) before text reaches a
 * failure sentence, and from there state, history, logs or the screen.
 */
public final class Redaction {

    /** Scheme, then user info up to the last {@code @} before the host. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b((?:https?|ftps?)://)([^/\\s@]+)@");

    private Redaction() {}

    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return USER_INFO.matcher(text).replaceAll(m -> {
            String info = m.group(2);
            int colon = info.indexOf(':');
            // user:secret keeps the user name; a lone token (https://TOKEN@host) hides entirely.
            String kept = colon > 0 ? info.substring(0, colon) + ":***" : "***";
            return java.util.regex.Matcher.quoteReplacement(m.group(1) + kept + "@");
        });
    }
}
