package dev.tidesync.config;

import java.io.IOException;
import java.nio.file.Path;

/** Path comparison that survives symlinks and relative spellings. */
public final class Paths {

    private Paths() {}

    public static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }
}
