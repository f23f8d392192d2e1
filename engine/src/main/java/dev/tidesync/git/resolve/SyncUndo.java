package dev.tidesync.git.resolve;

import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.BranchMove;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Identity;
import dev.tidesync.git.Integration;
import dev.tidesync.io.Phrases;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Undoes the last sync that moved a branch (a pull, a rebase, a merge, a resolution) by
 * committing the files as they were before it, on top. Commits made after that sync (Tidesync's
 * own or the user's) are kept: their changes are replayed onto the restored files. Nothing is
 * rewritten, so the undo can be pushed without force and undone in turn; the commits the sync
 * brought stay in history.
 */
public final class SyncUndo {

    private static final String SYNC_ENTRY = "tidesync: ";

    private final BackupRefs backups;

    public SyncUndo(BackupRefs backups) {
        this.backups = backups;
    }

    /**
     * What an undo would restore: the files before the last sync that moved the branch, with the
     * commits made since ({@code later}, oldest first) replayed on top.
     */
    public record Undoable(String branchRef, String head, String restores, String what, List<String> later) {

        public Undoable {
            later = List.copyOf(later);
        }
    }

    public Optional<Undoable> check(GitRepo repo) throws IOException {
        try {
            return Optional.of(find(repo));
        } catch (ResolveException e) {
            return Optional.empty();
        }
    }

    public Resolved undo(GitRepo repo, Identity identity) throws IOException, ResolveException {
        PersonIdent who = identity.person();
        Undoable u = find(repo);
        Repository r = repo.repository();
        try (RevWalk walk = new RevWalk(r); ObjectInserter inserter = r.newObjectInserter()) {
            RevCommit head = walk.parseCommit(ObjectId.fromString(u.head()));
            RevCommit before = walk.parseCommit(ObjectId.fromString(u.restores()));
            ObjectId tree = replayed(r, walk, before, u.later());
            String subject = "Undo Tidesync's " + u.what() + ": files back as of " + before.abbreviate(8).name()
                    + (u.later().isEmpty() ? "" : ", keeping " + Phrases.plural(u.later().size(), "later commit"));
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(head);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(subject + "\n\nThe undone commits stay in history; undo this commit to get them back.\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            Integration result = BranchMove.apply(repo, backups, u.branchRef(), head, walk.parseCommit(id), "undo " + u.what(), 0, 0);
            if (result instanceof Integration.Blocked blocked) {
                throw new ResolveException("Uncommitted edits to " + String.join(", ", blocked.paths())
                        + " would be overwritten; sync or commit them first, nothing was changed");
            }
            return new Resolved(id.name(), Map.of(), List.of(), subject);
        }
    }

    /** The files before the sync with each later commit's own changes applied in turn, merged in memory. */
    private static ObjectId replayed(Repository r, RevWalk walk, RevCommit before, List<String> later) throws IOException, ResolveException {
        ObjectId tree = before.getTree();
        for (String id : later) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(id));
            RevCommit parent = walk.parseCommit(commit.getParent(0));
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(r, true);
            merger.setBase(parent.getTree());
            if (!merger.merge(tree, commit.getTree())) {
                List<String> files = !merger.getUnmergedPaths().isEmpty() ? merger.getUnmergedPaths()
                        : merger.getFailingPaths() == null ? List.of() : List.copyOf(merger.getFailingPaths().keySet());
                throw new ResolveException("Cannot undo the sync and keep the later commit " + commit.abbreviate(7).name() + " (\u201c"
                        + commit.getShortMessage() + "\u201d): it changes " + Phrases.firstAndMore(files, 3)
                        + " where the sync did too; nothing was changed. Undo by hand (git revert) or resolve with `tidesync resolve`");
            }
            tree = merger.getResultTreeId();
        }
        return tree;
    }

    /**
     * The newest sync in the branch's reflog, looking past commits made on top of it since. Any
     * other move of the branch (a reset, a rebase or an amend by hand) stops the search: what came
     * before it is no longer what the branch is built on.
     */
    private static Undoable find(GitRepo repo) throws IOException, ResolveException {
        Repository r = repo.repository();
        Ref head = r.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || head.getObjectId() == null) {
            throw new ResolveException(repo.workTree() + " is not on a branch; there is no sync to undo");
        }
        String branchRef = head.getTarget().getName();
        String branch = Repository.shortenRefName(branchRef);
        List<ReflogEntry> entries = r.getRefDatabase().getReflogReader(r.exactRef(branchRef)).getReverseEntries();
        List<String> later = new ArrayList<>();
        ObjectId expected = head.getObjectId();
        try (RevWalk walk = new RevWalk(r)) {
            for (ReflogEntry entry : entries) {
                if (!entry.getNewId().equals(expected)) {
                    throw new ResolveException("The reflog of " + branch + " has a gap, so the last sync cannot be found; undo by hand");
                }
                String comment = entry.getComment();
                if (comment.startsWith(SYNC_ENTRY)) {
                    if (entry.getOldId().equals(ObjectId.zeroId())) {
                        break;
                    }
                    java.util.Collections.reverse(later);
                    return new Undoable(branchRef, head.getObjectId().name(), entry.getOldId().name(),
                            comment.substring(SYNC_ENTRY.length()), later);
                }
                if (entry.getOldId().equals(ObjectId.zeroId())) {
                    break; // the branch's beginning (a clone, a first commit): no sync before it
                }
                RevCommit made = walk.parseCommit(entry.getNewId());
                boolean onTop = comment.startsWith("commit:") && made.getParentCount() == 1 && made.getParent(0).equals(entry.getOldId());
                if (!onTop) {
                    throw new ResolveException("The last change to " + branch + (later.isEmpty() ? "" : " before its latest "
                            + Phrases.plural(later.size(), "commit")) + " was " + (comment.isBlank() ? "not recorded" : "\u201c" + comment + "\u201d")
                            + ", not a sync; Tidesync undoes only a sync, with plain commits on top of it. There is nothing to undo here;"
                            + " to undo that change, use git (git revert or git reset) by hand");
                }
                later.add(entry.getNewId().name());
                expected = entry.getOldId();
            }
        }
        throw new ResolveException("No sync brought changes into " + branch + (later.isEmpty() ? "" : " before its last "
                + Phrases.plural(later.size(), "commit")) + "; there is nothing to undo");
    }
}
