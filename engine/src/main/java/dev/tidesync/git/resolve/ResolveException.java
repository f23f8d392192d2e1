package dev.tidesync.git.resolve;

/** A resolution or undo that was refused before anything changed; the message says why and what to do. */
public final class ResolveException extends Exception {

    public ResolveException(String message) {
        super(message);
    }
}
