package dev.tidesync.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tidesync.model.HeldBack;
import java.time.Instant;
import java.util.List;

/**
 * What Tidesync remembers about one repository between runs.
 *
 * @param conflictPaths paths of the unresolved conflict, empty once a sync gets through
 * @param errorKind     the last failure's kind (lower case), null after a success
 * @param attention     why the engine stopped retrying automatically, null while it retries
 * @param lastPromptSync when a prompt last started a sync: the debounce every hook process shares
 * @param objectCheck   the last check that the objects are whole; its damage stays the repository's state until a check finds none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepoJournal(
        LastSync lastSync,
        Instant lastSuccess,
        List<String> conflictPaths,
        List<HeldBack> heldBack,
        String error,
        String errorKind,
        int consecutiveFailures,
        Pause pause,
        String attention,
        Instant lastPromptSync,
        ObjectCheck objectCheck) {

    public RepoJournal {
        conflictPaths = conflictPaths == null ? List.of() : List.copyOf(conflictPaths);
        heldBack = heldBack == null ? List.of() : List.copyOf(heldBack);
    }

    public static RepoJournal empty() {
        return new RepoJournal(null, null, List.of(), List.of(), null, null, 0, null, null, null, null);
    }

    public RepoJournal withPause(Pause p) {
        return new RepoJournal(lastSync, lastSuccess, conflictPaths, heldBack, error, errorKind, consecutiveFailures, p,
                attention, lastPromptSync, objectCheck);
    }

    public RepoJournal withAttention(String why) {
        return new RepoJournal(lastSync, lastSuccess, conflictPaths, heldBack, error, errorKind, consecutiveFailures, pause,
                why, lastPromptSync, objectCheck);
    }

    public RepoJournal withLastPromptSync(Instant at) {
        return new RepoJournal(lastSync, lastSuccess, conflictPaths, heldBack, error, errorKind, consecutiveFailures, pause,
                attention, at, objectCheck);
    }

    public RepoJournal withObjectCheck(ObjectCheck check) {
        return new RepoJournal(lastSync, lastSuccess, conflictPaths, heldBack, error, errorKind, consecutiveFailures, pause,
                attention, lastPromptSync, check);
    }
}
