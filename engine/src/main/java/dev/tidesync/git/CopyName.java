package dev.tidesync.git;

import java.time.LocalDate;
import java.util.Set;

/**
 * The name of "my copy" when both versions are kept: {@code notes (laptop's copy 2026-11-23).md}
 * beside {@code notes.md}. Readable in any file manager, sorts next to the original, keeps the
 * extension so the file still opens in the right program.
 */
public final class CopyName {

    private CopyName() {}

    public static String free(String path, String host, LocalDate day, Set<String> taken) {
        return free(path, host, day, (java.util.function.Predicate<String>) taken::contains);
    }

    /** As above, with {@code taken} asked name by name (a work tree's files, say). */
    public static String free(String path, String host, LocalDate day, java.util.function.Predicate<String> taken) {
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash + 1);
        String file = path.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        boolean hasExtension = dot > 0; // ".bashrc" is a name, not an extension
        String stem = hasExtension ? file.substring(0, dot) : file;
        String extension = hasExtension ? file.substring(dot) : "";
        String label = " (" + host + "'s copy " + day + ")";
        String candidate = dir + stem + label + extension;
        for (int n = 2; taken.test(candidate) && n < 1000; n++) {
            candidate = dir + stem + label.substring(0, label.length() - 1) + " " + n + ")" + extension;
        }
        return candidate;
    }
}
