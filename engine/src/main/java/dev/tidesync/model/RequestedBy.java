package dev.tidesync.model;

import java.util.Optional;

/**
 * Who asked for a sync, for the audit trail: the user (the CLI, the app), an agent through its
 * hook (by name, with its session id when the hook passed one), or Tidesync itself (watchers,
 * polls, the schedule, the catch-up at start).
 */
public record RequestedBy(String who, Optional<String> session) {

    public static final RequestedBy USER = new RequestedBy("user", Optional.empty());
    public static final RequestedBy TIDESYNC = new RequestedBy("tidesync", Optional.empty());

    public RequestedBy {
        session = session.filter(s -> !s.isBlank());
    }

    public static RequestedBy agent(String name, Optional<String> session) {
        return new RequestedBy(name == null || name.isBlank() ? "agent" : name, session);
    }

    /** Who a trigger implies when nothing more is known: a person's trigger, an agent's hook, or Tidesync. */
    public static RequestedBy implied(Trigger trigger) {
        return switch (trigger) {
            case MANUAL -> USER;
            case SESSION_START, SESSION_END, USER_PROMPT, CHECKPOINT -> agent("agent", Optional.empty());
            default -> TIDESYNC;
        };
    }
}
