package dev.tidesync.guard;

import dev.tidesync.config.GuardSettings;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.OutgoingChanges;
import dev.tidesync.git.OutgoingChanges.AddedText;
import dev.tidesync.git.PathPatterns;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The last check before a push: whatever made the commits (Tidesync, the user by hand, an agent),
 * no line a push would send may look like a secret. The commit guard only sees Tidesync's own
 * commits; this sees every commit no remote has yet.
 */
public final class OutgoingSecrets {

    /** A commit that would carry a secret out, and what it looks like. */
    public record Found(String commit, String subject, String path, String what) {

        public String shortCommit() {
            return commit.substring(0, 7);
        }

        /** One sentence: what, where, and the two ways to let it go. */
        public String sentence(String repository) {
            return "Not pushing " + repository + ": commit " + shortCommit() + " (\u201c" + subject + "\u201d) adds " + path + ", which "
                    + what + "; take it out of that commit (git rebase -i, or git commit --amend if it is the last), or if it is safe "
                    + "add " + path + " to guards.allow or run `tidesync push --allow-secret " + shortCommit() + "`";
        }
    }

    private OutgoingSecrets() {}

    /**
     * The first secret the push from {@code head} would send, newest commit first. Paths in
     * {@code guards.allow} and commits in {@code allowedCommits} (full ids or prefixes of at least
     * 7) are let through; with the secret guard off nothing is read.
     */
    public static Optional<Found> find(GitRepo repo, String head, GuardSettings guards, Set<String> allowedCommits) throws IOException {
        if (!guards.secrets()) {
            return Optional.empty();
        }
        PathPatterns allowed = new PathPatterns(guards.allow());
        for (AddedText added : OutgoingChanges.of(repo, head, SecretRules.SCAN_LIMIT)) {
            if (allowed.matches(added.path()) || isAllowed(added.commit(), allowedCommits)) {
                continue;
            }
            Optional<String> what = SecretRules.checkAdded(added.path(), added.newFile(), added.text());
            if (what.isPresent()) {
                return Optional.of(new Found(added.commit(), added.subject(), added.path(), what.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isAllowed(String commit, Set<String> allowedCommits) {
        return allowedCommits.stream().anyMatch(a -> a.length() >= 7 && commit.startsWith(a.toLowerCase(java.util.Locale.ROOT)));
    }
}
