package dev.tidesync.cli;

import dev.tidesync.io.Json;
import java.io.PrintWriter;

/** Writes a command's answer: plain lines for people, JSON for programs. */
final class Printer {

    private final PrintWriter out;

    Printer(TidesyncCommand root) {
        this.out = root.spec().commandLine().getOut();
    }

    void line(String text) {
        out.println(text);
    }

    void json(Object value) {
        out.println(Json.pretty(value));
    }
}
