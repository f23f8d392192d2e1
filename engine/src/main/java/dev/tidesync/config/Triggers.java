package dev.tidesync.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tidesync.model.Trigger;

/**
 * Every reason to sync, each switchable and tunable. Names match the CLI contract. Every trigger
 * may carry its own commit message (over {@code commit.messageTemplate}) and be silent: no note
 * for the agent and no "changes came in" notification after a sync that went well (problems are
 * still told). An announcement from another machine is the poll arriving early: it follows
 * {@code poll}'s switch.
 */
public record Triggers(
        Session sessionStart,
        Session sessionEnd,
        Prompt userPrompt,
        Session checkpoint,
        FileChange fileChange,
        LocalCommit localCommit,
        Poll poll,
        Manual manual,
        Schedule schedule) {

    /** What every trigger's settings have. */
    public sealed interface Each permits Session, Prompt, FileChange, LocalCommit, Poll, Manual, Schedule {
        boolean enabled();

        /** This trigger's commit message template; null: {@code commit.messageTemplate}. */
        String commitMessage();

        boolean silent();
    }

    /** A session event from an agent; {@code action} is sync, pull or push. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(boolean enabled, String action, String commitMessage, boolean silent) implements Each {
        public Session(boolean enabled, String action) {
            this(enabled, action, null, false);
        }
    }

    /** Per-prompt sync: runs with chance 1/probability, at most once per debounce window. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prompt(boolean enabled, String action, int probability, long debounceMs, String commitMessage, boolean silent) implements Each {
        public Prompt(boolean enabled, String action, int probability, long debounceMs) {
            this(enabled, action, probability, debounceMs, null, false);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileChange(boolean enabled, long inactivityMs, String commitMessage, boolean silent) implements Each {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocalCommit(boolean enabled, long debounceMs, String commitMessage, boolean silent) implements Each {}

    /**
     * @param intervalSeconds    how often a repository is polled; kept exactly unless stretching applies
     * @param maxIntervalSeconds when set, polls that find nothing double the interval up to this, and
     *                           any change brings it back (equal to intervalSeconds: a fixed interval).
     *                           When null, the interval stretches only while the announcement channel
     *                           covers the repository, up to {@link #ANNOUNCED_FALLBACK_SECONDS}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Poll(boolean enabled, int intervalSeconds, Integer maxIntervalSeconds, String commitMessage, boolean silent) implements Each {

        /** With another machine's push announced within a second, a poll is only the safety net for a lost message. */
        public static final int ANNOUNCED_FALLBACK_SECONDS = 900;

        /**
         * The longest a quiet repository waits between polls: what the user set, else the
         * fallback while announcements reach it, else the interval itself.
         */
        public long longestIntervalSeconds(boolean announced) {
            if (maxIntervalSeconds != null) {
                return Math.max(intervalSeconds, maxIntervalSeconds);
            }
            return announced ? Math.max(intervalSeconds, ANNOUNCED_FALLBACK_SECONDS) : intervalSeconds;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Manual(boolean enabled, String commitMessage, boolean silent) implements Each {}

    /** A sync on a fixed clock, e.g. hourly, whatever else happened. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(boolean enabled, int intervalMinutes, String action, String commitMessage, boolean silent) implements Each {}

    /**
     * The settings of the trigger that asked for a sync. The catch-up sync at start has none of
     * its own: it commits what the watcher would have, so it speaks as {@code fileChange}.
     */
    public Each of(Trigger trigger) {
        return switch (trigger) {
            case SESSION_START -> sessionStart;
            case SESSION_END -> sessionEnd;
            case USER_PROMPT -> userPrompt;
            case CHECKPOINT -> checkpoint;
            case FILE_CHANGE, STARTUP -> fileChange;
            case LOCAL_COMMIT -> localCommit;
            case POLL, ANNOUNCE, CHECK -> poll; // an announcement stands in for the poll that would have found the change; a check commits nothing
            case MANUAL -> manual;
            case SCHEDULE -> schedule;
        };
    }

    public boolean silent(Trigger trigger) {
        return of(trigger).silent();
    }

    public static Triggers defaults() {
        return new Triggers(
                new Session(true, "pull"),
                new Session(true, "sync"),
                new Prompt(true, "sync", 27, 5000),
                new Session(false, "push"),
                new FileChange(true, 5000, null, false),
                new LocalCommit(true, 2000, null, false),
                new Poll(true, 60, null, null, false),
                new Manual(true, null, false),
                new Schedule(false, 60, "sync", null, false));
    }
}
