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

    private final PersonIdent person;

    private Identity(PersonIdent person) {
        this.person = person;
    }

    public static Identity of(GitRepo repo, EffectiveConfig config, Clock clock) {
        UserConfig guessed = repo.repository().getConfig().get(UserConfig.KEY);
        String name = config.get("author.name").or(() -> config.get("user.name")).orElse(guessed.getAuthorName());
        String email = config.get("author.email").or(() -> config.get("user.email")).orElse(guessed.getAuthorEmail());
        return new Identity(new PersonIdent(name, email, clock.instant(), clock.getZone()));
    }

    /** A given name and address, at {@code clock}'s now. */
    public static Identity of(String name, String email, Clock clock) {
        return new Identity(new PersonIdent(name, email, clock.instant(), clock.getZone()));
    }

    public String name() {
        return person.getName();
    }

    public String email() {
        return person.getEmailAddress();
    }

    /** JGit's form, for the git package's commits. */
    public PersonIdent person() {
        return person;
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
