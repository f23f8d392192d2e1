package dev.tidesync.git;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevWalkUtils;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/** Reads a repository's situation without changing anything. */
public final class Inspector {

    private Inspector() {}

    /**
     * @param preferredRemotes the remotes the user configured for Tidesync; the first is used
     *                         as upstream when the branch has none configured
     */
    public static Snapshot inspect(GitRepo repo, List<String> preferredRemotes) throws IOException {
        return inspect(repo, preferredRemotes, Optional.empty());
    }

    /** As {@link #inspect(GitRepo, List)}, with local changes looked for only under {@code scope} when given. */
    public static Snapshot inspect(GitRepo repo, List<String> preferredRemotes, Optional<Set<String>> scope) throws IOException {
        Repository r = repo.repository();
        Ref headRef = r.exactRef(Constants.HEAD);
        Optional<String> branchRef = headRef != null && headRef.isSymbolic()
                ? Optional.of(headRef.getTarget().getName()) : Optional.empty();
        Optional<String> head = headRef != null && headRef.getObjectId() != null
                ? Optional.of(headRef.getObjectId().name()) : Optional.empty();
        Optional<Upstream> upstream = branchRef.flatMap(b -> upstream(r, b, preferredRemotes));
        int ahead = 0;
        int behind = 0;
        if (head.isPresent() && upstream.isPresent()) {
            Ref tracking = r.exactRef(upstream.get().trackingRef());
            if (tracking != null && tracking.getObjectId() != null) {
                int[] counts = aheadBehind(r, ObjectId.fromString(head.get()), tracking.getObjectId());
                ahead = counts[0];
                behind = counts[1];
            }
        }
        return new Snapshot(branchRef, head, upstream, operation(r), ahead, behind, changes(repo, scope));
    }

    /** The checked-out branch's upstream alone, from refs and config: no look at the work tree. */
    public static Optional<Upstream> upstreamOf(GitRepo repo, List<String> preferredRemotes) throws IOException {
        Repository r = repo.repository();
        Ref headRef = r.exactRef(Constants.HEAD);
        if (headRef == null || !headRef.isSymbolic()) {
            return Optional.empty();
        }
        return upstream(r, headRef.getTarget().getName(), preferredRemotes);
    }

    /** Upstream from branch config, else the first preferred remote, else the only remote there is. */
    public static Optional<Upstream> upstream(Repository r, String branchRef, List<String> preferredRemotes) {
        String shortName = Repository.shortenRefName(branchRef);
        BranchConfig config = new BranchConfig(r.getConfig(), shortName);
        String remote = config.getRemote();
        String merge = config.getMerge();
        if (remote != null && merge != null && !".".equals(remote)
                && (preferredRemotes.isEmpty() || preferredRemotes.getFirst().equals(remote))) {
            String tracking = config.getRemoteTrackingBranch();
            return Optional.of(new Upstream(remote, merge,
                    tracking != null ? tracking : "refs/remotes/" + remote + "/" + Repository.shortenRefName(merge), true));
        }
        if (!preferredRemotes.isEmpty()) {
            return Optional.of(Upstream.inferred(preferredRemotes.getFirst(), branchRef));
        }
        Set<String> remotes = r.getRemoteNames();
        if (remotes.size() == 1) {
            return Optional.of(Upstream.inferred(remotes.iterator().next(), branchRef));
        }
        return Optional.empty();
    }

    static Optional<String> operation(Repository r) {
        RepositoryState state = r.getRepositoryState();
        if (state == RepositoryState.SAFE) {
            return Optional.empty();
        }
        return Optional.of(switch (state) {
            case MERGING, MERGING_RESOLVED -> "a merge is in progress";
            case REBASING, REBASING_REBASING, REBASING_MERGE, REBASING_INTERACTIVE, APPLY -> "a rebase is in progress";
            case CHERRY_PICKING, CHERRY_PICKING_RESOLVED -> "a cherry-pick is in progress";
            case REVERTING, REVERTING_RESOLVED -> "a revert is in progress";
            case BISECTING -> "a bisect is in progress";
            default -> "git reports the state \"" + state.getDescription() + "\"";
        });
    }

    /** [ahead, behind] of {@code head} relative to {@code other}. */
    /** The best common ancestor of two commits; the walk is left reset, with no filter. */
    public static Optional<RevCommit> mergeBase(RevWalk walk, RevCommit a, RevCommit b) throws IOException {
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(a);
        walk.markStart(b);
        RevCommit base = walk.next();
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        return Optional.ofNullable(base);
    }

    public static int[] aheadBehind(Repository r, ObjectId head, ObjectId other) throws IOException {
        try (RevWalk walk = new RevWalk(r)) {
            RevCommit a = walk.parseCommit(head);
            RevCommit b = walk.parseCommit(other);
            RevCommit base = mergeBase(walk, a, b).orElse(null);
            int ahead = RevWalkUtils.count(walk, a, base);
            walk.reset();
            int behind = RevWalkUtils.count(walk, b, base);
            return new int[] {ahead, behind};
        }
    }

    /** The submodules whose own work trees have changes (edits, new files), by path: what Tidesync leaves alone. */
    public static java.util.List<String> submodulesWithChanges(GitRepo repo) throws IOException {
        java.util.List<String> dirty = new java.util.ArrayList<>();
        try (org.eclipse.jgit.submodule.SubmoduleWalk walk = org.eclipse.jgit.submodule.SubmoduleWalk.forIndex(repo.repository())) {
            while (walk.next()) {
                try (org.eclipse.jgit.lib.Repository sub = walk.getRepository()) {
                    if (sub != null && !org.eclipse.jgit.api.Git.wrap(sub).status().call().isClean()) {
                        dirty.add(walk.getPath());
                    }
                } catch (GitAPIException | RuntimeException e) {
                    dirty.add(walk.getPath()); // unreadable inside: say so rather than claim it is clean
                }
            }
        }
        return dirty;
    }

    /**
     * Local changes; with {@code scope} only under those paths (the watcher's hint keeps status
     * cheap in large trees).
     */
    public static LocalChanges changes(GitRepo repo, Optional<Set<String>> scope) throws IOException {
        StatusCommand command = repo.git().status();
        scope.ifPresent(paths -> paths.forEach(command::addPath));
        Status status;
        try {
            status = command.call();
        } catch (GitAPIException e) {
            throw new IOException("git status failed: " + e.getMessage(), e);
        }
        Set<String> staged = new HashSet<>(status.getAdded());
        staged.addAll(status.getChanged());
        staged.addAll(status.getRemoved());
        return new LocalChanges(status.getUntracked(), status.getModified(), status.getMissing(), staged,
                status.getConflicting());
    }
}
