package dev.tidesync.git;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who has a file open. Git keeps its lock files open while it works, so an index.lock that no
 * process holds is a leftover from a crash. Linux answers through /proc; elsewhere the answer
 * is "unknown" and only the lock's age decides.
 */
final class LockHolders {

    private static final Path PROC = Path.of("/proc");

    private LockHolders() {}

    /** The pid holding {@code file} open; empty if none; null-free "unknown" is {@link #canTell()} false. */
    static OptionalLong holder(Path file) {
        if (!canTell()) {
            return OptionalLong.empty();
        }
        Path target = file.toAbsolutePath().normalize();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                Optional<Path> hit = openIn(process, target);
                if (hit.isPresent()) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    static boolean canTell() {
        return Files.isDirectory(PROC.resolve("self/fd"));
    }

    private static Optional<Path> openIn(Path process, Path target) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        return Optional.of(fd);
                    }
                } catch (IOException | UnsupportedOperationException ignored) {
                    // The descriptor closed while we looked, or it is not ours to read.
                }
            }
        } catch (IOException ignored) {
            // Another user's process, or it exited: it cannot be holding our lock in a way we can see.
        }
        return Optional.empty();
    }
}
