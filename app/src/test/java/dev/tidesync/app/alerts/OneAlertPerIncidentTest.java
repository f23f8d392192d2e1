package dev.tidesync.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.actions.RecordingActions;
import dev.tidesync.app.fixture.PrivateDesktop;
import dev.tidesync.app.os.notify.DbusNotifier;
import dev.tidesync.app.os.notify.Notifications;
import dev.tidesync.app.status.RepoRow;
import dev.tidesync.app.status.Rows;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * One alert per incident, on the right channel: the desktop's notification server alone where
 * there is one (with the alert's actions, a click coming back over D-Bus), the app's own popup
 * alone where there is none. Against a notification server of the spec's own on a private bus.
 */
@ExtendWith(ApplicationExtension.class)
class OneAlertPerIncidentTest {

    @TempDir
    Path tmp;

    private PrivateDesktop desktop;
    private final RecordingActions actions = new RecordingActions();
    private final RepoRow conflict = Rows.conflict("thesis", "ch2.md");

    /** A notification server as the spec defines it: it records each Notify and can send a click back. */
    static final class Server implements Notifications, AutoCloseable {
        record Shown(String summary, String body, List<String> actions, Map<String, Variant<?>> hints, int timeout) {}

        final BlockingQueue<Shown> shown = new LinkedBlockingQueue<>();
        final List<String> capabilities;
        final DBusConnection bus;
        int next = 1;

        Server(String address, List<String> capabilities) throws Exception {
            this.capabilities = capabilities;
            bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            bus.exportObject(PATH, this);
            bus.requestBusName(BUS_NAME);
        }

        public List<String> GetCapabilities() {
            return capabilities;
        }

        public synchronized UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                                          Map<String, Variant<?>> hints, int expireTimeout) {
            shown.add(new Shown(summary, body, actions, hints, expireTimeout));
            return new UInt32(next++);
        }

        public void CloseNotification(UInt32 id) {
            // nothing stays open here
        }

        void click(int id, String action) throws Exception {
            bus.sendMessage(new ActionInvoked(PATH, new UInt32(id), action));
        }

        public String getObjectPath() {
            return PATH;
        }

        public void close() {
            bus.disconnect();
        }
    }

    @AfterEach
    void stop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    private DbusNotifier notifierOnPrivateBus() throws Exception {
        PrivateDesktop.require("/usr/bin/dbus-daemon");
        desktop = new PrivateDesktop(tmp).withSessionBus();
        return DbusNotifier.connect(Map.of("DBUS_SESSION_BUS_ADDRESS", desktop.busAddress())).orElseThrow();
    }

    private static List<Window> popups() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Tidesync: ")).toList();
    }

    @Test
    void withANotificationServerTheConflictIsOneNotificationWithItsActionsAndNoPopup(FxRobot robot) throws Exception {
        DbusNotifier notifier = notifierOnPrivateBus();
        try (Server server = new Server(desktop.busAddress(), List.of("actions", "body"))) {
            AlertPresenter presenter = new AlertPresenter(null, notifier, actions, () -> "problems");

            robot.interact(() -> presenter.rows(List.of(conflict)));
            robot.interact(() -> presenter.rows(List.of(conflict)));
            Server.Shown shown = server.shown.poll(10, TimeUnit.SECONDS);

            assertThat(shown).isNotNull();
            assertThat(shown.summary()).isEqualTo("Conflict in thesis");
            assertThat(shown.body()).startsWith("ch2.md changed here and on the remote");
            assertThat(shown.actions()).containsExactly("default", "Resolve…", "resolve", "Resolve…", "open-folder", "Open folder");
            assertThat(shown.hints().get("urgency").getValue()).isEqualTo((byte) 2);
            assertThat(shown.timeout()).as("an incident stays until seen").isZero();
            assertThat(server.shown.poll(500, TimeUnit.MILLISECONDS)).as("the same incident again").isNull();
            assertThat(presenter.popupsShowing()).isZero();
            assertThat(popups()).isEmpty();
            assertThat(presenter.channel()).contains("org.freedesktop.Notifications");

            server.click(1, "resolve");
            PrivateDesktop.await("the click reaches the app", () -> actions.calls, c -> !c.isEmpty(), 10);
            server.click(1, "open-folder");
            PrivateDesktop.await("the second click reaches the app", () -> actions.calls, c -> c.size() == 2, 10);
            assertThat(actions.calls).containsExactly("resolve /home/me/thesis", "open folder /home/me/thesis");
            notifier.close();
        }
    }

    @Test
    void aServerWithoutActionsGetsThePlainNotification(FxRobot robot) throws Exception {
        DbusNotifier notifier = notifierOnPrivateBus();
        try (Server server = new Server(desktop.busAddress(), List.of("body"))) {
            AlertPresenter presenter = new AlertPresenter(null, notifier, actions, () -> "problems");

            robot.interact(() -> presenter.rows(List.of(conflict)));

            assertThat(server.shown.poll(10, TimeUnit.SECONDS).actions()).isEmpty();
            assertThat(presenter.popupsShowing()).isZero();
            notifier.close();
        }
    }

    @Test
    void withoutANotificationServerTheAppsOwnPopupShowsItOnceWholeWithItsButtons(FxRobot robot) throws Exception {
        DbusNotifier notifier = notifierOnPrivateBus(); // a session bus, but nobody serves notifications on it
        AlertPresenter presenter = new AlertPresenter(null, notifier, actions, () -> "problems");

        robot.interact(() -> presenter.rows(List.of(conflict)));
        robot.interact(() -> presenter.rows(List.of(conflict)));

        PrivateDesktop.await("the popup", presenter::popupsShowing, n -> n > 0, 10);
        Thread.sleep(500);
        robot.interact(() -> { });
        assertThat(presenter.popupsShowing()).as("once").isEqualTo(1);
        assertThat(presenter.channel()).contains("the app's own popup");
        Label text = robot.lookup(l -> l instanceof Label label && label.getText().startsWith("ch2.md changed")).queryAs(Label.class);
        assertThat(text.isWrapText()).isTrue();
        assertThat(text.getHeight()).as("the whole text fits, on several lines").isGreaterThan(text.getFont().getSize() * 1.5);
        robot.clickOn((Button) robot.lookup(b -> b instanceof Button button && button.getText().equals("Resolve…")).query());
        assertThat(actions.calls).containsExactly("resolve /home/me/thesis");
        assertThat(presenter.popupsShowing()).as("a clicked popup goes away").isZero();
        notifier.close();
    }
}
