package dev.tidesync.git;

import java.util.List;

/** How remote changes met local ones. Every outcome leaves the work tree consistent. */
public sealed interface Integration {

    /** Nothing came in: the remote has nothing HEAD lacks. */
    record UpToDate() implements Integration {}

    /**
     * HEAD moved to include the remote's commits.
     *
     * @param commitsIn  remote commits now in HEAD
     * @param replayed   local commits rewritten on top (rebase), 0 otherwise
     * @param backupRef  where HEAD was before, for undo
     * @param kept       what someone wrote to files while they were replaced, and where it was kept ({@link CheckoutGuard})
     */
    record Moved(String how, String oldHead, String newHead, int commitsIn, int replayed, String backupRef, List<String> kept)
            implements Integration {}

    /** Local and remote commits change the same lines or files: nothing was changed. */
    record Conflict(List<String> paths, String remoteHead) implements Integration {}

    /** Uncommitted local edits would be overwritten by the incoming changes: nothing was changed. */
    record Blocked(List<String> paths) implements Integration {}

    /** ff-only was asked for and both sides have new commits: nothing was changed. */
    record Diverged(int ahead, int behind) implements Integration {}
}
