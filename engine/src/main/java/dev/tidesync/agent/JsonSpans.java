package dev.tidesync.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a JSON text is, in characters, read with Jackson's streaming parser. It
 * lets a settings file be changed by inserting and deleting text at these places, so what
 * Tidesync does not touch keeps its bytes: its spacing, its key order, its line endings. (Jackson's
 * tree and the JSON-patch libraries rewrite the whole document; none keeps the formatting.)
 */
final class JsonSpans {

    private static final JsonFactory JSON = new JsonFactory();

    /** A value from its first character to just after its last. */
    sealed interface Span {
        int start();

        int end();
    }

    /** An object's members in file order, each with where its key starts. */
    record Obj(int start, int end, Map<String, Member> members) implements Span {}

    record Member(int keyStart, Span value) {}

    record Arr(int start, int end, List<Span> items) implements Span {}

    /** A string, number, boolean or null, with its text. */
    record Scalar(int start, int end, String text, boolean string) implements Span {}

    private JsonSpans() {}

    /** The spans of {@code text}; a JSON syntax error names its line and column. */
    static Span of(String text) throws JsonProcessingException, IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) {
                throw new IOException("it is empty");
            }
            Span root = value(p);
            if (p.nextToken() != null) {
                throw new IOException("there is more after the end of the JSON value, at line " + p.currentTokenLocation().getLineNr());
            }
            return root;
        }
    }

    private static Span value(JsonParser p) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Member> members = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int keyStart = (int) p.currentTokenLocation().getCharOffset();
                String name = p.currentName();
                p.nextToken();
                members.put(name, new Member(keyStart, value(p)));
            }
            return new Obj(start, (int) p.currentTokenLocation().getCharOffset() + 1, members);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Span> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p));
            }
            return new Arr(start, (int) p.currentTokenLocation().getCharOffset() + 1, items);
        }
        String text = p.getText(); // reads the whole token, so the location below is just past it
        return new Scalar(start, (int) p.currentLocation().getCharOffset(), text, token == JsonToken.VALUE_STRING);
    }

    static Optional<Obj> object(Span span) {
        return span instanceof Obj o ? Optional.of(o) : Optional.empty();
    }

    static Optional<Span> member(Obj obj, String name) {
        Member m = obj.members().get(name);
        return m == null ? Optional.empty() : Optional.of(m.value());
    }
}
