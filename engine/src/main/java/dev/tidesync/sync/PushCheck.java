package dev.tidesync.sync;

import dev.tidesync.git.Connectivity;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Transport;
import dev.tidesync.git.Transport.RefRead;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * After a push, that it landed: what was sent is whole here (every object of the new commits),
 * and the remote's branch, read again, is the pushed commit or one built on it. Another machine
 * pushing right after us moves the branch to a commit we do not have yet; that is not damage,
 * the next fetch brings it.
 */
final class PushCheck {

    /** What the check found: fine, fine with a note, or a failure. */
    sealed interface Verdict {
        record Landed() implements Verdict {}

        record MovedOn(String note) implements Verdict {}

        record Broken(Failure failure) implements Verdict {}
    }

    private PushCheck() {}

    static Verdict after(GitRepo repo, Transport transport, String name, String remote, String pushed, Optional<String> before,
                         String remoteRef, Duration timeout) throws IOException {
        Optional<String> missing = Connectivity.missing(repo, pushed, before);
        if (missing.isPresent()) {
            return new Verdict.Broken(Failure.of(FailureKind.INTEGRITY, name + " is missing object " + missing.get().substring(0, 12)
                    + " that the commits just pushed to " + remote + " need; run `git fsck` in " + repo.workTree()
                    + " and restore the repository from the remote or a backup"));
        }
        RefRead read = transport.readRef(repo, remote, remoteRef, timeout);
        return switch (read) {
            case RefRead.Failed f -> new Verdict.MovedOn("Could not read " + remote + " back after the push ("
                    + f.failure().sentence() + "); the next sync checks it");
            case RefRead.At at when at.id().isEmpty() -> new Verdict.Broken(Failure.of(FailureKind.INTEGRITY, remote
                    + " accepted the push of " + name + " but has no " + branch(remoteRef) + " now; check the server"));
            case RefRead.At at when at.id().get().equals(pushed) -> new Verdict.Landed();
            case RefRead.At at when !Connectivity.has(repo, at.id().get()) -> new Verdict.MovedOn(remote + "'s " + branch(remoteRef)
                    + " moved on since the push (another machine pushed); the next fetch brings it in");
            case RefRead.At at when Connectivity.contains(repo, at.id().get(), pushed) -> new Verdict.Landed();
            case RefRead.At at -> new Verdict.Broken(Failure.of(FailureKind.INTEGRITY, remote + " accepted the push of " + name
                    + " but its " + branch(remoteRef) + " is at " + at.id().get().substring(0, 12) + ", which does not contain "
                    + pushed.substring(0, 12) + "; check the server (a hook or a forced push may have replaced it)"));
        };
    }

    private static String branch(String remoteRef) {
        return remoteRef.startsWith("refs/heads/") ? remoteRef.substring("refs/heads/".length()) : remoteRef;
    }
}
