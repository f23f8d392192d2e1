package dev.tidesync.engine;

import dev.tidesync.engine.EngineEvent.Level;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The headless engine's log: `[HH:MM:SS] [LEVEL] [repo] message`, to the console and to
 * logs/tidesync.log (rotated at 5 MB, three kept). These lines are the product's own report to
 * its user, not library diagnostics, so they are formatted here rather than by a logging backend.
 */
public final class EventLog implements EngineListener, AutoCloseable {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int KEEP = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream console;
    private final Path file;
    private final Level minimum;
    private final ZoneId zone;
    private Writer writer;

    public EventLog(PrintStream console, Path logsDir, Level minimum, ZoneId zone) throws IOException {
        this.console = console;
        Files.createDirectories(logsDir);
        this.file = logsDir.resolve("tidesync.log");
        this.minimum = minimum;
        this.zone = zone;
        this.writer = open();
    }

    public static String format(EngineEvent e, ZoneId zone) {
        return "[" + TIME.format(e.time().atZone(zone)) + "] [" + e.level() + "] [" + e.repository() + "] " + e.message();
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        if (event.level().compareTo(minimum) < 0) {
            return;
        }
        String line = format(event, zone);
        if (minimum == Level.DEBUG && event instanceof EngineEvent.SyncFinished finished && !finished.outcome().steps().isEmpty()) {
            line += " " + steps(finished.outcome()); // `run --verbose`: where each cycle's time went
        }
        console.println(line);
        try {
            writer.write(line);
            writer.write('\n');
            writer.flush();
            if (Files.size(file) > MAX_BYTES) {
                rotate();
            }
        } catch (IOException e) {
            console.println("[" + TIME.format(event.time().atZone(zone)) + "] [WARN] [tidesync] cannot write " + file + ": " + e.getMessage());
        }
    }

    /** "[steps: prepare 3 ms, commit 7 ms, fetch 4 ms, integrate 0 ms, push 21 ms]" */
    static String steps(dev.tidesync.model.SyncOutcome outcome) {
        return outcome.steps().stream().map(s -> s.step() + " " + s.millis() + " ms")
                .collect(java.util.stream.Collectors.joining(", ", "[steps: ", "]"));
    }

    private Writer open() throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void rotate() throws IOException {
        writer.close();
        for (int i = KEEP - 1; i >= 1; i--) {
            Path from = file.resolveSibling("tidesync.log." + i);
            if (Files.exists(from)) {
                Files.move(from, file.resolveSibling("tidesync.log." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, file.resolveSibling("tidesync.log.1"), StandardCopyOption.REPLACE_EXISTING);
        writer = open();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
