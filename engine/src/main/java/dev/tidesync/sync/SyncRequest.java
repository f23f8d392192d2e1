package dev.tidesync.sync;

import java.util.Optional;
import java.util.Set;

/**
 * One request to sync a repository.
 *
 * @param changedPaths the watcher's hint: only these paths changed (keeps status cheap in huge trees)
 */
public record SyncRequest(Action action, Trigger trigger, boolean dryRun, Optional<Set<String>> changedPaths) {

    public static SyncRequest of(Action action, Trigger trigger) {
        return new SyncRequest(action, trigger, false, Optional.empty());
    }
}
