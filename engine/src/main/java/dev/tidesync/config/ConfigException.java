package dev.tidesync.config;

import java.nio.file.Path;
import java.util.Optional;

/** An unreadable or invalid config file; the message is one sentence for the user. */
public final class ConfigException extends Exception {

    private final Path file;
    private final Optional<JsonLocator.Location> location;
    private final String problem;

    public ConfigException(Path file, Optional<JsonLocator.Location> location, String problem) {
        super(render(file, location, oneLine(problem)));
        this.file = file;
        this.location = location;
        this.problem = oneLine(problem);
    }

    /** The sentence without the file's name, for a form that shows it beside the field. */
    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    public Optional<JsonLocator.Location> location() {
        return location;
    }

    /** A quoted value may hold a line break or a control character; shown escaped, the sentence stays one line. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String render(Path file, Optional<JsonLocator.Location> location, String problem) {
        String where = location.map(l -> file + ":" + l.line() + ":" + l.column()).orElse(file.toString());
        return where + ": " + problem;
    }
}
