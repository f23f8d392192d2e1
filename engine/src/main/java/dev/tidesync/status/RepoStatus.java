package dev.tidesync.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tidesync.model.HeldBack;
import java.time.Instant;
import java.util.List;

/**
 * One repository's status in the contract's {@code status --json} shape.
 *
 * @param attention why automatic syncing stopped until something changes; null while it retries
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RepoStatus(
        String path,
        String name,
        String branch,
        @JsonIgnore RepoState repoState,
        int ahead,
        int behind,
        int dirtyFiles,
        List<String> conflictPaths,
        List<HeldBack> heldBack,
        List<String> remotes,
        LastSyncView lastSync,
        Instant lastSuccess,
        String mode,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String attention) {

    @JsonProperty("state")
    public String state() {
        return repoState.id();
    }

    /** The contract's lastSync object; null before the first sync. */
    public record LastSyncView(Instant time, String trigger, String result, long durationMs) {}
}
