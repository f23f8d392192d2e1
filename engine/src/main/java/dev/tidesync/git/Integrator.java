package dev.tidesync.git;

import dev.tidesync.config.IntegrateStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
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
    public Integration integrate(GitRepo repo, String branchRef, ObjectId head, ObjectId remote, String remoteName,
                                 IntegrateStrategy strategy, PersonIdent committer) throws IOException {
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
                case REBASE -> rebase(repo, walk, inserter, branchRef, ours, theirs, committer, incoming);
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

    /**
     * Moves the work tree and index from {@code from} to {@code to}, refusing (before touching a
     * file) if that would overwrite uncommitted edits, then moves the branch. An intent file
     * records the move so a crash between the two steps is finished on the next run.
     */
    private Integration apply(GitRepo repo, String branchRef, RevCommit from, RevCommit to, String how,
                              int incoming, int replayed) throws IOException {
        Repository r = repo.repository();
        String backup = from == null ? "" : backups.record(r, branchRef, from, Instant.now());
        Path intent = intentFile(repo);
        Files.createDirectories(intent.getParent());
        Files.writeString(intent, branchRef + "\n" + (from == null ? ObjectId.zeroId().name() : from.name()) + "\n" + to.name() + "\n",
                StandardCharsets.UTF_8);
        DirCache index = r.lockDirCache();
        try {
            DirCacheCheckout checkout = from == null
                    ? new DirCacheCheckout(r, index, to.getTree())
                    : new DirCacheCheckout(r, from.getTree(), index, to.getTree());
            checkout.setFailOnConflict(true);
            checkout.checkout();
        } catch (CheckoutConflictException e) {
            Files.deleteIfExists(intent);
            return new Integration.Blocked(List.copyOf(new TreeSet<>(List.of(e.getConflictingFiles()))));
        } finally {
            index.unlock();
        }
        moveBranch(r, branchRef, from == null ? ObjectId.zeroId() : from, to, how);
        Files.deleteIfExists(intent);
        return new Integration.Moved(how, from == null ? "" : from.name(), to.name(), incoming, replayed, backup);
    }

    private static void moveBranch(Repository r, String branchRef, ObjectId from, ObjectId to, String how) throws IOException {
        RefUpdate update = r.updateRef(branchRef);
        // A rebase is not a fast-forward; the expected old id is what keeps this safe against races.
        update.setExpectedOldObjectId(from);
        update.setForceUpdate(true);
        update.setNewObjectId(to);
        update.setRefLogMessage("tidesync: " + how, false);
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> { }
            default -> throw new IOException("could not move " + branchRef + " (" + result
                    + "); the files are already up to date, the next sync will record them");
        }
    }

    /**
     * Finishes a move interrupted by a crash: if the branch is still where it was and the index
     * already holds the target tree, the branch is moved; otherwise the intent is dropped and
     * the next cycle sees whatever is in the work tree as local changes (nothing is lost).
     */
    public static void recover(GitRepo repo) throws IOException {
        Path intent = intentFile(repo);
        if (!Files.exists(intent)) {
            return;
        }
        List<String> lines = Files.readAllLines(intent, StandardCharsets.UTF_8);
        Repository r = repo.repository();
        if (lines.size() >= 3) {
            String branchRef = lines.get(0);
            ObjectId from = ObjectId.fromString(lines.get(1));
            ObjectId to = ObjectId.fromString(lines.get(2));
            var ref = r.exactRef(branchRef);
            ObjectId current = ref == null || ref.getObjectId() == null ? ObjectId.zeroId() : ref.getObjectId();
            if (current.equals(from)) {
                try (RevWalk walk = new RevWalk(r); ObjectInserter inserter = r.newObjectInserter()) {
                    ObjectId indexTree = r.readDirCache().writeTree(inserter);
                    if (indexTree.equals(walk.parseCommit(to).getTree())) {
                        moveBranch(r, branchRef, from, to, "finish interrupted sync");
                    }
                }
            }
        }
        Files.deleteIfExists(intent);
    }

    static Path intentFile(GitRepo repo) {
        return repo.tidesyncDir().resolve("integrating");
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
