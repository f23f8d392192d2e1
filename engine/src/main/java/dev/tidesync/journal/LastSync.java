package dev.tidesync.journal;

import dev.tidesync.sync.Action;
import dev.tidesync.sync.SyncResult;
import dev.tidesync.sync.Trigger;
import java.time.Instant;

/** The last sync of a repository, as status shows it. */
public record LastSync(Instant time, Trigger trigger, Action action, SyncResult result, long durationMs, String message) {}
