package dev.tidesync.autostart;

import dev.tidesync.io.Processes;
import java.time.Duration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Windows: the value {@code Tidesync} under {@code HKCU\Software\Microsoft\Windows\CurrentVersion\Run},
 * which Explorer starts at login. Written with {@code reg import} of a small .reg file rather than
 * {@code reg add /d}: a .reg file has one well-defined escaping, whereas a quoted path inside a
 * {@code reg add} argument goes through two command-line parsers.
 */
public final class WindowsRunKey implements AutoStart {

    static final String KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "Tidesync";

    /** Runs a program and answers its exit code; the real one starts reg.exe. */
    @FunctionalInterface
    public interface Registry {
        int run(List<String> command) throws IOException;
    }

    private final Registry registry;
    private final Path scratch;
    private final List<String> command;

    public WindowsRunKey(Registry registry, Path scratch, List<String> command) {
        this.registry = registry;
        this.scratch = scratch;
        this.command = AutoStarts.checked(command);
    }

    public static WindowsRunKey forUser(Path scratch, List<String> command) {
        return new WindowsRunKey(WindowsRunKey::runReg, scratch, command);
    }

    @Override
    public boolean enabled() {
        try {
            return registry.run(query()) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void enable() throws IOException {
        importFile(regFile(commandLine(command)));
    }

    @Override
    public void disable() throws IOException {
        if (enabled()) {
            importFile(regFile(null));
        }
    }

    @Override
    public String describe() {
        return "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\" + VALUE;
    }

    static List<String> query() {
        return List.of("reg", "query", KEY, "/v", VALUE);
    }

    static List<String> importCommand(Path file) {
        return List.of("reg", "import", file.toString());
    }

    /** A .reg file setting the value to {@code data}, or deleting it when {@code data} is null. */
    static String regFile(String data) {
        String value = data == null ? "-" : "\"" + data.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "Windows Registry Editor Version 5.00\r\n\r\n[" + KEY + "]\r\n\"" + VALUE + "\"=" + value + "\r\n";
    }

    /** The Run value is a command line: every argument quoted the way CommandLineToArgvW reads it. */
    static String commandLine(List<String> command) {
        List<String> quoted = new ArrayList<>();
        for (String arg : command) {
            quoted.add(arg.isEmpty() || arg.matches(".*[\\s\"].*") ? quote(arg) : arg);
        }
        return String.join(" ", quoted);
    }

    private static String quote(String arg) {
        StringBuilder s = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : arg.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            // backslashes are literal unless they precede a quote: then each is doubled
            s.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes)).append(c);
            backslashes = 0;
        }
        return s.append("\\".repeat(backslashes * 2)).append('"').toString();
    }

    private void importFile(String content) throws IOException {
        Files.createDirectories(scratch);
        Path file = Files.createTempFile(scratch, "autostart", ".reg");
        try {
            // regedit's version 5 format is UTF-16LE with a byte-order mark
            byte[] body = content.getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[body.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(body, 0, withBom, 2, body.length);
            Files.write(file, withBom);
            int exit = registry.run(importCommand(file));
            if (exit != 0) {
                throw new IOException("reg import exited with " + exit);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int runReg(List<String> command) throws IOException {
        Processes.Result r = Processes.run(command, Duration.ofSeconds(15));
        if (r.timedOut()) {
            throw new IOException("reg did not finish within 15 s");
        }
        return r.exitCode();
    }

}
