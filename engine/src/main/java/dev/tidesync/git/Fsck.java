package dev.tidesync.git;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A repository's objects checked whole: the installed git's own {@code git fsck} (every object
 * read and its hash checked) where there is one, else JGit's connectivity walk from every ref
 * (every object reached is there and parses). For `doctor --deep`; it reads every object, so it
 * takes a while on big repositories.
 */
public final class Fsck {

    /** No output for this long means git is stuck, not busy: fsck of a large repository prints nothing until the end. */
    private static final Duration QUIET_LIMIT = Duration.ofMinutes(30);

    public sealed interface Health {
        /** @param how which check ran */
        record Sound(String how) implements Health {}

        /**
         * @param how     which check ran
         * @param finding git's or JGit's first word on what is wrong
         */
        record Damaged(String how, String finding) implements Health {}
    }

    private static final String WALK = "JGit's connectivity walk";

    private Fsck() {}

    public static Health check(GitRepo repo, Optional<GitCli> git) throws IOException {
        if (git.isPresent()) {
            GitCli.Result r = git.get().run(repo.workTree(), QUIET_LIMIT, java.util.Map.of(), "fsck", "--no-dangling", "--no-progress");
            if (r.ok()) {
                return new Health.Sound("git fsck");
            }
            String said = (r.stderr() + "\n" + r.stdout()).lines().map(String::strip).filter(l -> !l.isEmpty())
                    .filter(l -> !l.startsWith("warning")).findFirst().orElse("git fsck exited " + r.exitCode());
            return new Health.Damaged("git fsck", r.stalled() ? "git fsck stopped making progress" : said);
        }
        try {
            return Connectivity.missingFromEveryRef(repo).<Health>map(id -> new Health.Damaged(WALK, "missing object " + id))
                    .orElse(new Health.Sound(WALK));
        } catch (org.eclipse.jgit.errors.CorruptObjectException e) {
            return new Health.Damaged(WALK, "corrupt object: " + e.getMessage());
        }
    }
}
