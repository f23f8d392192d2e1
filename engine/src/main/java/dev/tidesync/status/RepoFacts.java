package dev.tidesync.status;

import java.util.List;
import java.util.Optional;

/**
 * What the repository itself says about its state: the part of a status that costs a git
 * status to learn. The journal's part (last sync, conflict, pause) is cheap and added on top.
 *
 * @param dirtyFiles changed files Tidesync would commit (not the freeze marker, not submodules)
 * @param operation  a git operation in progress (rebase, merge…), described for the user
 * @param frozen     whether the freeze marker is there
 * @param submodules submodules whose own work trees have changes, which Tidesync does not sync
 * @param unreadable why the repository could not be read (gone, not a repository), if so
 */
public record RepoFacts(String branch, int ahead, int behind, int dirtyFiles, Optional<String> operation, List<String> remotes,
                        boolean frozen, List<String> submodules, Optional<String> unreadable) {

    public RepoFacts {
        remotes = List.copyOf(remotes);
        submodules = List.copyOf(submodules);
    }

    public static RepoFacts unreadable(String why, List<String> remotes) {
        return new RepoFacts("", 0, 0, 0, Optional.empty(), remotes, false, List.of(), Optional.of(why));
    }
}
