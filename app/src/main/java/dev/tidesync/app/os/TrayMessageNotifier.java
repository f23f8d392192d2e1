package dev.tidesync.app.os;

import dev.tidesync.app.alerts.Alert;
import dev.tidesync.app.alerts.DesktopNotifier;
import dev.tidesync.app.tray.Tray;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Windows and macOS: the tray icon's own message, which those systems show as a native
 * notification (a toast, Notification Center). It carries no buttons; the tray menu has the actions.
 */
public final class TrayMessageNotifier implements DesktopNotifier {

    private final Tray tray;

    public TrayMessageNotifier(Tray tray) {
        this.tray = tray;
    }

    @Override
    public void notify(Alert alert, Consumer<Alert.Action> chosen) {
        Platform.runLater(() -> tray.message(alert.title(), alert.text(), alert.urgent()));
    }

    @Override
    public boolean present() {
        return true;
    }

    @Override
    public String describe() {
        return "the tray icon's messages";
    }
}
