package dev.tidesync.engine;

/** Receives engine events, on engine threads: hand them on quickly (the tray uses Platform.runLater). */
@FunctionalInterface
public interface EngineListener {
    void onEvent(EngineEvent event);
}
