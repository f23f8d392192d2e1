package dev.tidesync.hook;

import dev.tidesync.model.Trigger;

/** The agent hook events of the CLI contract, and the trigger each one is. */
public enum HookEvent {
    SESSION_START("session-start", Trigger.SESSION_START),
    SESSION_END("session-end", Trigger.SESSION_END),
    PROMPT("prompt", Trigger.USER_PROMPT),
    CHECKPOINT("checkpoint", Trigger.CHECKPOINT);

    private final String id;
    private final Trigger trigger;

    HookEvent(String id, Trigger trigger) {
        this.id = id;
        this.trigger = trigger;
    }

    public String id() {
        return id;
    }

    public Trigger trigger() {
        return trigger;
    }

    /** Whether the agent should wait for the result: only a session start, so the session begins up to date. */
    public boolean waits() {
        return this == SESSION_START;
    }

    public static HookEvent fromId(String id) {
        for (HookEvent e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a hook; use session-start, session-end, prompt or checkpoint");
    }
}
