package dev.tidesync.git;

/**
 * The remote branch a local branch integrates with.
 *
 * @param remote        remote name, e.g. origin
 * @param remoteBranch  full ref on the remote, e.g. refs/heads/main
 * @param trackingRef   the local remote-tracking ref, e.g. refs/remotes/origin/main
 * @param configured    whether branch.NAME.remote/merge say so (false: Tidesync inferred it)
 */
public record Upstream(String remote, String remoteBranch, String trackingRef, boolean configured) {

    public static Upstream inferred(String remote, String branchRef) {
        String shortName = branchRef.startsWith("refs/heads/") ? branchRef.substring("refs/heads/".length()) : branchRef;
        return new Upstream(remote, "refs/heads/" + shortName, "refs/remotes/" + remote + "/" + shortName, false);
    }

    public String shortName() {
        return remote + "/" + remoteBranch.substring("refs/heads/".length());
    }
}
