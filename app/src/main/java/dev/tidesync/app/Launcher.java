package dev.tidesync.app;

import dev.tidesync.app.os.TrayChoice;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlClient;
import dev.tidesync.control.ControlMessage;
import dev.tidesync.io.OperatingSystem;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Application;

/**
 * Entry point. Not an {@link Application} itself: on the class path JavaFX refuses to start a
 * main class that extends it ("runtime components are missing").
 *
 * <p>A second launch finds the running app through the control socket and asks it to show its
 * panel, then exits: one instance per user. The tray is chosen here, before JavaFX starts,
 * because the AWT fallback needs Xlib made thread-safe before any toolkit opens a display.
 */
public final class Launcher {

    /** The tray decided before JavaFX started; read once by {@link TidesyncApp}. */
    static volatile TrayChoice trayChoice;

    private Launcher() {}

    public static void main(String[] args) {
        quietLibraries();
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
        trayChoice = TrayChoice.decide(System.getenv(), OperatingSystem.current());
        Application.launch(TidesyncApp.class, args);
    }

    /** The app's log is the app's own lines; the libraries speak only when something is wrong (unless set otherwise). */
    private static void quietLibraries() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.freedesktop.dbus", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jgit", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.methvin", "warn");
    }
}
