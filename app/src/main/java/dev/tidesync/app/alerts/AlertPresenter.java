package dev.tidesync.app.alerts;

import dev.tidesync.app.actions.AppActions;
import dev.tidesync.app.status.RepoRow;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Raises each incident once: an in-app popup (ControlsFX, owned by the app's invisible owner
 * window, since it cannot live without one) and the desktop's own notification.
 */
public final class AlertPresenter {

    private final Incidents incidents = new Incidents();
    private final Window owner;
    private final DesktopNotifier desktop;
    private final AppActions actions;
    private final Supplier<String> notifications;

    public AlertPresenter(Window owner, DesktopNotifier desktop, AppActions actions, Supplier<String> notifications) {
        this.owner = owner;
        this.desktop = desktop;
        this.actions = actions;
        this.notifications = notifications;
    }

    /** Call on the FX thread with every new snapshot. */
    public void rows(List<RepoRow> rows) {
        incidents.update(rows, notifications.get()).forEach(this::raise);
    }

    public void raise(Alert alert) {
        popup(alert);
        desktop.notify(alert);
    }

    private void popup(Alert alert) {
        Notifications n = Notifications.create()
                .owner(Screen.getPrimary()) // placed on the screen; the invisible owner window (which must exist) carries it
                .title(alert.title())
                .text(wrap(alert.text(), 56))
                .position(Pos.TOP_RIGHT)
                .hideAfter(alert.urgent() ? javafx.util.Duration.seconds(30) : javafx.util.Duration.seconds(6))
                .action(new Action(alert.actionLabel(), e -> act(alert)));
        if (alert.urgent()) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }

    /** The popup's label does not wrap by itself; break long sentences at spaces. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : text.split(" ")) {
            if (line > 0 && line + 1 + word.length() > width) {
                out.append('\n');
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    private void act(Alert alert) {
        switch (alert.kind()) {
            case CONFLICT -> actions.resolve(alert.repository());
            case PULLED, HELD_BACK, NEEDS_ATTENTION -> actions.showHistory(Optional.of(alert.repository()));
        }
    }
}
