package dev.tidesync.config;

import java.nio.file.Path;
import java.util.Optional;

/** An unreadable or invalid config file; the message is one sentence for the user. */
public final class ConfigException extends Exception {

    private final Path file;
    private final Optional<JsonLocator.Location> location;
    private final String problem;

    public ConfigException(Path file, Optional<JsonLocator.Location> location, String problem) {
        super(render(file, location, problem));
        this.file = file;
        this.location = location;
        this.problem = problem;
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

    private static String render(Path file, Optional<JsonLocator.Location> location, String problem) {
        String where = location.map(l -> file + ":" + l.line() + ":" + l.column()).orElse(file.toString());
        return where + ": " + problem;
    }
}
