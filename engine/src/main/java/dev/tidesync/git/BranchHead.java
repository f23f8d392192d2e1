package dev.tidesync.git;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.BranchTrackingStatus;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The branch's head and how far it is ahead of its upstream, read from refs alone (no status
 * walk), so a ref change can be checked in a millisecond.
 *
 * @param ahead commits the upstream lacks; with no upstream, 1 if there is any commit
 */
public record BranchHead(String head, int ahead) {

    public static Optional<BranchHead> read(GitRepo repo) throws IOException {
        Repository r = repo.repository();
        String full = r.getFullBranch();
        if (full == null || !full.startsWith("refs/heads/")) {
            return Optional.empty();
        }
        ObjectId head = r.resolve(full);
        if (head == null) {
            return Optional.empty();
        }
        BranchTrackingStatus tracking = BranchTrackingStatus.of(r, r.getBranch());
        return Optional.of(new BranchHead(head.name(), tracking == null ? 1 : tracking.getAheadCount()));
    }
}
