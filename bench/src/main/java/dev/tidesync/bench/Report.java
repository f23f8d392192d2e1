package dev.tidesync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Prints a benchmark's table and appends it, in Markdown, to bench/target/bench-results.md
 * (or the file named by -Dbench.results), headed by the machine and the date.
 */
public final class Report {

    private final StringBuilder md = new StringBuilder();

    public Report(String title, String... columns) {
        md.append("\n### ").append(title).append("\n\n").append(machine()).append("\n\n");
        md.append("| ").append(String.join(" | ", columns)).append(" |\n");
        md.append("|").append("---|".repeat(columns.length)).append("\n");
    }

    public Report row(Object... cells) {
        md.append("|");
        for (Object c : cells) {
            md.append(" ").append(c).append(" |");
        }
        md.append("\n");
        return this;
    }

    public Report note(String text) {
        md.append("\n").append(text).append("\n");
        return this;
    }

    public void print() throws IOException {
        System.out.print(md);
        System.out.flush();
        Path file = Path.of(System.getProperty("bench.results", "bench/target/bench-results.md"));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    public static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, "%.2f", value / baseline);
    }

    public static String pct(double percent) {
        return String.format(Locale.ROOT, "%.2f %%", percent);
    }

    /** The machine and date line: cores, memory, OS, JVM, git. */
    static String machine() {
        Runtime rt = Runtime.getRuntime();
        String git = Proc.output("git", "--version").strip();
        String mem = "";
        try {
            mem = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return "_%s · %d cores · %s · %s %s · Java %s (%s) · %s_".formatted(LocalDate.now(), rt.availableProcessors(), mem,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), git);
    }
}
