package dev.tidesync.sync;

import dev.tidesync.git.GitFailure;
import dev.tidesync.guard.HeldBack;
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
 */
public record SyncOutcome(
        Path repository,
        String name,
        Trigger trigger,
        Action action,
        SyncResult result,
        String message,
        Optional<GitFailure> failure,
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
        Duration duration) {
}
