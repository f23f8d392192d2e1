package dev.tidesync.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidesync.io.AtomicFile;
import dev.tidesync.io.InterProcessLock;
import dev.tidesync.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and writes config.json. The file is kept as a JSON tree so fields Tidesync does not know
 * are never lost; every change is validated before it is written, and an invalid file on disk
 * is never overwritten.
 */
public final class ConfigStore {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final Path file;

    /** The document as the user wrote it and the settings it means. */
    public record Loaded(ObjectNode document, Settings settings) {}

    public ConfigStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Reads the file; a missing file means all defaults. */
    public Loaded load() throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(MAPPER.createObjectNode(), Settings.defaults());
        } catch (IOException e) {
            throw new ConfigException(file, Optional.empty(), "cannot be read (" + e.getMessage() + "); check its permissions");
        }
        return parse(text);
    }

    Loaded parse(String text) throws ConfigException {
        if (text.isBlank()) {
            return new Loaded(MAPPER.createObjectNode(), Settings.defaults());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            Optional<JsonLocator.Location> at = Optional.ofNullable(e.getLocation())
                    .map(l -> new JsonLocator.Location(l.getLineNr(), l.getColumnNr()));
            throw new ConfigException(file, at, "is not valid JSON: " + firstLine(e.getOriginalMessage())
                    + "; fix it by hand or move it away to start from defaults");
        }
        if (!(tree instanceof ObjectNode document)) {
            throw new ConfigException(file, Optional.of(new JsonLocator.Location(1, 1)),
                    "must hold a JSON object ({ ... }) at the top");
        }
        try {
            return new Loaded(document, SettingsReader.read(document));
        } catch (SettingsReader.InvalidSettings e) {
            throw new ConfigException(file, JsonLocator.locate(text, e.problem().pointer()), e.getMessage());
        }
    }

    /** Appends a repository entry with its path and name to the document (making the list if needed), for the caller to fill in. */
    public static ObjectNode addRepository(ObjectNode document, Path workTree, String name) {
        forget(document, "excludeRepositories", workTree); // added by hand: no longer excluded from watch roots
        JsonNode list = document.get("repositories");
        ArrayNode repositories = list instanceof ArrayNode array ? array : document.putArray("repositories");
        return repositories.addObject().put("path", workTree.toString()).put("name", name);
    }

    /** Removes every repository entry whose path is {@code workTree} (compared as real paths) from the document. */
    public static void removeRepository(ObjectNode document, Path workTree) {
        Path wanted = Paths.canonical(workTree);
        if (document.get("repositories") instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                JsonNode p = array.get(i).get("path");
                if (p != null && Paths.canonical(Path.of(p.asText())).equals(wanted)) {
                    array.remove(i);
                }
            }
        }
        if (underAWatchRoot(document, wanted)) {
            // Else the next scan of the watch root would find it and watch it again.
            forget(document, "excludeRepositories", wanted);
            JsonNode list = document.get("excludeRepositories");
            (list instanceof ArrayNode array ? array : document.putArray("excludeRepositories")).add(wanted.toString());
        }
    }

    private static boolean underAWatchRoot(ObjectNode document, Path workTree) {
        if (!(document.get("watchRoots") instanceof ArrayNode roots)) {
            return false;
        }
        for (JsonNode root : roots) {
            JsonNode p = root.get("path");
            if (p != null && p.isTextual() && workTree.startsWith(Paths.canonical(Path.of(p.asText())))) {
                return true;
            }
        }
        return false;
    }

    /** Drops {@code path} (as a real path) from the list of paths at {@code key}. */
    private static void forget(ObjectNode document, String key, Path path) {
        Path wanted = Paths.canonical(path);
        if (document.get(key) instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isTextual() && Paths.canonical(Path.of(array.get(i).asText())).equals(wanted)) {
                    array.remove(i);
                }
            }
        }
    }

    /**
     * Applies {@code change} to a copy of the document and writes it if the result is valid.
     * Serialized across processes so two CLI calls never lose each other's change.
     */
    public Settings update(Consumer<ObjectNode> change) throws ConfigException {
        try (InterProcessLock.Held ignored = InterProcessLock.acquire(lockFile(), Duration.ofSeconds(10))
                .orElseThrow(() -> new ConfigException(file, Optional.empty(),
                        "is being changed by another Tidesync command; try again in a moment"))) {
            Loaded current = load();
            ObjectNode next = current.document().deepCopy();
            change.accept(next);
            Settings settings;
            String text = Json.pretty(next) + "\n";
            try {
                settings = SettingsReader.read(next);
            } catch (SettingsReader.InvalidSettings e) {
                throw new ConfigException(file, Optional.empty(), e.getMessage() + "; nothing was changed");
            }
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
            return settings;
        } catch (IOException e) {
            throw new ConfigException(file, Optional.empty(), "cannot be written (" + e.getMessage() + ")");
        }
    }

    /**
     * Sets one dotted key. The value is read as JSON when it parses (27, true, ["a"]) and as a
     * string otherwise; {@code null} returns the key to its default. Unknown keys are refused so
     * a typo is not silently kept.
     */
    public Settings set(String dottedKey, String rawValue) throws ConfigException {
        JsonNode value = parseValue(rawValue);
        try {
            return update(document -> {
                ObjectNode effective = SettingsReader.effectiveTree(document);
                JsonPointer pointer = ConfigKeys.resolve(effective, dottedKey).orElseThrow(() ->
                        new UnknownKey("'" + dottedKey + "' is not a setting; see `tidesync config show` for the keys"));
                setAt(document, pointer, value);
            });
        } catch (UnknownKey e) {
            throw new ConfigException(file, Optional.empty(), e.getMessage());
        }
    }

    private static JsonNode parseValue(String raw) {
        try {
            JsonNode parsed = MAPPER.readTree(raw);
            return parsed == null || parsed.isMissingNode() ? MAPPER.getNodeFactory().textNode(raw) : parsed;
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(raw);
        }
    }

    /** Writes {@code value} at {@code pointer}, creating the objects on the way that the user never wrote. */
    private static void setAt(ObjectNode document, JsonPointer pointer, JsonNode value) {
        JsonNode node = document;
        JsonPointer rest = pointer;
        while (!rest.tail().matches()) {
            JsonNode child = rest.getMatchingIndex() >= 0 && node.isArray()
                    ? node.get(rest.getMatchingIndex()) : node.get(rest.getMatchingProperty());
            if (child == null || child.isNull()) {
                child = ((ObjectNode) node).putObject(rest.getMatchingProperty());
            }
            node = child;
            rest = rest.tail();
        }
        if (node instanceof ArrayNode array) {
            array.set(rest.getMatchingIndex(), value);
        } else if (value.isNull()) {
            ((ObjectNode) node).remove(rest.getMatchingProperty());
        } else {
            ((ObjectNode) node).set(rest.getMatchingProperty(), value);
        }
    }

    /** Raised inside an update to refuse a change before anything is written. */
    static final class UnknownKey extends RuntimeException {
        UnknownKey(String message) {
            super(message);
        }
    }

    private Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
