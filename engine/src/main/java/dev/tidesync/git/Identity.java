package dev.tidesync.git;

import java.time.Clock;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;

/** Who Tidesync's commits are by: the user's git identity, stamped with the injected clock. */
public final class Identity {

    private Identity() {}

    public static PersonIdent of(GitRepo repo, Clock clock) {
        UserConfig user = repo.repository().getConfig().get(UserConfig.KEY);
        return new PersonIdent(user.getAuthorName(), user.getAuthorEmail(), clock.instant(), clock.getZone());
    }

    /** What is missing from the user's git identity, if anything (JGit then guesses from the OS). */
    public static Optional<String> problem(GitRepo repo) {
        UserConfig user = repo.repository().getConfig().get(UserConfig.KEY);
        if (user.isAuthorNameImplicit() || user.isAuthorEmailImplicit()) {
            return Optional.of("git has no user.name/user.email for " + repo.workTree()
                    + "; set them with `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`");
        }
        return Optional.empty();
    }
}
