package dev.tidesync.git;

/** The path given is not the work tree of a usable git repository; the message says what to do. */
public final class NotARepositoryException extends Exception {
    public NotARepositoryException(String message) {
        super(message);
    }
}
