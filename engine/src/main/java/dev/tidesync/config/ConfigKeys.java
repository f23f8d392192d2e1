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
            } else if ((node == null || node instanceof ObjectNode) && settingAt(pointer.appendProperty(segment))) {
                pointer = pointer.appendProperty(segment); // a setting with no value yet (a repository's gate): it may be set
                node = null;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(pointer);
    }

    /** Whether {@code pointer} names a field of the settings records, following their types (not a value in a file). */
    static boolean settingAt(JsonPointer pointer) {
        Class<?> type = Settings.class;
        java.lang.reflect.Type generic = type;
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0 && List.class.isAssignableFrom(type)) {
                if (!(generic instanceof java.lang.reflect.ParameterizedType list)) {
                    return false;
                }
                generic = list.getActualTypeArguments()[0];
                type = generic instanceof Class<?> c ? c : Object.class;
                continue;
            }
            if (!type.isRecord()) {
                return false;
            }
            String name = p.getMatchingProperty();
            java.lang.reflect.RecordComponent found = null;
            for (java.lang.reflect.RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    found = rc;
                }
            }
            if (found == null) {
                return false;
            }
            type = found.getType();
            generic = found.getGenericType();
        }
        return true;
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
