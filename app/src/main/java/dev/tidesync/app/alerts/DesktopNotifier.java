package dev.tidesync.app.alerts;

import java.util.function.Consumer;

/**
 * The operating system's own notifications (the ones that stay in its notification list). Where
 * one is present, it is the only channel an alert goes to; the in-app popup is for desktops without.
 */
public interface DesktopNotifier {

    /**
     * Shows the alert; {@code chosen} hears (on any thread) which of its actions the user clicked,
     * where the desktop lets notifications carry actions.
     */
    void notify(Alert alert, Consumer<Alert.Action> chosen);

    /** Whether the desktop's notifications can be shown now (a notification server is there). */
    boolean present();

    /** For the about box and doctor: which mechanism is used. */
    String describe();

    DesktopNotifier NONE = new DesktopNotifier() {
        public void notify(Alert alert, Consumer<Alert.Action> chosen) {
            // This desktop offers no notifications; the in-app popup shows the alert instead.
        }

        public boolean present() {
            return false;
        }

        public String describe() {
            return "the app's own popup (no notification service found)";
        }
    };
}
