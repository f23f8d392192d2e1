package dev.tidesync.trigger;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the git repositories under a watch root: folders holding a `.git`, down to a depth,
 * never inside a repository found, dependency caches or build output.
 */
public final class RootScanner {

    /** Folders that are never someone's repository but can hold a million files. */
    static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "out", "vendor", "venv", ".venv",
            "__pycache__", ".gradle", ".m2", ".cache", ".npm", ".cargo", ".rustup", "Library", "AppData", "$RECYCLE.BIN");

    private RootScanner() {}

    public static List<Path> repositories(Path root, int maxDepth) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (SKIPPED.contains(name) || name.startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (Files.exists(dir.resolve(".git"))) {
                        found.add(dir.toAbsolutePath().normalize());
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // An unreadable root finds nothing this time; the next scan tries again.
        }
        return found;
    }
}
