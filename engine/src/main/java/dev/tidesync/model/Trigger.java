package dev.tidesync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a sync ran. Names are the CLI contract's. */
public enum Trigger {
    SESSION_START("sessionStart"),
    SESSION_END("sessionEnd"),
    USER_PROMPT("userPrompt"),
    CHECKPOINT("checkpoint"),
    FILE_CHANGE("fileChange"),
    LOCAL_COMMIT("localCommit"),
    POLL("poll"),
    MANUAL("manual"),
    SCHEDULE("schedule"),
    /** The catch-up sync when the engine starts: whatever happened while it was not running. */
    STARTUP("startup"),
    /** Another machine announced a push over the announcement channel: fetch and integrate now, not at the next poll. */
    ANNOUNCE("announce"),
    /** The daily check that a repository's objects are whole: it reads, never commits or pushes, and is recorded as an event. */
    CHECK("check");

    private final String id;

    Trigger(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Triggers a person asked for right now: they skip the rate limit and the backoff, and wake a repository that needs attention. */
    public boolean immediate() {
        return this == MANUAL || this == SESSION_START || this == SESSION_END;
    }

    /**
     * Background triggers that come in bursts (edits, polls, the schedule, the catch-up), which the
     * rate limit spaces out. A commit made by hand, an agent's prompt or checkpoint and another
     * machine's announced push go at once.
     */
    public boolean throttled() {
        return this == FILE_CHANGE || this == POLL || this == SCHEDULE || this == STARTUP;
    }

    /**
     * Whether the trigger has settings of its own ({@code triggers.<id>}): the catch-up speaks as
     * fileChange, an announcement as poll, and the integrity check commits nothing.
     */
    public boolean configurable() {
        return this != STARTUP && this != ANNOUNCE && this != CHECK;
    }

    /**
     * When two requests become one cycle, the one that says most about why it runs names it: a
     * person over an agent over a hand-made commit over an edit over the catch-up over the
     * schedule over a poll. So an edit that waited out the rate limit behind a poll is an edit.
     */
    public int weight() {
        return switch (this) {
            case MANUAL, SESSION_START, SESSION_END -> 6;
            case USER_PROMPT, CHECKPOINT -> 5;
            case LOCAL_COMMIT -> 4;
            case FILE_CHANGE -> 3;
            case STARTUP -> 2;
            case SCHEDULE, ANNOUNCE -> 1;
            case POLL, CHECK -> 0;
        };
    }

    @JsonCreator
    public static Trigger fromId(String id) {
        for (Trigger t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a trigger; use sessionStart, sessionEnd, userPrompt, checkpoint, fileChange, localCommit, poll, manual, schedule, startup, announce or check");
    }
}
