package dev.tidesync.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a sync ended, ordered from best to worst; each maps to one CLI exit code. */
public enum SyncResult {
    OK("ok", 0),
    SKIPPED("skipped", 0),
    HELD_BACK("held-back", 4),
    CONFLICT("conflict", 3),
    FAILED("failed", 1);

    private final String id;
    private final int exitCode;

    SyncResult(String id, int exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Nothing for the user to look at: a silent trigger says nothing about it. */
    public boolean wentWell() {
        return this == OK || this == SKIPPED;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The worse of two results: the one a summary of several syncs reports. */
    public SyncResult worst(SyncResult other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
