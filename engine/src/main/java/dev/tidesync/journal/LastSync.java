package dev.tidesync.journal;

import dev.tidesync.model.Action;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.time.Instant;

/** The last sync of a repository, as status shows it. */
public record LastSync(Instant time, Trigger trigger, Action action, SyncResult result, long durationMs, String message) {}
