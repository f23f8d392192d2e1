package dev.tidesync.hook;

/**
 * What a hook call came to.
 *
 * @param synced  whether a sync was started (or, for a session start, finished without failing)
 * @param message one line, shown only when the user asked for a context note
 * @param quiet   the trigger is silent and nothing went wrong: no note even when asked for one
 */
public record HookReply(boolean synced, String message, boolean quiet) {
    public HookReply(boolean synced, String message) {
        this(synced, message, false);
    }
}
