package dev.tidesync.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidesync.io.Json;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the config document into effective {@link Settings}: the user's values laid over the
 * defaults (per repository, over the global guards), type-checked and range-checked.
 */
public final class SettingsReader {

    private static final ObjectMapper MAPPER = Json.mapper();

    /** A problem at a place in the document; {@code pointer} may name a place the user never wrote. */
    public record Problem(JsonPointer pointer, String message) {}

    /** Thrown with the first problem found; the caller turns it into a located ConfigException. */
    public static final class InvalidSettings extends Exception {
        private final transient Problem problem;

        InvalidSettings(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The shape of claude-craft's auto-sync proposal, refused rather than ignored. */
    private static final String FOREIGN_SHAPE = "autoSync";

    private SettingsReader() {}

    public static Settings read(ObjectNode document) throws InvalidSettings {
        if (document.has(FOREIGN_SHAPE)) {
            // claude-craft's proposal nests the same settings under "autoSync"; kept, they would look applied and do nothing.
            throw new InvalidSettings(new Problem(JsonPointer.compile("/" + FOREIGN_SHAPE), "'autoSync' is not read by Tidesync: "
                    + "its settings live at the top level, so move autoSync.enabled to 'enabled' and autoSync.triggers to 'triggers'"
                    + " (statistics and lastSync are kept by Tidesync itself), then delete 'autoSync'"));
        }
        ObjectNode effective = effectiveTree(document);
        Settings settings;
        try {
            settings = MAPPER.treeToValue(effective, Settings.class);
        } catch (JsonMappingException e) {
            throw new InvalidSettings(describe(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidSettings(new Problem(JsonPointer.empty(), e.getOriginalMessage()));
        }
        List<Problem> problems = SettingsValidator.validate(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems.getFirst());
        }
        return settings;
    }

    /** The document with every missing value filled from the defaults; the document is not changed. */
    public static ObjectNode effectiveTree(ObjectNode document) {
        ObjectNode defaults = MAPPER.valueToTree(Settings.defaults());
        ObjectNode merged = (ObjectNode) merge(defaults, document.deepCopy());
        JsonNode repositories = merged.get("repositories");
        if (repositories instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof ObjectNode repo) {
                    ObjectNode filled = (ObjectNode) merge(repositoryDefaults(merged, repo), repo);
                    itemDefaults(filled.get("rules"), MAPPER.createObjectNode().put("when", "always").put("changes", 1));
                    if (filled.get("gate") instanceof ObjectNode gate && !gate.has("timeoutSeconds")) {
                        gate.put("timeoutSeconds", 300);
                    }
                    array.set(i, filled);
                }
            }
        }
        ObjectNode root = MAPPER.createObjectNode().put("maxDepth", 3);
        root.set("skipFolders", MAPPER.valueToTree(Settings.DEFAULT_SKIPPED_FOLDERS));
        itemDefaults(merged.get("watchRoots"), root);
        return merged;
    }

    /** Every object in the list gets the documented defaults for the fields it leaves out. */
    private static void itemDefaults(JsonNode list, ObjectNode defaults) {
        if (list instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof ObjectNode item) {
                    array.set(i, merge(defaults, item));
                }
            }
        }
    }

    private static ObjectNode repositoryDefaults(ObjectNode merged, ObjectNode repo) {
        ObjectNode defaults = MAPPER.createObjectNode();
        JsonNode path = repo.get("path");
        String name = path != null && path.isTextual() && !path.asText().isBlank()
                ? String.valueOf(Path.of(path.asText()).getFileName()) : "";
        defaults.put("name", name);
        defaults.put("mode", SyncMode.AUTO_COMMIT.label());
        defaults.putArray("remotes");
        defaults.put("integrate", IntegrateStrategy.REBASE.label());
        defaults.putArray("excludes");
        defaults.set("guards", merged.get("guards").deepCopy());
        defaults.putArray("rules");
        return defaults;
    }

    /** Objects merge key by key; anything else in {@code over} replaces what is in {@code base}. */
    static JsonNode merge(JsonNode base, JsonNode over) {
        if (base instanceof ObjectNode baseObject && over instanceof ObjectNode overObject) {
            ObjectNode result = baseObject.deepCopy();
            overObject.properties().forEach(e -> {
                JsonNode existing = result.get(e.getKey());
                if (e.getValue().isNull() && existing != null) {
                    return; // null means "the default"
                }
                result.set(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue()));
            });
            return result;
        }
        return over;
    }

    private static Problem describe(JsonMappingException e) {
        JsonPointer pointer = pointerOf(e.getPath());
        String key = ConfigKeys.dotted(pointer);
        String message;
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            message = "'" + key + "': " + cause.getMessage();
        } else if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException) {
            message = (key.isEmpty() ? "a section" : "'" + key + "'") + " holds a null where a value is needed;"
                    + " remove that key to use its default, or give it a value";
        } else if (e instanceof InvalidFormatException ife) {
            message = "'" + key + "' is " + quote(ife.getValue()) + " but must be " + kind(ife.getTargetType());
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = "'" + key + "' must be " + kind(mie.getTargetType());
        } else {
            message = "'" + key + "': " + e.getOriginalMessage();
        }
        return new Problem(pointer, message);
    }

    private static JsonPointer pointerOf(List<JsonMappingException.Reference> path) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference ref : path) {
            pointer = ref.getFieldName() != null ? pointer.appendProperty(ref.getFieldName())
                    : pointer.appendIndex(ref.getIndex());
        }
        return pointer;
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    static String kind(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of the documented words";
        }
        return "an object";
    }
}
