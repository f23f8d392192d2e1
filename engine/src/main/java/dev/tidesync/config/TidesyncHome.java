package dev.tidesync.config;

import dev.tidesync.io.OperatingSystem;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Tidesync keeps its files. {@code --home} wins, then {@code $TIDESYNC_HOME} (everything in
 * one folder), then the platform's places: on Linux config under $XDG_CONFIG_HOME and state
 * under $XDG_STATE_HOME.
 */
public record TidesyncHome(Path configDir, Path stateDir) {

    public Path configFile() {
        return configDir.resolve("config.json");
    }

    public Path stateFile() {
        return stateDir.resolve("state.json");
    }

    public Path historyFile() {
        return stateDir.resolve("history.jsonl");
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }

    public Path socket() {
        return stateDir.resolve("tidesync.sock");
    }

    /** Serializes read-modify-write of state.json and history rotation across processes. */
    public Path journalLock() {
        return stateDir.resolve("journal.lock");
    }

    public static TidesyncHome single(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return new TidesyncHome(absolute, absolute);
    }

    public static TidesyncHome resolve(Optional<Path> override) {
        return resolve(override, System.getenv(), OperatingSystem.current(), System.getProperty("user.home"));
    }

    public static TidesyncHome resolve(Optional<Path> override, Map<String, String> env, OperatingSystem os, String userHome) {
        if (override.isPresent()) {
            return single(override.get());
        }
        String explicit = env.get("TIDESYNC_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return single(Path.of(explicit));
        }
        Path home = Path.of(userHome);
        if (os == OperatingSystem.MAC) {
            return single(home.resolve("Library/Application Support/Tidesync"));
        }
        if (os == OperatingSystem.WINDOWS) {
            String appData = env.get("APPDATA");
            return single(appData != null ? Path.of(appData, "Tidesync") : home.resolve("AppData/Roaming/Tidesync"));
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path state = xdg(env, "XDG_STATE_HOME", home.resolve(".local/state"));
        return new TidesyncHome(config.resolve("tidesync"), state.resolve("tidesync"));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // The XDG spec says relative values are invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
