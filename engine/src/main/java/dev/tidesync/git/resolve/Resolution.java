package dev.tidesync.git.resolve;

import java.util.List;

/** What the user chose for one conflicting file: a whole side, or a choice for each place the sides disagree. */
public sealed interface Resolution {

    /** Keep mine, theirs or both for the whole file. */
    record Whole(Choice choice) implements Resolution {}

    /** One choice per disagreement, in the file's order ({@link ConflictText#merged}). */
    record ByPart(List<HunkChoice> choices) implements Resolution {

        public ByPart {
            choices = List.copyOf(choices);
        }
    }

    /** A whole-file choice for each path, in the same order. */
    static java.util.Map<String, Resolution> wholes(java.util.Map<String, Choice> choices) {
        java.util.Map<String, Resolution> out = new java.util.LinkedHashMap<>();
        choices.forEach((path, c) -> out.put(path, new Whole(c)));
        return out;
    }
}
