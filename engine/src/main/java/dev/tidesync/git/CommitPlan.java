package dev.tidesync.git;

import java.util.Set;

/**
 * What one automatic commit takes: the paths to add and the deletions to record. Decided by the
 * guards; the committer only carries it out.
 *
 * @param keepStaged what the user staged that this commit does not take: it stays staged, as the
 *                   user left it (the commit then takes only its own paths, as `git commit --only`)
 */
public record CommitPlan(Set<String> paths, Set<String> deletions, Set<String> keepStaged) {

    public CommitPlan {
        paths = Set.copyOf(paths);
        deletions = Set.copyOf(deletions);
        keepStaged = Set.copyOf(keepStaged);
    }

    public boolean empty() {
        return paths.isEmpty() && deletions.isEmpty();
    }
}
