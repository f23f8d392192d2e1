package dev.tidesync.sync;

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
    MANUAL("manual");

    private final String id;

    Trigger(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Trigger fromId(String id) {
        for (Trigger t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a trigger; use sessionStart, sessionEnd, userPrompt, checkpoint, fileChange, localCommit, poll or manual");
    }
}
