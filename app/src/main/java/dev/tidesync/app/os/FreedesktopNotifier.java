package dev.tidesync.app.os;

import dev.tidesync.app.alerts.Alert;
import dev.tidesync.app.alerts.DesktopNotifier;
import dev.tidesync.io.Executables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.tidesync.io.Processes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux and BSD desktops: the freedesktop.org Notify call on the session D-Bus, made by
 * libnotify's {@code notify-send} or, where that is missing, GLib's {@code gdbus} (one of the two
 * is on practically every desktop). A program rather than a Java D-Bus library: no extra jar, and
 * the desktop's own tools know how to find its bus.
 */
public final class FreedesktopNotifier implements DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(FreedesktopNotifier.class);

    private final Path program;
    private final boolean gdbus;

    private FreedesktopNotifier(Path program, boolean gdbus) {
        this.program = program;
        this.gdbus = gdbus;
    }

    /** Present when a session bus is announced and one of the two programs is on PATH. */
    public static Optional<DesktopNotifier> find(Map<String, String> env) {
        if (env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank()) {
            return Optional.empty();
        }
        return Executables.onPath(env.getOrDefault("PATH", "/usr/bin:/bin"), "notify-send").<DesktopNotifier>map(p -> new FreedesktopNotifier(p, false))
                .or(() -> Executables.onPath(env.getOrDefault("PATH", "/usr/bin:/bin"), "gdbus").map(p -> new FreedesktopNotifier(p, true)));
    }

    /** The command line for one alert; urgent alerts are "critical" so they stay until seen. */
    public static List<String> notifySend(Path program, Alert alert) {
        return List.of(program.toString(), "--app-name=Tidesync", "--icon=tidesync",
                "--urgency=" + (alert.urgent() ? "critical" : "normal"), "--category=transfer", alert.title(), alert.text());
    }

    public static List<String> gdbusCall(Path program, Alert alert) {
        List<String> c = new ArrayList<>(List.of(program.toString(), "call", "--session", "--dest=org.freedesktop.Notifications",
                "--object-path=/org/freedesktop/Notifications", "--method=org.freedesktop.Notifications.Notify",
                "Tidesync", "0", "tidesync", alert.title(), alert.text(), "[]"));
        c.add("{\"urgency\": <byte " + (alert.urgent() ? 2 : 1) + ">}");
        c.add(alert.urgent() ? "0" : "-1");
        return c;
    }

    @Override
    public void notify(Alert alert) {
        List<String> command = gdbus ? gdbusCall(program, alert) : notifySend(program, alert);
        Thread.ofVirtual().name("tidesync-notify").start(() -> {
            try {
                Processes.Result r = Processes.run(command, Duration.ofSeconds(5));
                if (!r.succeeded()) {
                    LOG.warn("desktop notification failed ({}): {}", program.getFileName(), r.output().strip());
                }
            } catch (IOException e) {
                LOG.warn("desktop notification failed: {}", e.getMessage());
            }
        });
    }

    @Override
    public String describe() {
        return "freedesktop notifications via " + program;
    }
}
