package dev.tidesync.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.tidesync.io.MachineName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The only way Tidesync moves a branch that has a work tree: back up where it was, check out the
 * new tree refusing (before touching a file) to overwrite uncommitted edits, then move the
 * branch. An intent file records the move so a crash between the two steps is finished later.
 * Integration, conflict resolution and undo all go through here.
 */
public final class BranchMove {

    private BranchMove() {}

    /**
     * @param from the branch's commit now, or null when unborn
     * @return Moved, or Blocked naming the uncommitted files that would have been overwritten
     */
    public static Integration apply(GitRepo repo, BackupRefs backups, String branchRef, RevCommit from, RevCommit to, String how,
                                    int incoming, int replayed) throws IOException {
        Repository r = repo.repository();
        String backup = from == null ? "" : backups.record(r, branchRef, from, Instant.now());
        Path intent = intentFile(repo);
        Files.createDirectories(intent.getParent());
        Files.writeString(intent, branchRef + "\n" + (from == null ? ObjectId.zeroId().name() : from.name()) + "\n" + to.name() + "\n",
                StandardCharsets.UTF_8);
        DirCache index = r.lockDirCache();
        List<String> kept;
        try {
            CheckoutGuard.arm(repo, index, to.getTree(), MachineName.name(), LocalDate.now());
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
            kept = CheckoutGuard.settle(repo, MachineName.name(), LocalDate.now());
        }
        moveBranch(r, branchRef, from == null ? ObjectId.zeroId() : from, to, how);
        Files.deleteIfExists(intent);
        return new Integration.Moved(how, from == null ? "" : from.name(), to.name(), incoming, replayed, backup, kept);
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
        CheckoutGuard.settle(repo, MachineName.name(), LocalDate.now()); // a checkout a crash cut short: what was written meanwhile is kept
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
}
