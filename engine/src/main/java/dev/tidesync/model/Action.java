package dev.tidesync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a sync does: everything, only bring changes in, or only send them out. */
public enum Action {
    /** Commit, fetch, integrate, push. */
    SYNC("sync", true, true, true),
    /** Fetch and integrate only. */
    PULL("pull", false, true, false),
    /** Commit and publish, integrating first only when the remote moved. */
    PUSH("push", true, true, true);

    private final String id;
    private final boolean commits;
    private final boolean integrates;
    private final boolean pushes;

    Action(String id, boolean commits, boolean integrates, boolean pushes) {
        this.id = id;
        this.commits = commits;
        this.integrates = integrates;
        this.pushes = pushes;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean commits() {
        return commits;
    }

    public boolean integrates() {
        return integrates;
    }

    public boolean pushes() {
        return pushes;
    }

    @JsonCreator
    public static Action fromId(String id) {
        for (Action a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not an action; use sync, pull or push");
    }
}
