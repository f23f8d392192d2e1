package dev.tidesync.git;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;

/**
 * A repository's git configuration as git itself resolves it: system, global, local, and
 * every include and includeIf (which JGit ignores). Read once per cycle from
 * {@code git config --list -z}; without git, JGit's reading stands in.
 */
public final class EffectiveConfig {

    private final Map<String, String> values;

    private EffectiveConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Parses {@code git config --list -z}: entries end in NUL, key and value split at the first newline. */
    static EffectiveConfig parse(String listing) {
        Map<String, String> values = new HashMap<>();
        for (String entry : listing.split("\0")) {
            if (entry.isEmpty()) {
                continue;
            }
            int newline = entry.indexOf('\n');
            String key = newline < 0 ? entry : entry.substring(0, newline);
            String value = newline < 0 ? "true" : entry.substring(newline + 1); // a bare key is a boolean true
            values.put(normalize(key), value); // later files override earlier ones, as in git
        }
        return new EffectiveConfig(values);
    }

    static EffectiveConfig fromJGit(Config config) {
        Map<String, String> values = new HashMap<>();
        for (String section : config.getSections()) {
            for (String name : config.getNames(section)) {
                put(values, config, section, null, name);
            }
            for (String sub : config.getSubsections(section)) {
                for (String name : config.getNames(section, sub)) {
                    put(values, config, section, sub, name);
                }
            }
        }
        return new EffectiveConfig(values);
    }

    private static void put(Map<String, String> values, Config config, String section, String sub, String name) {
        String value = config.getString(section, sub, name);
        values.put(normalize(section + (sub == null ? "" : "." + sub) + "." + name), value == null ? "true" : value);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(normalize(key)));
    }

    /** git's booleans: true/yes/on/1 and a bare key are true. */
    public boolean getBoolean(String key, boolean otherwise) {
        return get(key).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "" -> true;
            case "false", "no", "off", "0" -> false;
            default -> otherwise;
        }).orElse(otherwise);
    }

    /** Section and variable names are case-insensitive, a subsection is not. */
    private static String normalize(String key) {
        int first = key.indexOf('.');
        int last = key.lastIndexOf('.');
        if (first < 0) {
            return key.toLowerCase(Locale.ROOT);
        }
        String section = key.substring(0, first).toLowerCase(Locale.ROOT);
        String name = key.substring(last + 1).toLowerCase(Locale.ROOT);
        return first == last ? section + "." + name : section + "." + key.substring(first + 1, last) + "." + name;
    }
}
