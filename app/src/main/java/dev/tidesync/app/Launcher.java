package dev.tidesync.app;

import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlClient;
import dev.tidesync.control.ControlMessage;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Application;

/**
 * Entry point. Not an {@link Application} itself: on the class path JavaFX refuses to start a
 * main class that extends it ("runtime components are missing").
 *
 * <p>A second launch finds the running app through the control socket and asks it to show its
 * panel, then exits: one instance per user.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        TidesyncHome home = TidesyncHome.resolve(Optional.empty());
        var reply = ControlClient.send(home, ControlMessage.Request.show(), Duration.ofSeconds(3));
        if (reply.isPresent()) {
            if (!reply.get().ok()) {
                System.err.println("Tidesync is already running headless (`tidesync run`, pid " + reply.get().pid()
                        + "); stop it first to use the tray app");
                System.exit(1);
            }
            System.exit(0);
        }
        Application.launch(TidesyncApp.class, args);
    }
}
