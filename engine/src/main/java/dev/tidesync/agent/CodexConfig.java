package dev.tidesync.agent;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidesync in Codex CLI's {@code config.toml}: its {@code notify} program, which Codex runs after
 * every turn with a JSON description of the turn as the last argument. Codex has one notify
 * program, so an existing one is never replaced. The line is added at the top, where a TOML key
 * is always top-level, and taken out again; every other byte stays.
 */
final class CodexConfig {

    /** A top-level {@code notify = …} line (before the first table). */
    private static final Pattern NOTIFY = Pattern.compile("(?m)^[ \\t]*notify[ \\t]*=.*$");
    private static final Pattern TABLE = Pattern.compile("(?m)^[ \\t]*\\[");

    private CodexConfig() {}

    static String line(String tidesync) {
        return "notify = [" + AgentFiles.jsonString(tidesync) + ", \"hook\", \"checkpoint\", \"--agent\", \"codex\"]";
    }

    /** The config with Tidesync as its notify program; the same text when it is there already. */
    static String installed(String text, String tidesync) throws IOException {
        Optional<String> notify = notifyLine(text);
        if (notify.isPresent()) {
            if (notify.get().strip().equals(line(tidesync))) {
                return text;
            }
            if (!isOurs(notify.get())) {
                throw new IOException("it already runs another notify program (" + notify.get().strip() + "), and Codex runs only one; "
                        + "remove that line, or call `tidesync hook checkpoint --agent codex` from that program");
            }
            text = removed(text); // ours, with an older path to tidesync
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        return line(tidesync) + newline + text;
    }

    /** The config without Tidesync's notify line. */
    static String removed(String text) {
        Optional<String> notify = notifyLine(text);
        if (notify.isEmpty() || !isOurs(notify.get())) {
            return text;
        }
        int start = text.indexOf(notify.get());
        int end = start + notify.get().length();
        if (text.startsWith("\r\n", end)) {
            end += 2;
        } else if (text.startsWith("\n", end)) {
            end += 1;
        }
        return text.substring(0, start) + text.substring(end);
    }

    static boolean installed(String text) {
        return notifyLine(text).filter(CodexConfig::isOurs).isPresent();
    }

    private static boolean isOurs(String line) {
        return line.contains("\"hook\"") && line.contains("\"--agent\", \"codex\"");
    }

    /** The notify line among the top-level keys, if there is one. */
    private static Optional<String> notifyLine(String text) {
        Matcher table = TABLE.matcher(text);
        int topLevelEnd = table.find() ? table.start() : text.length();
        Matcher m = NOTIFY.matcher(text);
        return m.find() && m.start() < topLevelEnd ? Optional.of(m.group()) : Optional.empty();
    }
}
