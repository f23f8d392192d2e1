package dev.tidesync.agent;

import java.util.Comparator;
import java.util.List;

/** Replaces the characters from {@code start} to {@code end} with {@code text}: an insertion when they are equal. */
record TextEdit(int start, int end, String text) {

    static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    /** Applies edits that do not overlap; edits at one place go in the order given. */
    static String apply(String text, List<TextEdit> edits) {
        StringBuilder out = new StringBuilder(text);
        List<TextEdit> backwards = edits.reversed().stream().sorted(Comparator.comparingInt(TextEdit::start).reversed()).toList();
        for (TextEdit e : backwards) {
            out.replace(e.start(), e.end(), e.text());
        }
        return out.toString();
    }
}
