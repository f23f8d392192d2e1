package dev.tidesync.git.resolve;

/** A resolution or undo that was refused before anything changed; the message says why and what to do. */
public class ResolveException extends Exception {

    public ResolveException(String message) {
        super(message);
    }

    /** The resolution would overwrite edits not yet committed: committing them first (a sync) lets it go ahead. */
    public static final class UncommittedEdits extends ResolveException {
        public UncommittedEdits(String message) {
            super(message);
        }
    }
}
