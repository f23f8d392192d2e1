package dev.tidesync.git;

import java.util.Optional;

/**
 * Everything a sync needs to know about a repository before it touches anything.
 *
 * @param branchRef  e.g. refs/heads/main; empty when HEAD is detached
 * @param head       the commit HEAD points at; empty on an unborn branch
 * @param operation  a git operation in progress (rebase, merge…), described for the user
 * @param ahead      commits on HEAD not on the upstream's tracking ref (as of the last fetch)
 * @param behind     commits on the tracking ref not on HEAD
 */
public record Snapshot(
        Optional<String> branchRef,
        Optional<String> head,
        Optional<Upstream> upstream,
        Optional<String> operation,
        int ahead,
        int behind,
        LocalChanges changes) {

    public boolean detached() {
        return branchRef.isEmpty();
    }

    public boolean unborn() {
        return head.isEmpty();
    }

    public String branchName() {
        return branchRef.map(r -> r.startsWith("refs/heads/") ? r.substring("refs/heads/".length()) : r).orElse("HEAD");
    }
}
