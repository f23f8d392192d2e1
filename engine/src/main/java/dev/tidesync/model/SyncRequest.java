package dev.tidesync.model;

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

    public static SyncRequest scoped(Action action, Trigger trigger, Set<String> paths) {
        return new SyncRequest(action, trigger, false, Optional.of(Set.copyOf(paths)));
    }

    /**
     * One request doing what both asked: different actions make a full sync, scopes are joined
     * (no scope wins), and the trigger that says most about why it runs names it ({@link Trigger#weight}).
     */
    public SyncRequest merge(SyncRequest other) {
        Action a = action == other.action ? action : Action.SYNC;
        Trigger t = other.trigger.weight() > trigger.weight() ? other.trigger : trigger;
        Optional<Set<String>> scope = Optional.empty();
        if (changedPaths.isPresent() && other.changedPaths.isPresent()) {
            Set<String> joined = new java.util.TreeSet<>(changedPaths.get());
            joined.addAll(other.changedPaths.get());
            scope = Optional.of(Set.copyOf(joined));
        }
        return new SyncRequest(a, t, dryRun && other.dryRun, scope);
    }
}
