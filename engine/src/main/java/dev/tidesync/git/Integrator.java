package dev.tidesync.git;

import dev.tidesync.config.IntegrateStrategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Combines the remote's commits with local ones <em>in memory</em> first: the rebase or merge is
 * computed on trees and commits without touching the work tree. Only a conflict-free result is
 * applied, by one checkout that refuses to overwrite uncommitted edits. So a conflict never
 * leaves a half-done rebase, a merge state or a changed file behind: there is nothing to abort.
 */
public final class Integrator {

    private final BackupRefs backups;

    public Integrator(BackupRefs backups) {
        this.backups = backups;
    }

    /**
     * @param branchRef local branch, e.g. refs/heads/main
     * @param head      its commit, or null when unborn
     * @param remote    the remote-tracking commit to integrate
     * @param committer who rewrites commits (rebase) or records the merge
     */
    /** As below, with commits named by their ids; {@code head} empty on an unborn branch. */
    public Integration integrate(GitRepo repo, String branchRef, java.util.Optional<String> head, String remote, String remoteName,
                                 IntegrateStrategy strategy, Identity identity) throws IOException {
        return integrate(repo, branchRef, head.map(ObjectId::fromString).orElse(null), ObjectId.fromString(remote), remoteName, strategy,
                identity);
    }

    public Integration integrate(GitRepo repo, String branchRef, ObjectId head, ObjectId remote, String remoteName,
                                 IntegrateStrategy strategy, Identity identity) throws IOException {
        PersonIdent committer = identity.person();
        Repository r = repo.repository();
        try (RevWalk walk = new RevWalk(r); ObjectInserter inserter = r.newObjectInserter()) {
            RevCommit theirs = walk.parseCommit(remote);
            if (head == null) {
                return apply(repo, branchRef, null, theirs, "fast-forward", count(walk, theirs, null), 0);
            }
            RevCommit ours = walk.parseCommit(head);
            if (walk.isMergedInto(theirs, ours)) {
                return new Integration.UpToDate();
            }
            int incoming = count(walk, theirs, ours);
            if (walk.isMergedInto(ours, theirs)) {
                return apply(repo, branchRef, ours, theirs, "fast-forward", incoming, 0);
            }
            return switch (strategy) {
                case FF_ONLY -> new Integration.Diverged(count(walk, ours, theirs), incoming);
                case MERGE -> merge(repo, walk, inserter, branchRef, ours, theirs, remoteName, committer, incoming);
                // A merge among the local commits is most often a resolved conflict: replaying the commits
                // around it would reopen that conflict, so history that holds one is merged, as it stands.
                case REBASE -> holdsMerge(walk, ours, theirs) ? merge(repo, walk, inserter, branchRef, ours, theirs, remoteName, committer, incoming)
                        : rebase(repo, walk, inserter, branchRef, ours, theirs, committer, incoming);
            };
        }
    }

    private Integration merge(GitRepo repo, RevWalk walk, ObjectInserter inserter, String branchRef, RevCommit ours,
                              RevCommit theirs, String remoteName, PersonIdent committer, int incoming) throws IOException {
        ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo.repository(), true);
        merger.setCommitNames(new String[] {"BASE", "HEAD", remoteName});
        if (!merger.merge(ours, theirs)) {
            return conflict(merger, theirs);
        }
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(merger.getResultTreeId());
        builder.setParentIds(ours, theirs);
        builder.setAuthor(committer);
        builder.setCommitter(committer);
        builder.setMessage("Merge " + remoteName + " into " + org.eclipse.jgit.lib.Repository.shortenRefName(branchRef) + "\n");
        ObjectId merged = inserter.insert(builder);
        inserter.flush();
        return apply(repo, branchRef, ours, walk.parseCommit(merged), "merge", incoming, 0);
    }

    /** Whether a commit that {@code theirs} lacks has more than one parent. */
    private static boolean holdsMerge(RevWalk walk, RevCommit ours, RevCommit theirs) throws IOException {
        walk.reset();
        walk.markStart(ours);
        walk.markUninteresting(theirs);
        try {
            for (RevCommit c : walk) {
                if (c.getParentCount() > 1) {
                    return true;
                }
            }
            return false;
        } finally {
            walk.reset();
        }
    }

    /** Replays local non-merge commits, oldest first, onto the remote's commit, as `git rebase` does. */
    private Integration rebase(GitRepo repo, RevWalk walk, ObjectInserter inserter, String branchRef, RevCommit ours,
                               RevCommit theirs, PersonIdent committer, int incoming) throws IOException {
        List<RevCommit> local = new ArrayList<>();
        walk.reset();
        walk.setRevFilter(RevFilter.NO_MERGES);
        walk.sort(RevSort.TOPO);
        walk.markStart(ours);
        walk.markUninteresting(theirs);
        for (RevCommit c : walk) {
            local.add(c);
        }
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        walk.sort(RevSort.NONE);
        Collections.reverse(local);

        RevCommit base = walk.parseCommit(theirs);
        int replayed = 0;
        for (RevCommit c : local) {
            walk.parseBody(c);
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo.repository(), true);
            merger.setCommitNames(new String[] {"BASE", "remote", "local"});
            merger.setBase(c.getParentCount() > 0 ? c.getParent(0) : null);
            if (!merger.merge(base, c)) {
                return conflict(merger, theirs);
            }
            if (merger.getResultTreeId().equals(base.getTree())) {
                continue; // already upstream, as git rebase drops it
            }
            CommitBuilder builder = new CommitBuilder();
            builder.setTreeId(merger.getResultTreeId());
            builder.setParentId(base);
            builder.setAuthor(c.getAuthorIdent());
            builder.setCommitter(committer);
            builder.setEncoding(c.getEncoding());
            builder.setMessage(c.getFullMessage());
            ObjectId id = inserter.insert(builder);
            inserter.flush();
            base = walk.parseCommit(id);
            replayed++;
        }
        return apply(repo, branchRef, ours, base, "rebase", incoming, replayed);
    }

    private static Integration conflict(ResolveMerger merger, RevCommit theirs) {
        TreeSet<String> paths = new TreeSet<>(merger.getUnmergedPaths());
        if (merger.getFailingPaths() != null) {
            paths.addAll(merger.getFailingPaths().keySet());
        }
        return new Integration.Conflict(List.copyOf(paths), theirs.name());
    }

    private Integration apply(GitRepo repo, String branchRef, RevCommit from, RevCommit to, String how,
                              int incoming, int replayed) throws IOException {
        return BranchMove.apply(repo, backups, branchRef, from, to, how, incoming, replayed);
    }

    /** @see BranchMove#recover(GitRepo) */
    public static void recover(GitRepo repo) throws IOException {
        BranchMove.recover(repo);
    }

    private static int count(RevWalk walk, RevCommit start, RevCommit end) throws IOException {
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        walk.markStart(start);
        if (end != null) {
            walk.markUninteresting(end);
        }
        int n = 0;
        for (RevCommit ignored : walk) {
            n++;
        }
        walk.reset();
        return n;
    }
}
