package dev.tidesync.app.alerts;


/** The operating system's own notifications (the ones that stay in its notification list). */
public interface DesktopNotifier {

    void notify(Alert alert);

    /** For the about box and doctor: which mechanism is used. */
    String describe();

    DesktopNotifier NONE = new DesktopNotifier() {
        public void notify(Alert alert) {
            // This desktop offers no notifications; the in-app popup and the tray icon still show it.
        }

        public String describe() {
            return "none (no notification service found)";
        }
    };
}
