package dev.tidesync.app.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.alerts.Alert;
import dev.tidesync.app.alerts.DesktopNotifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsCapabilitiesTest {

    @TempDir
    Path tmp;

    static final Alert CONFLICT = new Alert("k", Path.of("/r"), "Conflict in notes", "a.md changed here and on the remote", Alert.Kind.CONFLICT, true);

    @Test
    void freedesktopNotificationsAreCriticalForIncidentsAndNeedASessionBus() throws Exception {
        assertThat(FreedesktopNotifier.notifySend(Path.of("/usr/bin/notify-send"), CONFLICT)).containsExactly("/usr/bin/notify-send",
                "--app-name=Tidesync", "--icon=tidesync", "--urgency=critical", "--category=transfer", "Conflict in notes",
                "a.md changed here and on the remote");
        assertThat(FreedesktopNotifier.gdbusCall(Path.of("/usr/bin/gdbus"), CONFLICT)).contains("--method=org.freedesktop.Notifications.Notify",
                "Conflict in notes", "{\"urgency\": <byte 2>}");

        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path notifySend = Files.createFile(bin.resolve("notify-send"));
        notifySend.toFile().setExecutable(true);
        assertThat(FreedesktopNotifier.find(Map.of("PATH", bin.toString()))).as("no session bus").isEmpty();
        assertThat(FreedesktopNotifier.find(Map.of("PATH", bin.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/bus")))
                .get().extracting(DesktopNotifier::describe).asString().contains(notifySend.toString());
    }
}
