package dev.tidesync.git.resolve;

import java.util.List;

/**
 * Where a repository's branch and its remote disagree, as found now (the remote may have moved
 * since the sync that stopped).
 *
 * @param ours    the local branch's commit
 * @param theirs  the remote-tracking commit
 * @param remote  e.g. origin/main, for messages
 */
public record Conflicts(String branchRef, String ours, String theirs, String remote, List<ConflictFile> files) {

    public Conflicts {
        files = List.copyOf(files);
    }
}
