package dev.tidesync.autostart;

import dev.tidesync.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Start at login as one file the desktop reads at login: on means the file is there. */
abstract class FileAutoStart implements AutoStart {

    private final Path file;
    private final List<String> command;

    FileAutoStart(Path file, List<String> command) {
        this.file = file;
        this.command = AutoStarts.checked(command);
    }

    /** The file's text for this command. */
    abstract String content(List<String> command);

    @Override
    public boolean enabled() {
        return Files.isRegularFile(file);
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, content(command).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    Path file() {
        return file;
    }
}
