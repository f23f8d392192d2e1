package dev.tidesync.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a finished sync reports: for the CLI, the change log, the state and the tray.
 *
 * @param message      one sentence for the user
 * @param committed    files in the commit Tidesync made ("M path" lines), empty if none
 * @param commitsIn    remote commits brought into the branch
 * @param commitsOut   local commits published to the primary remote
 * @param notes        things worth knowing that did not fail the sync (a stale lock cleared…)
 * @param steps        each step's time and what it did, in order
 * @param requestedBy  who asked for it
 */
public record SyncOutcome(
        Path repository,
        String name,
        Trigger trigger,
        Action action,
        SyncResult result,
        String message,
        Optional<Failure> failure,
        Optional<String> commit,
        List<String> committed,
        int commitsIn,
        int commitsOut,
        List<HeldBack> heldBack,
        List<String> conflictPaths,
        Optional<String> headBefore,
        Optional<String> headAfter,
        Optional<String> backupRef,
        List<String> notes,
        Instant started,
        Duration duration,
        List<StepTime> steps,
        RequestedBy requestedBy) {

    public SyncOutcome {
        steps = steps == null ? List.of() : List.copyOf(steps);
        requestedBy = requestedBy == null ? RequestedBy.implied(trigger) : requestedBy;
    }

    /** An outcome without step times (one that did not run the cycle, or a spec's). */
    public SyncOutcome(Path repository, String name, Trigger trigger, Action action, SyncResult result, String message,
                       Optional<Failure> failure, Optional<String> commit, List<String> committed, int commitsIn, int commitsOut,
                       List<HeldBack> heldBack, List<String> conflictPaths, Optional<String> headBefore, Optional<String> headAfter,
                       Optional<String> backupRef, List<String> notes, Instant started, Duration duration) {
        this(repository, name, trigger, action, result, message, failure, commit, committed, commitsIn, commitsOut, heldBack, conflictPaths,
                headBefore, headAfter, backupRef, notes, started, duration, List.of(), RequestedBy.implied(trigger));
    }

    /** A sync that did not run, and why. */
    public static SyncOutcome skipped(Path workTree, String name, SyncRequest request, Instant at, String why) {
        return new SyncOutcome(workTree, name, request.trigger(), request.action(), SyncResult.SKIPPED, why, Optional.empty(),
                Optional.empty(), List.of(), 0, 0, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), at, Duration.ZERO, List.of(), request.requestedBy());
    }

    /** A sync that failed before or outside the cycle. */
    public static SyncOutcome failed(Path workTree, String name, SyncRequest request, Instant started, Duration took,
                                     Failure failure) {
        return new SyncOutcome(workTree, name, request.trigger(), request.action(), SyncResult.FAILED, failure.sentence(),
                Optional.of(failure), Optional.empty(), List.of(), 0, 0, List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), started, took, List.of(), request.requestedBy());
    }

    /** A sync that went fine and found nothing to do: nothing committed, pulled or pushed, nothing to note. */
    public boolean changedNothing() {
        return result == SyncResult.OK && commit.isEmpty() && commitsIn == 0 && commitsOut == 0 && notes.isEmpty();
    }

    /** Whether this sync talked to a remote successfully (the network is there). */
    public boolean reachedRemote() {
        return (result == SyncResult.OK || result == SyncResult.HELD_BACK || result == SyncResult.CONFLICT)
                && (action.integrates() || commitsOut > 0);
    }
}
