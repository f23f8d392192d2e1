package dev.tidesync.guard;

import dev.tidesync.git.PathPatterns;
import dev.tidesync.model.HeldBack;
import dev.tidesync.config.GuardSettings;
import dev.tidesync.git.LocalChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which local changes an automatic commit may take. The one place for every rule that
 * keeps something out of a commit: editor files, the user's excludes, secrets, size and mass
 * deletion.
 */
public final class Guards {

    private final GuardSettings settings;
    private final PathPatterns excludes;
    private final PathPatterns allowed;

    /**
     * @param paths      repository-relative paths to stage (new or changed files)
     * @param deletions  tracked paths to record as deleted
     * @param unstage    paths the user had staged that a guard holds back: their index entry
     *                   goes back to HEAD, the file itself is untouched
     * @param heldBack   what was kept out and why; ignored editor files and excludes are not
     *                   listed (they are never wanted)
     */
    /** @param keepStaged paths the user staged that the guards held back: they stay staged, never rewritten */
    public record Verdict(Set<String> paths, Set<String> deletions, Set<String> keepStaged, List<HeldBack> heldBack) {
        public boolean nothingToCommit() {
            return paths.isEmpty() && deletions.isEmpty();
        }

        /** What the committer is to do with this verdict. */
        public dev.tidesync.git.CommitPlan plan() {
            return new dev.tidesync.git.CommitPlan(paths, deletions, keepStaged);
        }
    }

    public Guards(GuardSettings settings, List<String> excludes) {
        this.settings = settings;
        this.excludes = new PathPatterns(excludes);
        this.allowed = new PathPatterns(settings.allow());
    }

    /**
     * @param trackedAtHead how many files HEAD's tree has, for the mass-deletion rule (asked only when files vanished)
     */
    public Verdict judge(Path workTree, LocalChanges changes, java.util.function.IntSupplier trackedAtHead) throws IOException {
        Set<String> paths = new TreeSet<>();
        Set<String> deletions = new TreeSet<>();
        Set<String> keepStaged = new TreeSet<>();
        List<HeldBack> held = new ArrayList<>();

        Set<String> candidates = new TreeSet<>(changes.untracked());
        candidates.addAll(changes.modified());
        candidates.addAll(changes.staged());
        candidates.removeAll(changes.missing());
        Set<String> vanished = new TreeSet<>(changes.missing());

        for (String path : candidates) {
            Path file = workTree.resolve(path);
            boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            if (!exists) {
                // Staged removal: the user already recorded it as deleted.
                vanished.add(path);
                continue;
            }
            Optional<String> reason = skipReason(path, file);
            if (reason.isEmpty()) {
                paths.add(path);
            } else {
                if (!reason.get().isEmpty()) {
                    held.add(new HeldBack(path, reason.get()));
                }
                if (changes.staged().contains(path)) {
                    keepStaged.add(path);
                }
            }
        }

        if (!vanished.isEmpty()) {
            GuardSettings.MassDeletion rule = settings.massDeletion();
            int trackedFiles = rule.enabled() && vanished.size() >= rule.minFiles() ? trackedAtHead.getAsInt() : 0;
            if (rule.enabled() && vanished.size() >= rule.minFiles() && trackedFiles > 0
                    && (double) vanished.size() / trackedFiles > rule.fraction()) {
                for (String path : vanished) {
                    held.add(new HeldBack(path, vanished.size() + " of " + trackedFiles
                            + " tracked files vanished at once (an unmounted drive?); deletions are not committed until you confirm them with git"));
                    if (changes.staged().contains(path)) {
                        keepStaged.add(path);
                    }
                }
            } else {
                for (String path : vanished) {
                    if (excludes.matches(path) || EditorFiles.isEditorFile(path)) {
                        continue;
                    }
                    deletions.add(path);
                }
            }
        }
        return new Verdict(paths, deletions, keepStaged, List.copyOf(held));
    }

    /** Empty: commit it. A blank reason: skip silently. Otherwise: hold back, and say why. */
    private Optional<String> skipReason(String path, Path file) throws IOException {
        if (EditorFiles.isEditorFile(path) || excludes.matches(path) || path.equals(dev.tidesync.model.FreezeMarker.NAME)) {
            return Optional.of(""); // the freeze marker is the user's switch, not their work
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            long size = Files.size(file);
            if (size > settings.maxFileSizeBytes()) {
                return Optional.of("is " + human(size) + ", over the " + human(settings.maxFileSizeBytes())
                        + " limit (guards.maxFileSizeBytes)");
            }
            if (settings.secrets() && !allowed.matches(path)) {
                Optional<String> secret = SecretRules.check(path, file);
                if (secret.isPresent()) {
                    return Optional.of(secret.get() + "; add it to .gitignore, or to guards.allow if it is safe");
                }
            }
        }
        return Optional.empty();
    }

    static String human(long bytes) {
        if (bytes >= 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        }
        if (bytes >= 1024L * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
