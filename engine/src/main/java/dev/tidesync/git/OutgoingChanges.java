package dev.tidesync.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * What a push would send that no remote has yet: the commits reachable from the branch and from
 * no remote-tracking ref, and for each the lines it adds, file by file. Commits some remote
 * already has were checked when they first went out (or came from there), so a push of
 * thousands of commits reads each new commit's added lines once and nothing older.
 */
public final class OutgoingChanges {

    /**
     * Lines one commit adds to one file.
     *
     * @param newFile whether the commit creates the file (its name rules apply, not only its content)
     */
    public record AddedText(String commit, String subject, String path, boolean newFile, String text) {}

    private OutgoingChanges() {}

    /**
     * The added text of every commit in {@code head}'s history that no remote-tracking ref
     * reaches, newest first. A blob seen once is not read again, binary content is skipped, and
     * at most {@code maxBytesPerFile} of a file's added lines are returned.
     */
    public static List<AddedText> of(GitRepo repo, String head, int maxBytesPerFile) throws IOException {
        var repository = repo.repository();
        List<AddedText> added = new ArrayList<>();
        Set<ObjectId> seenBlobs = new HashSet<>();
        try (RevWalk walk = new RevWalk(repository);
             ObjectReader reader = repository.newObjectReader();
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setDetectRenames(false);
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/remotes/")) {
                if (ref.getObjectId() != null) {
                    RevObject known = walk.peel(walk.parseAny(ref.getObjectId()));
                    if (known instanceof RevCommit commit) {
                        walk.markUninteresting(commit);
                    }
                }
            }
            for (RevCommit commit : walk) {
                AbstractTreeIterator before = commit.getParentCount() == 0 ? new EmptyTreeIterator()
                        : tree(reader, walk.parseCommit(commit.getParent(0)));
                for (DiffEntry entry : diff.scan(before, tree(reader, commit))) {
                    if (entry.getChangeType() == DiffEntry.ChangeType.DELETE || entry.getNewMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
                        continue;
                    }
                    ObjectId blob = entry.getNewId().toObjectId();
                    if (!seenBlobs.add(blob)) {
                        continue; // the same content was checked in another commit of this push
                    }
                    String text = addedLines(diff, reader, entry, maxBytesPerFile);
                    if (text != null) {
                        added.add(new AddedText(commit.getName(), commit.getShortMessage(), entry.getNewPath(),
                                entry.getChangeType() == DiffEntry.ChangeType.ADD, text));
                    }
                }
            }
        }
        return added;
    }

    private static CanonicalTreeParser tree(ObjectReader reader, RevCommit commit) throws IOException {
        CanonicalTreeParser parser = new CanonicalTreeParser();
        parser.reset(reader, commit.getTree());
        return parser;
    }

    /** The lines the entry adds, joined; null for binary content. */
    private static String addedLines(DiffFormatter diff, ObjectReader reader, DiffEntry entry, int maxBytes) throws IOException {
        ObjectLoader loader = reader.open(entry.getNewId().toObjectId());
        if (loader.getSize() > 16L * maxBytes) {
            return null; // far over the scan size: the size guard's business, and no text anyway
        }
        byte[] bytes = loader.getCachedBytes();
        if (RawText.isBinary(bytes)) {
            return null;
        }
        if (entry.getChangeType() == DiffEntry.ChangeType.ADD) {
            return new String(bytes, 0, Math.min(bytes.length, maxBytes), StandardCharsets.UTF_8);
        }
        RawText after = new RawText(bytes);
        StringBuilder text = new StringBuilder();
        for (Edit edit : diff.toFileHeader(entry).toEditList()) {
            for (int line = edit.getBeginB(); line < edit.getEndB() && text.length() < maxBytes; line++) {
                text.append(after.getString(line)).append('\n');
            }
        }
        return text.toString();
    }
}
