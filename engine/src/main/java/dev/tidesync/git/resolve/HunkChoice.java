package dev.tidesync.git.resolve;

import java.util.Locale;

/** What to keep where both sides changed the same lines of a text file. */
public enum HunkChoice {
    /** This machine's lines. */
    MINE,
    /** The remote's lines. */
    THEIRS,
    /** This machine's lines, then the remote's. */
    BOTH;

    /** The word the CLI takes and prints. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HunkChoice fromId(String id) throws ResolveException {
        for (HunkChoice c : values()) {
            if (c.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new ResolveException("'" + id.strip() + "' is not a choice for a part of a file; use mine, theirs or both");
    }
}
