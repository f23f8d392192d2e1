package dev.tidesync.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tidesync.model.HeldBack;
import dev.tidesync.model.Action;
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
 * @param errorKind   offline, auth, timeout, not_found, rejected, locked, unsafe_state or other
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
        List<String> notes) {

    public HistoryRecord {
        files = files == null ? List.of() : List.copyOf(files);
        heldBack = heldBack == null ? List.of() : List.copyOf(heldBack);
        conflictPaths = conflictPaths == null ? List.of() : List.copyOf(conflictPaths);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static HistoryRecord of(SyncOutcome o, String host) {
        return new HistoryRecord(o.started(), o.repository().toString(), o.name(), host, o.trigger(), o.action(), o.result(),
                o.message(), o.commitsIn(), o.commitsOut(), o.commit().orElse(null), o.committed(), o.heldBack(), o.conflictPaths(),
                o.duration().toMillis(),
                o.failure().map(f -> f.kind().name().toLowerCase(Locale.ROOT)).orElse(null),
                o.failure().map(f -> f.sentence()).orElse(null),
                o.headBefore().orElse(null), o.headAfter().orElse(null), o.backupRef().orElse(null), o.notes());
    }
}
