package dev.tidesync.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a JSON file is laid out, so what Tidesync adds looks as if the user had typed it: the line ending and the indent. */
record JsonLayout(String newline, String indent) {

    private static final Pattern FIRST_INDENT = Pattern.compile("\\n([ \\t]+)\\S");

    static JsonLayout of(String text) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        Matcher m = FIRST_INDENT.matcher(text);
        return new JsonLayout(newline, m.find() ? m.group(1) : "  ");
    }

    /** A new line indented to {@code depth}. */
    String line(int depth) {
        return newline + indent.repeat(depth);
    }
}
