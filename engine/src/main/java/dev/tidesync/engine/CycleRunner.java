package dev.tidesync.engine;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.journal.ObjectCheck;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import java.util.Optional;

/** Runs one sync; in production {@link dev.tidesync.sync.SyncService#sync}. */
@FunctionalInterface
public interface CycleRunner {
    SyncOutcome run(RepositorySettings repository, SyncRequest request);

    /**
     * Checks that the repository's objects are all there and whole, and records what was found
     * (the daily integrity check). Empty where this runner cannot check: then nothing is recorded.
     */
    default Optional<ObjectCheck> checkObjects(RepositorySettings repository) {
        return Optional.empty();
    }
}
