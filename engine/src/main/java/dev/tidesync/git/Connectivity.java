package dev.tidesync.git;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Whether a repository has every object its history needs: JGit's connectivity walk (each
 * commit, tree and blob reached from the starting points is read), over what is new since a
 * known-good commit, or everything.
 */
public final class Connectivity {

    private Connectivity() {}

    /** The first object missing from the history of {@code head} that {@code since} lacks; empty when all are there. */
    public static Optional<String> missing(GitRepo repo, String head, Optional<String> since) throws IOException {
        try (ObjectWalk walk = new ObjectWalk(repo.repository())) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            if (since.isPresent()) {
                RevCommit base = parsedOrNull(walk, since.get());
                if (base != null) {
                    walk.markUninteresting(base);
                }
            }
            walk.checkConnectivity();
            return Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.of(e.getObjectId().name());
        }
    }

    /** The first object missing from what any ref reaches; empty when all are there. */
    public static Optional<String> missingFromEveryRef(GitRepo repo) throws IOException {
        try (ObjectWalk walk = new ObjectWalk(repo.repository())) {
            for (org.eclipse.jgit.lib.Ref ref : repo.repository().getRefDatabase().getRefs()) {
                if (ref.getObjectId() != null) {
                    walk.markStart(walk.parseAny(ref.getObjectId()));
                }
            }
            walk.checkConnectivity();
            return Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.of(e.getObjectId().name());
        }
    }

    /** {@code ancestor} is {@code descendant} or in its history. */
    public static boolean contains(GitRepo repo, String descendant, String ancestor) throws IOException {
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo.repository())) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(descendant)));
        }
    }

    /** Whether this repository has the object at all. */
    public static boolean has(GitRepo repo, String id) throws IOException {
        return repo.repository().getObjectDatabase().has(ObjectId.fromString(id));
    }

    private static RevCommit parsedOrNull(ObjectWalk walk, String id) throws IOException {
        try {
            return walk.parseCommit(ObjectId.fromString(id));
        } catch (MissingObjectException e) {
            return null; // the old tracking ref's commit is gone too: walk everything
        }
    }
}
