package dev.tidesync.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tidesync.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * history.jsonl: one JSON object per line, appended with a single write and fsync, rotated to
 * history.1.jsonl … history.N.jsonl past a size. A line torn by a crash is skipped on reading.
 * Callers serialize appends across processes with the journal lock.
 */
public final class History {

    private final Path file;
    private final long maxBytes;
    private final int keepFiles;

    public History(Path file, long maxBytes, int keepFiles) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keepFiles = keepFiles;
    }

    public void append(HistoryRecord record) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.size(file) >= maxBytes) {
            rotate();
        }
        byte[] line = (Json.line(record) + "\n").getBytes(StandardCharsets.UTF_8);
        // Appends are serialized by the journal lock, so writing at the end we read is safe.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = channel.size();
            if (end > 0 && !endsWithNewline(channel)) {
                // A crash tore the previous line: start ours on a fresh one.
                end += channel.write(ByteBuffer.wrap(new byte[] {'\n'}), end);
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                end += channel.write(buffer, end);
            }
            channel.force(false);
        }
    }

    private static boolean endsWithNewline(FileChannel channel) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, channel.size() - 1);
        return last.get(0) == '\n';
    }

    private void rotate() throws IOException {
        Files.deleteIfExists(rotated(keepFiles));
        for (int i = keepFiles - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    }

    Path rotated(int n) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        return file.resolveSibling(base + "." + n + ".jsonl");
    }

    /** The records since {@code from} that pass {@code filter}, oldest first; older files are not read once one reaches back past it. */
    public List<HistoryRecord> since(Instant from, Predicate<HistoryRecord> filter) throws IOException {
        Deque<HistoryRecord> found = new ArrayDeque<>();
        for (Path f : files()) {
            if (!Files.exists(f)) {
                continue;
            }
            List<HistoryRecord> inFile = new ArrayList<>();
            boolean reachesBack = false;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                HistoryRecord r = parse(line);
                if (r == null || r.time() == null) {
                    continue;
                }
                if (r.time().isBefore(from)) {
                    reachesBack = true;
                } else if (filter.test(r)) {
                    inFile.add(r);
                }
            }
            for (int i = inFile.size() - 1; i >= 0; i--) {
                found.addFirst(inFile.get(i));
            }
            if (reachesBack) {
                break;
            }
        }
        return List.copyOf(found);
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(file);
        for (int i = 1; i <= keepFiles; i++) {
            files.add(rotated(i));
        }
        return files;
    }

    /** The newest {@code limit} records that pass {@code filter}, oldest first. */
    public List<HistoryRecord> last(int limit, Predicate<HistoryRecord> filter) throws IOException {
        Deque<HistoryRecord> newest = new ArrayDeque<>();
        for (Path f : files()) {
            if (!Files.exists(f)) {
                continue;
            }
            List<HistoryRecord> inFile = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                HistoryRecord r = parse(line);
                if (r != null && filter.test(r)) {
                    inFile.add(r);
                }
            }
            for (int i = inFile.size() - 1; i >= 0 && newest.size() < limit; i--) {
                newest.addFirst(inFile.get(i));
            }
            if (newest.size() >= limit) {
                break;
            }
        }
        return List.copyOf(newest);
    }

    private static HistoryRecord parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readValue(line, HistoryRecord.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
