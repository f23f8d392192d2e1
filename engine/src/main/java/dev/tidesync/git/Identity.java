package dev.tidesync.git;

import java.time.Clock;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;

/**
 * Who Tidesync's commits are by: the user's git identity as git resolves it (author.* over
 * user.*, includeIf included), stamped with the injected clock.
 */
public final class Identity {

    private Identity() {}

    public static PersonIdent of(GitRepo repo, EffectiveConfig config, Clock clock) {
        UserConfig guessed = repo.repository().getConfig().get(UserConfig.KEY);
        String name = config.get("author.name").or(() -> config.get("user.name")).orElse(guessed.getAuthorName());
        String email = config.get("author.email").or(() -> config.get("user.email")).orElse(guessed.getAuthorEmail());
        return new PersonIdent(name, email, clock.instant(), clock.getZone());
    }

    /** What is missing from the user's git identity, if anything (JGit would then guess from the OS). */
    public static Optional<String> problem(GitRepo repo, EffectiveConfig config) {
        boolean name = config.get("author.name").or(() -> config.get("user.name")).isPresent();
        boolean email = config.get("author.email").or(() -> config.get("user.email")).isPresent();
        if (!name || !email) {
            return Optional.of("git has no user.name/user.email for " + repo.workTree()
                    + "; set them with `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`");
        }
        return Optional.empty();
    }
}
