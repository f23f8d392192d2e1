package dev.tidesync.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What Tidesync may do in one repository. */
public enum SyncMode {
    /** Commit local changes, pull, push: the default. */
    AUTO_COMMIT("auto-commit", true, true, true),
    /** Never commit: publish the user's own commits, pull only when the work tree is clean. */
    COMMITS_ONLY("commits-only", false, true, true),
    /** Only bring remote changes in. */
    PULL_ONLY("pull-only", false, true, false),
    /** Commit and publish, never integrate remote changes. */
    PUSH_ONLY("push-only", true, false, true),
    /** Commit on the triggers and bring remote changes in, never publish (OpenCode's AUTO_SYNC_PUSH=false). */
    NO_PUSH("no-push", true, true, false);

    private final String label;
    private final boolean commits;
    private final boolean pulls;
    private final boolean pushes;

    SyncMode(String label, boolean commits, boolean pulls, boolean pushes) {
        this.label = label;
        this.commits = commits;
        this.pulls = pulls;
        this.pushes = pushes;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean commits() {
        return commits;
    }

    public boolean pulls() {
        return pulls;
    }

    public boolean pushes() {
        return pushes;
    }

    @JsonCreator
    public static SyncMode fromLabel(String label) {
        for (SyncMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a mode; use auto-commit, commits-only, pull-only, push-only or no-push");
    }
}
