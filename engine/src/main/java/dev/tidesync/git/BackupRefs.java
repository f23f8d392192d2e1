package dev.tidesync.git;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Before a sync moves a branch, where it was is kept under {@code refs/tidesync/backup/BRANCH/MILLIS},
 * so any sync can be undone with one reset. The newest {@code keep} per branch are kept.
 */
public final class BackupRefs {

    public static final String PREFIX = "refs/tidesync/backup/";

    /** How many backups per branch every Tidesync writer keeps. */
    public static final int KEEP = 50;

    private final int keep;

    public BackupRefs(int keep) {
        this.keep = keep;
    }

    public String record(Repository r, String branchRef, ObjectId commit, Instant now) throws IOException {
        String branch = Repository.shortenRefName(branchRef);
        String name = PREFIX + branch + "/" + now.toEpochMilli();
        RefUpdate update = r.updateRef(name);
        update.setNewObjectId(commit);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        update.setRefLogMessage("tidesync: backup before sync", false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("could not record the backup ref " + name + " (" + result + "); nothing was changed");
        }
        prune(r, branch);
        return name;
    }

    /** Backups of {@code branch}, newest first. */
    public static List<Ref> list(Repository r, String branch) throws IOException {
        return r.getRefDatabase().getRefsByPrefix(PREFIX + branch + "/").stream()
                .sorted(Comparator.comparingLong(BackupRefs::millis).reversed())
                .toList();
    }

    public static Optional<Ref> latest(Repository r, String branch) throws IOException {
        return list(r, branch).stream().findFirst();
    }

    private void prune(Repository r, String branch) throws IOException {
        List<Ref> all = list(r, branch);
        for (Ref old : all.subList(Math.min(keep, all.size()), all.size())) {
            RefUpdate delete = r.updateRef(old.getName());
            delete.setForceUpdate(true);
            delete.delete();
        }
    }

    private static long millis(Ref ref) {
        String name = ref.getName();
        try {
            return Long.parseLong(name.substring(name.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
