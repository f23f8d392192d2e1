package dev.tidesync.agent;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tidesync.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading and replacing an agent's own files: atomically, with the old content kept beside as a backup. */
final class AgentFiles {

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private AgentFiles() {}

    static Optional<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Where the content before Tidesync's last change to {@code file} is kept. */
    static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".before-tidesync");
    }

    /**
     * Replaces {@code file} with {@code content} (temp file, fsync, rename), first copying the old
     * file to {@link #backupOf}; returns the backup when there was an old file.
     */
    static Optional<Path> replace(Path file, String content) throws IOException {
        Optional<Path> backup = Optional.empty();
        if (Files.isRegularFile(file)) {
            backup = Optional.of(backupOf(file));
            Files.copy(file, backup.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        AtomicFile.write(file, content.getBytes(StandardCharsets.UTF_8));
        return backup;
    }

    /** Deletes {@code file}, keeping it as the backup. */
    static Path delete(Path file) throws IOException {
        Path backup = backupOf(file);
        Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
        return backup;
    }

    /** {@code word} as one word for a POSIX shell (the agents run hook commands through one). */
    static String shellWord(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static String jsonString(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
