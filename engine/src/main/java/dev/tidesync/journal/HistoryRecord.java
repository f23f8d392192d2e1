package dev.tidesync.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tidesync.model.HeldBack;
import dev.tidesync.model.Action;
import dev.tidesync.model.Failure;
import dev.tidesync.model.RequestedBy;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One line of history.jsonl: one sync. Field meanings are documented in docs/cli.md.
 *
 * @param files       the files Tidesync committed ("M path", "A path", "D path", "R old -> new")
 * @param errorKind   offline, auth, timeout, not_found, rejected, locked, unsafe_state, secret, integrity or other
 * @param requestedBy who asked: user, tidesync, or the agent's name (claude-code, opencode, codex, agent)
 * @param session     the agent's session id, when its hook passed one
 * @param event       null for a sync; push-refused, resolve, undo or objects-damaged for those events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryRecord(
        Instant time,
        String repository,
        String name,
        String host,
        Trigger trigger,
        Action action,
        SyncResult result,
        String message,
        int commitsIn,
        int commitsOut,
        String commit,
        List<String> files,
        List<HeldBack> heldBack,
        List<String> conflictPaths,
        long durationMs,
        String errorKind,
        String error,
        String headBefore,
        String headAfter,
        String backupRef,
        List<String> notes,
        String requestedBy,
        String session,
        String event) {

    public HistoryRecord {
        files = files == null ? List.of() : List.copyOf(files);
        heldBack = heldBack == null ? List.of() : List.copyOf(heldBack);
        conflictPaths = conflictPaths == null ? List.of() : List.copyOf(conflictPaths);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** What a record is when it is not a sync: a push refused for a secret, a resolve, an undo. */
    public static final String PUSH_REFUSED = "push-refused";
    public static final String RESOLVE = "resolve";
    public static final String UNDO = "undo";
    /** The daily check (or `doctor --deep`) found objects missing or damaged. */
    public static final String OBJECTS_DAMAGED = "objects-damaged";

    /** The record as the files before the audit fields wrote it (for specs and old readers). */
    public HistoryRecord(Instant time, String repository, String name, String host, Trigger trigger, Action action, SyncResult result,
                         String message, int commitsIn, int commitsOut, String commit, List<String> files, List<HeldBack> heldBack,
                         List<String> conflictPaths, long durationMs, String errorKind, String error, String headBefore,
                         String headAfter, String backupRef, List<String> notes) {
        this(time, repository, name, host, trigger, action, result, message, commitsIn, commitsOut, commit, files, heldBack,
                conflictPaths, durationMs, errorKind, error, headBefore, headAfter, backupRef, notes, null, null, null);
    }

    public static HistoryRecord of(SyncOutcome o, String host) {
        return new HistoryRecord(o.started(), o.repository().toString(), o.name(), host, o.trigger(), o.action(), o.result(),
                o.message(), o.commitsIn(), o.commitsOut(), o.commit().orElse(null), o.committed(), o.heldBack(), o.conflictPaths(),
                o.duration().toMillis(),
                o.failure().map(f -> f.kind().name().toLowerCase(Locale.ROOT)).orElse(null),
                o.failure().map(f -> f.sentence()).orElse(null),
                o.headBefore().orElse(null), o.headAfter().orElse(null), o.backupRef().orElse(null), o.notes(),
                o.requestedBy().who(), o.requestedBy().session().orElse(null),
                o.failure().filter(f -> f.kind() == Failure.FailureKind.SECRET).isPresent() ? PUSH_REFUSED : null);
    }

    /** A resolve or an undo the user asked for, committed as {@code commit}. */
    public static HistoryRecord repair(Instant time, String repository, String name, String host, String event, String message,
                                       String commit, List<String> files, long durationMs) {
        return new HistoryRecord(time, repository, name, host, Trigger.MANUAL, Action.SYNC, SyncResult.OK, message, 0, 0, commit, files,
                List.of(), List.of(), durationMs, null, null, null, commit, null, List.of(), RequestedBy.USER.who(), null, event);
    }

    /** The check that found {@code check}'s damage, as a failed record of its own kind. */
    public static HistoryRecord objectsDamaged(ObjectCheck check, String repository, String name, String host, long durationMs) {
        String sentence = check.sentence(name);
        return new HistoryRecord(check.at(), repository, name, host, Trigger.CHECK, Action.SYNC, SyncResult.FAILED, sentence, 0, 0, null,
                List.of(), List.of(), List.of(), durationMs, "integrity", sentence, null, null, null, List.of(), RequestedBy.TIDESYNC.who(),
                null, OBJECTS_DAMAGED);
    }

    /** The same record as another kind of event (a resolve, an undo), with its own message. */
    public HistoryRecord as(String kind, String what) {
        return new HistoryRecord(time, repository, name, host, trigger, action, result, what, commitsIn, commitsOut, commit, files,
                heldBack, conflictPaths, durationMs, errorKind, error, headBefore, headAfter, backupRef, notes, requestedBy, session, kind);
    }
}
