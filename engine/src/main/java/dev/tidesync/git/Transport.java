package dev.tidesync.git;

import dev.tidesync.model.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one seam through which Tidesync talks to remotes. The JGit implementation is the
 * default; an implementation that drives the user's installed git (credential helpers, ssh
 * config Include, core.sshCommand) plugs in here without touching the sync cycle.
 */
public interface Transport {

    /** Fetches {@code remote}'s branches into its remote-tracking refs. */
    FetchResult fetch(GitRepo repo, String remote, Duration timeout);

    /** Pushes {@code localRef} to {@code remoteRef}; never forced. */
    PushResult push(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout);

    /** Lists the remote's branches without changing anything (doctor's reachability check). */
    ProbeResult probe(GitRepo repo, String remote, Duration timeout);

    /**
     * A dry-run push: whether the remote lets us in for writing (doctor's credential check).
     * A refusal of the ref itself (not a fast-forward) still counts as let in.
     */
    Optional<Failure> probePush(GitRepo repo, String remote, String localRef, String remoteRef, Duration timeout);

    /**
     * Reads one ref as the remote has it now, through the push URL (the one a push just wrote
     * to), without fetching anything: the check that a push landed.
     */
    RefRead readRef(GitRepo repo, String remote, String remoteRef, Duration timeout);

    /**
     * Reads one ref as the remote has it now, through the fetch URL, asking for that ref alone
     * (protocol v2's ref prefix where the remote speaks it): the cheap "has it moved?" of a poll.
     */
    RefRead peekRef(GitRepo repo, String remote, String remoteRef, Duration timeout);

    sealed interface RefRead {
        /** @param id empty when the remote has no such ref */
        record At(Optional<String> id) implements RefRead {}

        record Failed(Failure failure) implements RefRead {}
    }

    sealed interface FetchResult {
        /** @param moved whether any remote-tracking ref changed */
        record Fetched(boolean moved) implements FetchResult {}

        record Failed(Failure failure) implements FetchResult {}
    }

    sealed interface PushResult {
        record Pushed(boolean changed) implements PushResult {}

        /** The remote has commits we do not: integrate, then push again. */
        record NotFastForward() implements PushResult {}

        /**
         * Refused for another reason: the remote's hook or branch protection, or the user's own
         * pre-push hook ({@code byLocalHook}); {@code reason} is their word.
         */
        record Rejected(String reason, boolean byLocalHook) implements PushResult {}

        record Failed(Failure failure) implements PushResult {}
    }

    sealed interface ProbeResult {
        record Reachable(List<String> branches) implements ProbeResult {}

        record Failed(Failure failure) implements ProbeResult {}
    }
}
