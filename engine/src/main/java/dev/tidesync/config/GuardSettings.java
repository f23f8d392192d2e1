package dev.tidesync.config;

import java.util.List;

/**
 * What must never be committed automatically.
 *
 * @param secrets         hold back files that look like credentials
 * @param maxFileSizeBytes hold back files larger than this
 * @param massDeletion    refuse to commit the vanishing of most tracked files at once
 * @param allow           gitignore-style patterns exempt from the secret rules (false positives)
 */
public record GuardSettings(boolean secrets, long maxFileSizeBytes, MassDeletion massDeletion, List<String> allow) {

    /** Deletions are held back when at least {@code minFiles} and more than {@code fraction} of tracked files vanish. */
    public record MassDeletion(boolean enabled, int minFiles, double fraction) {}

    public static GuardSettings defaults() {
        return new GuardSettings(true, 50L * 1024 * 1024, new MassDeletion(true, 10, 0.5), List.of());
    }
}
