package dev.tidesync.sync;

import dev.tidesync.model.Failure;
import dev.tidesync.model.SyncResult;
import java.util.List;
import java.util.Optional;

/**
 * How a step of the cycle ended: done with what it found, asking for another round (the remote
 * moved during the push), or stopping the cycle with how it ends.
 *
 * @param <T> what the step found when it is done
 */
sealed interface StepResult<T> {

    record Done<T>(T value) implements StepResult<T> {}

    /** The primary remote refused a non-fast-forward: fetch, integrate and push again. */
    record Retry<T>() implements StepResult<T> {}

    /** The cycle ends here. */
    record Stop<T>(Ending ending) implements StepResult<T> {}

    static <T> StepResult<T> done(T value) {
        return new Done<>(value);
    }

    static <T> StepResult<T> failed(Failure failure) {
        return new Stop<>(Ending.failed(failure));
    }

    static <T> StepResult<T> stop(SyncResult result, String message, List<String> conflictPaths) {
        return new Stop<>(new Ending(result, message, Optional.empty(), conflictPaths));
    }

    /** How a cycle ends: the result, the one sentence for the user, the failure and the conflict if any. */
    record Ending(SyncResult result, String message, Optional<Failure> failure, List<String> conflictPaths) {
        static Ending failed(Failure failure) {
            return new Ending(SyncResult.FAILED, failure.sentence(), Optional.of(failure), List.of());
        }
    }
}
