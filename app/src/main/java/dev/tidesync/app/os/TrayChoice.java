package dev.tidesync.app.os;

import dev.tidesync.app.os.awt.FxTray;
import dev.tidesync.app.os.awt.XThreads;
import dev.tidesync.app.os.sni.SniTray;
import dev.tidesync.app.tray.Tray;
import dev.tidesync.io.OperatingSystem;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;

/**
 * Which tray this desktop gets, decided before JavaFX starts (Cryptomator's pattern: providers
 * by availability, a graceful fallback). Linux and the BSDs: a StatusNotifierItem when the
 * session bus has a StatusNotifierWatcher (Plasma, GNOME with AppIndicator, XFCE, Cinnamon,
 * Budgie, waybar; X11 or Wayland), and then AWT is never started; else AWT's XEmbed tray, with
 * Xlib made thread-safe first; else none, and the status panel is the main window. Windows and
 * macOS: AWT's tray, which is native there.
 */
public sealed interface TrayChoice {

    /** How long to wait for a watcher when the session has a bus but no panel yet (login races). */
    Duration WATCHER_WAIT = Duration.ofSeconds(2);

    /** The tray to use; call on the FX thread once JavaFX runs. Empty: no tray here. */
    Optional<Tray> open(Stage owner);

    /** Why this one, for the log. */
    String why();

    record StatusNotifier(SniTray tray) implements TrayChoice {
        public Optional<Tray> open(Stage owner) {
            return Optional.of(tray);
        }

        public String why() {
            return "the session bus has a StatusNotifierWatcher";
        }
    }

    /** @param xlibGuarded whether XInitThreads ran (Linux only; meaningless elsewhere) */
    record Awt(OperatingSystem os, boolean xlibGuarded) implements TrayChoice {
        public Optional<Tray> open(Stage owner) {
            return FxTray.create(owner);
        }

        public String why() {
            return os.isUnixDesktop() ? "no StatusNotifierWatcher on the session bus; trying an XEmbed tray"
                    + (xlibGuarded ? "" : " (Xlib not thread-safe: XInitThreads failed)") : "the system's own tray";
        }
    }

    /** Decides, connecting to the session bus where there is one. Runs before JavaFX starts. */
    static TrayChoice decide(Map<String, String> environment, OperatingSystem os) {
        if (!os.isUnixDesktop()) {
            return new Awt(os, false);
        }
        Optional<SniTray> sni = SniTray.connect(environment, WATCHER_WAIT);
        if (sni.isPresent()) {
            return new StatusNotifier(sni.get());
        }
        return new Awt(os, XThreads.init()); // before GTK or AWT open a display
    }
}
