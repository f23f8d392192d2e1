package dev.tidesync.config;

/** Every reason to sync, each switchable and tunable. Names match the CLI contract. */
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

    /** A session event from an agent; {@code action} is sync, pull or push. */
    public record Session(boolean enabled, String action) {}

    /** Per-prompt sync: runs with chance 1/probability, at most once per debounce window. */
    public record Prompt(boolean enabled, String action, int probability, long debounceMs) {}

    public record FileChange(boolean enabled, long inactivityMs) {}

    public record LocalCommit(boolean enabled, long debounceMs) {}

    /**
     * @param maxIntervalSeconds polls that find nothing double the interval up to this; any change
     *                           brings it back (equal to intervalSeconds: a fixed interval)
     */
    public record Poll(boolean enabled, int intervalSeconds, int maxIntervalSeconds) {}

    public record Manual(boolean enabled) {}

    /** A sync on a fixed clock, e.g. hourly, whatever else happened. */
    public record Schedule(boolean enabled, int intervalMinutes, String action) {}

    public static Triggers defaults() {
        return new Triggers(
                new Session(true, "pull"),
                new Session(true, "sync"),
                new Prompt(true, "sync", 27, 5000),
                new Session(false, "push"),
                new FileChange(true, 5000),
                new LocalCommit(true, 2000),
                new Poll(true, 60, 300),
                new Manual(true),
                new Schedule(false, 60, "sync"));
    }
}
