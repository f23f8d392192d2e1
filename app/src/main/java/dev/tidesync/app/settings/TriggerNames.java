package dev.tidesync.app.settings;

import dev.tidesync.model.Trigger;

/** A trigger as the settings window names it (the config keeps the contract's ids). */
final class TriggerNames {

    private TriggerNames() {}

    static String title(Trigger trigger) {
        return switch (trigger) {
            case SESSION_START -> "Agent session start";
            case SESSION_END -> "Agent session end";
            case USER_PROMPT -> "Agent prompts";
            case CHECKPOINT -> "Agent checkpoints";
            case FILE_CHANGE -> "File changes";
            case LOCAL_COMMIT -> "Local commits";
            case POLL -> "Poll the remote";
            case MANUAL -> "Manual syncs";
            case SCHEDULE -> "Schedule";
            case STARTUP -> "Catching up at start";
            case ANNOUNCE -> "Another machine pushed";
            case CHECK -> "Integrity check";
        };
    }
}
