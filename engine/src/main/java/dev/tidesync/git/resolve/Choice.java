package dev.tidesync.git.resolve;

/** What to keep of one conflicting file. */
public enum Choice {
    /** This machine's version. */
    MINE,
    /** The remote's version. */
    THEIRS,
    /** The remote's version in place, this machine's beside it under a clearly named copy. */
    BOTH
}
