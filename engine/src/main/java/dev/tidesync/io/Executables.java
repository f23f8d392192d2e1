package dev.tidesync.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding a program the way a shell does: the first executable file of that name on a PATH. */
public final class Executables {

    private Executables() {}

    /** @param path a PATH value; empty entries are skipped (they would mean the working directory) */
    public static Optional<Path> onPath(String path, String name) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
