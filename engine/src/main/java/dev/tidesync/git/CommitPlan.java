package dev.tidesync.git;

import java.util.Set;

/**
 * What one automatic commit takes: the paths to add, the deletions to record, and index entries
 * to set back to HEAD's. Decided by the guards; the committer only carries it out.
 */
public record CommitPlan(Set<String> paths, Set<String> deletions, Set<String> unstage) {

    public CommitPlan {
        paths = Set.copyOf(paths);
        deletions = Set.copyOf(deletions);
        unstage = Set.copyOf(unstage);
    }
}
