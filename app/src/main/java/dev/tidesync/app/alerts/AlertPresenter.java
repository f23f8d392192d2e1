package dev.tidesync.app.alerts;

import dev.tidesync.app.actions.AppActions;
import dev.tidesync.app.status.RepoRow;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Raises each incident once, on one channel: the desktop's own notification where the desktop
 * has a notification server, the app's own popup only where it has none. Never both.
 */
public final class AlertPresenter {

    private final Incidents incidents = new Incidents();
    private final InAppPopup popup;
    private final DesktopNotifier desktop;
    private final AppActions actions;
    private final Supplier<String> notifications;
    /** One at a time, in order: two alerts never race for the channel. */
    private final java.util.concurrent.ExecutorService decide =
            java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofVirtual().name("tidesync-alerts").factory());

    public AlertPresenter(Window owner, DesktopNotifier desktop, AppActions actions, Supplier<String> notifications) {
        this.popup = new InAppPopup(owner);
        this.desktop = desktop;
        this.actions = actions;
        this.notifications = notifications;
    }

    /** Call on the FX thread with every new snapshot. */
    public void rows(List<RepoRow> rows) {
        incidents.update(rows, notifications.get()).forEach(this::raise);
    }

    /**
     * Call on the FX thread. Which channel is decided off it: asking the bus (and starting a
     * bus-activated server) may take a moment.
     */
    public void raise(Alert alert) {
        decide.execute(() -> {
            if (desktop.present()) {
                desktop.notify(alert, action -> Platform.runLater(() -> act(alert, action)));
            } else {
                Platform.runLater(() -> popup.show(alert, action -> act(alert, action)));
            }
        });
    }

    /** Where alerts go now, for doctor and the about box. */
    public String channel() {
        return desktop.present() ? desktop.describe() : DesktopNotifier.NONE.describe();
    }

    private void act(Alert alert, Alert.Action action) {
        switch (action) {
            case RESOLVE -> actions.resolve(alert.repository());
            case OPEN_FOLDER -> actions.openFolder(alert.repository());
            case SHOW, HISTORY -> actions.showHistory(Optional.of(alert.repository()));
        }
    }

    /** For specs: the app's own popups showing now. */
    int popupsShowing() {
        return popup.showing().size();
    }
}
