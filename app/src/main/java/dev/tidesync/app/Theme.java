package dev.tidesync.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tidesync.app.os.DarkMode;
import javafx.application.Application;

/** AtlantaFX's Primer look, light or dark as the settings (or the desktop) say. */
final class Theme {

    private Theme() {}

    static void apply(String setting) {
        boolean dark = switch (setting) {
            case "dark" -> true;
            case "light" -> false;
            default -> DarkMode.preferred(System.getProperty("os.name", ""));
        };
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
