package dev.tidesync.app.os.awt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Xlib safe for two toolkits at once. JavaFX's GTK glass and AWT's XToolkit each run an
 * X event loop on their own thread, and neither calls {@code XInitThreads}: Xlib's process-wide
 * state (the error handler both swap, the resource and locale tables) is then touched from two
 * threads unguarded, which is the heap corruption the crash dumps show (SIGSEGV in libc under
 * {@code GtkApplication._runLoop} while {@code AWT-XAWT} polls). Called once, before either
 * toolkit opens its display, it gives every Display its lock and guards the globals.
 */
public final class XThreads {

    private static final Logger LOG = LoggerFactory.getLogger(XThreads.class);

    private XThreads() {}

    /** Xlib's one entry point we need. */
    interface Xlib extends Library {
        int XInitThreads();
    }

    /**
     * Calls XInitThreads; must run before JavaFX starts. False where there is no Xlib to
     * initialise (no X11 libraries: then neither toolkit can use X anyway).
     */
    public static boolean init() {
        try {
            Xlib x = Native.load("X11", Xlib.class);
            boolean ok = x.XInitThreads() != 0;
            LOG.debug("XInitThreads: {}", ok ? "done" : "refused");
            return ok;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.info("Xlib threads not initialised ({}); the AWT tray shares Xlib with GTK unguarded", e.getMessage());
            return false;
        }
    }
}
