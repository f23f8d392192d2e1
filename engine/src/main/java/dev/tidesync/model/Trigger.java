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
    SCHEDULE("schedule");

    private final String id;

    Trigger(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Triggers a person asked for right now: they skip the rate limit and wake a repository that needs attention. */
    public boolean immediate() {
        return this == MANUAL || this == SESSION_START || this == SESSION_END;
    }

    @JsonCreator
    public static Trigger fromId(String id) {
        for (Trigger t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a trigger; use sessionStart, sessionEnd, userPrompt, checkpoint, fileChange, localCommit, poll, manual or schedule");
    }
}
