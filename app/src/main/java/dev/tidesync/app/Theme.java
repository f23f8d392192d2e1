package dev.tidesync.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tidesync.app.os.DarkMode;
import javafx.application.Application;

/** AtlantaFX's Primer look, light or dark as the settings (or the desktop) say. */
final class Theme {

    private Theme() {}

    /** Whether the setting means dark; "system" asks the desktop (a short command): call it off the FX thread. */
    static boolean dark(String setting) {
        return switch (setting) {
            case "dark" -> true;
            case "light" -> false;
            default -> DarkMode.preferred(dev.tidesync.io.OperatingSystem.current());
        };
    }

    /** Call on the FX thread. */
    static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
