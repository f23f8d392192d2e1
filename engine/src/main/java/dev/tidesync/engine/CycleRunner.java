package dev.tidesync.engine;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;

/** Runs one sync; in production {@link dev.tidesync.sync.SyncService#sync}. */
@FunctionalInterface
public interface CycleRunner {
    SyncOutcome run(RepositorySettings repository, SyncRequest request);
}
