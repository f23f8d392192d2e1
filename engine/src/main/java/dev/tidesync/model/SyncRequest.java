package dev.tidesync.model;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One request to sync a repository.
 *
 * @param changedPaths   the watcher's hint: only these paths changed (keeps status cheap in huge trees)
 * @param allowedSecrets commits the user let through the secret check before a push (`push --allow-secret`)
 * @param requestedBy    who asked, for the history
 */
public record SyncRequest(Action action, Trigger trigger, boolean dryRun, Optional<Set<String>> changedPaths, Set<String> allowedSecrets,
                          RequestedBy requestedBy) {

    public SyncRequest {
        changedPaths = changedPaths.map(Set::copyOf);
        allowedSecrets = Set.copyOf(allowedSecrets);
    }

    public SyncRequest(Action action, Trigger trigger, boolean dryRun, Optional<Set<String>> changedPaths) {
        this(action, trigger, dryRun, changedPaths, Set.of(), RequestedBy.implied(trigger));
    }

    public static SyncRequest of(Action action, Trigger trigger) {
        return new SyncRequest(action, trigger, false, Optional.empty());
    }

    public static SyncRequest scoped(Action action, Trigger trigger, Set<String> paths) {
        return new SyncRequest(action, trigger, false, Optional.of(paths));
    }

    public SyncRequest allowingSecretsIn(Set<String> commits) {
        return new SyncRequest(action, trigger, dryRun, changedPaths, commits, requestedBy);
    }

    public SyncRequest by(RequestedBy who) {
        return new SyncRequest(action, trigger, dryRun, changedPaths, allowedSecrets, who);
    }

    /**
     * One request doing what both asked: different actions make a full sync, scopes are joined
     * (no scope wins), and the trigger that says most about why it runs names it ({@link Trigger#weight}),
     * with whoever asked for that one.
     */
    public SyncRequest merge(SyncRequest other) {
        Action a = action == other.action ? action : Action.SYNC;
        SyncRequest named = other.trigger.weight() > trigger.weight() ? other : this;
        Optional<Set<String>> scope = Optional.empty();
        if (changedPaths.isPresent() && other.changedPaths.isPresent()) {
            Set<String> joined = new TreeSet<>(changedPaths.get());
            joined.addAll(other.changedPaths.get());
            scope = Optional.of(joined);
        }
        Set<String> allowed = new TreeSet<>(allowedSecrets);
        allowed.addAll(other.allowedSecrets);
        return new SyncRequest(a, named.trigger, dryRun && other.dryRun, scope, allowed, named.requestedBy);
    }
}
