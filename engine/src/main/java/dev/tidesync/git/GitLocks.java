package dev.tidesync.git;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Git's own lock files (index.lock, HEAD.lock, the branch's ref lock). JGit never waits for them
 * and never clears stale ones; this does both: a lock held by a live process is waited for with
 * backoff, one that nobody holds and is older than the configured age is removed.
 */
public final class GitLocks {

    /** A lock file found, with what is known about it. */
    public record LockInfo(Path file, Duration age, OptionalLong holder, boolean stale) {}

    private final Clock clock;
    private final Duration staleAfter;
    private final Optional<Instant> crashedCycleStarted;

    public GitLocks(Clock clock, Duration staleAfter) {
        this(clock, staleAfter, Optional.empty());
    }

    /**
     * @param crashedCycleStarted when a Tidesync cycle that died (kill -9, power loss) had started: a lock
     *                            made since then that no live process holds is that cycle's own leftover
     */
    public GitLocks(Clock clock, Duration staleAfter, Optional<Instant> crashedCycleStarted) {
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.crashedCycleStarted = LockHolders.canTell() ? crashedCycleStarted : Optional.empty();
    }

    /** The lock files present now. */
    public List<LockInfo> find(GitRepo repo, Optional<String> branchRef) {
        List<Path> candidates = new ArrayList<>(List.of(repo.gitDir().resolve("index.lock"), repo.gitDir().resolve("HEAD.lock")));
        branchRef.ifPresent(b -> candidates.add(repo.gitDir().resolve(b + ".lock")));
        if (crashedCycleStarted.isPresent()) {
            // A killed cycle may have been fetching (tracking refs, JGit's FETCH_HEAD) or packing refs as well.
            candidates.add(repo.gitDir().resolve("packed-refs.lock"));
            candidates.add(repo.gitDir().resolve("FETCH_HEAD.lock"));
            candidates.add(repo.gitDir().resolve("config.lock"));
            try (var walk = Files.walk(repo.gitDir().resolve("refs"))) {
                walk.filter(p -> p.getFileName().toString().endsWith(".lock")).filter(p -> !candidates.contains(p)).forEach(candidates::add);
            } catch (IOException e) {
                // No refs folder to look in.
            }
        }
        List<LockInfo> found = new ArrayList<>();
        for (Path file : candidates) {
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                Duration age = Duration.between(modified, clock.instant());
                OptionalLong holder = LockHolders.holder(file);
                boolean nobodyHolds = holder.isEmpty();
                boolean leftByOurCrash = crashedCycleStarted.map(t -> !modified.isBefore(t)).orElse(false);
                found.add(new LockInfo(file, age, holder, nobodyHolds && (age.compareTo(staleAfter) >= 0 || leftByOurCrash)));
            } catch (NoSuchFileException e) {
                // Not locked.
            } catch (IOException e) {
                found.add(new LockInfo(file, Duration.ZERO, OptionalLong.empty(), false));
            }
        }
        return found;
    }

    /**
     * Clears stale locks and waits up to {@code wait} for live ones.
     *
     * @return the stale locks that were removed (for the change log)
     * @throws LockedException when a lock is still there after the wait
     */
    public List<LockInfo> clear(GitRepo repo, Optional<String> branchRef, Duration wait) throws LockedException {
        List<LockInfo> removed = new ArrayList<>();
        if (wait.isZero() || wait.isNegative()) {
            attempt(repo, branchRef, removed);
            return removed;
        }
        RetryPolicy<Object> policy = RetryPolicy.builder()
                .handle(LockedException.class)
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(2))
                .withJitter(0.2)
                .withMaxDuration(wait)
                .withMaxRetries(-1)
                .build();
        try {
            Failsafe.with(policy).run(() -> attempt(repo, branchRef, removed));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof LockedException locked) {
                throw locked;
            }
            throw new LockedException("could not check git's lock files: " + FailureClassifier.rootMessage(e));
        }
        return removed;
    }

    private void attempt(GitRepo repo, Optional<String> branchRef, List<LockInfo> removed) throws LockedException {
        for (LockInfo lock : find(repo, branchRef)) {
            if (!lock.stale()) {
                throw new LockedException(describe(lock));
            }
            try {
                Files.deleteIfExists(lock.file());
                removed.add(lock);
            } catch (IOException e) {
                throw new LockedException("could not remove the stale " + lock.file() + " (" + e.getMessage() + "); delete it yourself");
            }
        }
    }

    String describe(LockInfo lock) {
        String name = lock.file().getFileName().toString();
        if (lock.holder().isPresent()) {
            return "git is busy in this repository (" + name + " is held by process " + lock.holder().getAsLong()
                    + "); Tidesync will try again when it finishes";
        }
        return name + " exists (" + dev.tidesync.io.Moments.duration(lock.age()) + " old) and may belong to a running git; Tidesync clears it once it is "
                + dev.tidesync.io.Moments.duration(staleAfter) + " old, or delete " + lock.file() + " yourself if no git is running";
    }

    /** A git lock is in the way. */
    public static final class LockedException extends Exception {
        public LockedException(String message) {
            super(message);
        }
    }
}
