package dev.tidesync.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dotted keys as the user types them ({@code triggers.userPrompt.probability},
 * {@code repositories.notes.mode} or {@code repositories.0.mode}) and their JSON pointers.
 */
public final class ConfigKeys {

    private ConfigKeys() {}

    public static String dotted(JsonPointer pointer) {
        List<String> parts = new ArrayList<>();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            parts.add(p.getMatchingProperty());
        }
        return String.join(".", parts);
    }

    /**
     * Resolves a dotted key against a tree to a JSON pointer. Array elements are addressed by
     * index or, for objects with a "name", by that name.
     */
    public static Optional<JsonPointer> resolve(JsonNode tree, String dottedKey) {
        if (dottedKey == null || dottedKey.isBlank()) {
            return Optional.empty();
        }
        JsonPointer pointer = JsonPointer.empty();
        JsonNode node = tree;
        for (String segment : dottedKey.split("\\.", -1)) {
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            if (node instanceof ArrayNode array) {
                int index = indexOf(array, segment);
                if (index < 0) {
                    return Optional.empty();
                }
                pointer = pointer.appendIndex(index);
                node = array.get(index);
            } else if (node instanceof ObjectNode object && object.has(segment)) {
                pointer = pointer.appendProperty(segment);
                node = object.get(segment);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(pointer);
    }

    private static int indexOf(ArrayNode array, String segment) {
        if (segment.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment);
            return index < array.size() ? index : -1;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode name = array.get(i).get("name");
            if (name != null && segment.equals(name.asText())) {
                return i;
            }
        }
        return -1;
    }
}
