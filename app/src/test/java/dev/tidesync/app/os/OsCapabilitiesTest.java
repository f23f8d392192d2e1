package dev.tidesync.app.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.alerts.Alert;
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
    void xdgAutostartWritesADesktopEntryThatQuotesTheCommandAndRemovesIt() throws Exception {
        XdgAutoStart autostart = XdgAutoStart.forUser(Map.of("XDG_CONFIG_HOME", tmp.toString()), "/home/u",
                List.of("/usr/lib/jvm/bin/java", "-cp", "/opt/my app/lib/*", "dev.tidesync.app.Launcher"));
        Path file = tmp.resolve("autostart/tidesync.desktop");

        assertThat(autostart.enabled()).isFalse();
        autostart.enable();

        assertThat(autostart.enabled()).isTrue();
        assertThat(Files.readString(file)).startsWith("[Desktop Entry]\nType=Application\nName=Tidesync\n")
                .contains("Exec=/usr/lib/jvm/bin/java -cp \"/opt/my app/lib/*\" dev.tidesync.app.Launcher\n")
                .contains("Terminal=false");
        autostart.disable();
        assertThat(file).doesNotExist();
        assertThat(autostart.enabled()).isFalse();
    }

    @Test
    void withoutXdgConfigHomeTheEntryGoesToDotConfig() {
        assertThat(XdgAutoStart.forUser(Map.of(), "/home/u", List.of("x")).describe()).isEqualTo("/home/u/.config/autostart/tidesync.desktop");
    }

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
