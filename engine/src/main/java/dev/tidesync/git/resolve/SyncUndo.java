package dev.tidesync.git.resolve;

import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.BranchMove;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Identity;
import dev.tidesync.git.Integration;
import java.io.IOException;
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
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Undoes the last sync that moved a branch (a pull, a rebase, a merge, a resolution) by
 * committing the files as they were before it, on top. Nothing is rewritten, so the undo can be
 * pushed without force and undone in turn; the commits the sync brought stay in history.
 */
public final class SyncUndo {

    private final BackupRefs backups;

    public SyncUndo(BackupRefs backups) {
        this.backups = backups;
    }

    /** What an undo would restore: the last sync's reflog entry, when the branch has not moved since. */
    public record Undoable(String branchRef, String head, String restores, String what) {}

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
            String subject = "Undo Tidesync's " + u.what() + ": files back as of " + before.abbreviate(8).name();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(before.getTree());
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

    private static Undoable find(GitRepo repo) throws IOException, ResolveException {
        Repository r = repo.repository();
        Ref head = r.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || head.getObjectId() == null) {
            throw new ResolveException(repo.workTree() + " is not on a branch; there is no sync to undo");
        }
        String branchRef = head.getTarget().getName();
        ReflogEntry last = r.getRefDatabase().getReflogReader(r.exactRef(branchRef)).getLastEntry();
        if (last == null || !last.getComment().startsWith("tidesync: ")) {
            throw new ResolveException("The last change to " + Repository.shortenRefName(branchRef) + " was "
                    + (last == null ? "not recorded" : "\"" + last.getComment() + "\"") + ", not a sync that brought changes in; there is nothing to undo");
        }
        if (!last.getNewId().equals(head.getObjectId()) || last.getOldId().equals(ObjectId.zeroId())) {
            throw new ResolveException("There is no sync to undo on " + Repository.shortenRefName(branchRef));
        }
        return new Undoable(branchRef, head.getObjectId().name(), last.getOldId().name(), last.getComment().substring("tidesync: ".length()));
    }
}
