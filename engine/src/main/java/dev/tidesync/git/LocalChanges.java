package dev.tidesync.git;

import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between HEAD, the index and the work tree, as repository-relative paths with
 * forward slashes.
 *
 * @param untracked  new files git does not ignore
 * @param modified   tracked files changed in the work tree (not yet staged)
 * @param missing    tracked files deleted from the work tree
 * @param staged     paths whose index entry differs from HEAD (added, changed or removed)
 * @param conflicted paths with unmerged index entries
 */
public record LocalChanges(Set<String> untracked, Set<String> modified, Set<String> missing,
                           Set<String> staged, Set<String> conflicted) {

    public static final LocalChanges NONE = new LocalChanges(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public LocalChanges {
        untracked = Set.copyOf(untracked);
        modified = Set.copyOf(modified);
        missing = Set.copyOf(missing);
        staged = Set.copyOf(staged);
        conflicted = Set.copyOf(conflicted);
    }

    /** These changes minus the paths {@code drop} selects. */
    public LocalChanges without(java.util.function.Predicate<String> drop) {
        java.util.function.Function<Set<String>, Set<String>> keep = set -> set.stream().filter(drop.negate())
                .collect(java.util.stream.Collectors.toSet());
        return new LocalChanges(keep.apply(untracked), keep.apply(modified), keep.apply(missing), keep.apply(staged), conflicted);
    }

    /** Every path with any change, sorted. */
    public Set<String> all() {
        Set<String> all = new TreeSet<>();
        all.addAll(untracked);
        all.addAll(modified);
        all.addAll(missing);
        all.addAll(staged);
        all.addAll(conflicted);
        return all;
    }

    /** Changes to tracked files only: what a pull must not overwrite. */
    public boolean hasTrackedChanges() {
        return !modified.isEmpty() || !missing.isEmpty() || !staged.isEmpty() || !conflicted.isEmpty();
    }

    public boolean isEmpty() {
        return all().isEmpty();
    }
}
