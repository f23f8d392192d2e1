package dev.tidesync.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds where a JSON pointer's value starts in the original text, so that a problem found on the
 * parsed tree can still be reported as file:line:column.
 */
public final class JsonLocator {

    public record Location(int line, int column) {
        static Location of(JsonLocation l) {
            return new Location(l.getLineNr(), l.getColumnNr());
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLocator() {}

    /** The location of the value at {@code pointer}, or of its nearest existing ancestor. */
    public static Optional<Location> locate(String text, JsonPointer pointer) {
        JsonPointer wanted = pointer;
        while (wanted != null) {
            Optional<Location> found = find(text, wanted);
            if (found.isPresent()) {
                return found;
            }
            wanted = wanted.head();
        }
        return Optional.empty();
    }

    private static Optional<Location> find(String text, JsonPointer wanted) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                JsonPointer here = parser.getParsingContext().pathAsPointer();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // The container's own path is its parent's entry, not its (empty) first child.
                    here = parser.getParsingContext().getParent() == null ? JsonPointer.empty()
                            : parser.getParsingContext().getParent().pathAsPointer();
                }
                if (here.equals(wanted)) {
                    return Optional.of(Location.of(parser.currentTokenLocation()));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
