package dev.tidesync.model;

import dev.tidesync.io.Redaction;

/**
 * Why a sync or one of its git operations failed, in terms a user can act on. Each carries one sentence; the
 * {@link FailureKind} drives exit codes, backoff and the tray's look.
 */
public record Failure(FailureKind kind, String sentence) {

    public enum FailureKind {
        /** The remote could not be reached at all. */
        OFFLINE,
        /** The remote refused our credentials, or we had none. */
        AUTH,
        /** A network operation stopped making progress. */
        TIMEOUT,
        /** The remote repository or URL does not exist. */
        NOT_FOUND,
        /** The remote refused the push (not a fast-forward, hook, protection). */
        REJECTED,
        /** Another git process holds the repository. */
        LOCKED,
        /** The repository is in a state Tidesync will not touch (rebase in progress, detached HEAD). */
        UNSAFE_STATE,
        /** A push would have sent what looks like a secret, so nothing was pushed (a security event in the history). */
        SECRET,
        /**
         * What a push sent did not arrive as sent (the remote's branch is not the pushed commit
         * or a later one), or the repository is missing objects its history needs.
         */
        INTEGRITY,
        /** Anything else: disk, unexpected errors. */
        OTHER
    }

    /** Sentences can quote URLs and git's output; a credential in them never gets further than here. */
    public Failure {
        sentence = Redaction.redact(sentence);
    }

    public static Failure of(FailureKind kind, String sentence) {
        return new Failure(kind, sentence);
    }
}
