package dev.tidesync.app.actions;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Parent;

/** What the app's actions need from its windows; call on the FX thread. */
public interface Screens {

    void error(String title, String sentence);

    /** Asks without blocking; {@code yes} runs only when the user agrees. */
    void confirm(String title, String sentence, String yesLabel, Runnable yes);

    /**
     * Brings the window named {@code key} to the front, creating it (with {@code content}, about
     * {@code width} × {@code height}) when it is not open; {@code closed} runs when it closes.
     */
    void window(String key, String title, Supplier<Parent> content, double width, double height, Runnable closed);

    void close(String key);

    /** The status panel, where the tray would open it. */
    void panel();

    /** A folder the user picks, over the window {@code ownerKey} if that is open. */
    Optional<Path> chooseFolder(String title, String ownerKey);

    /** Opens a folder or a web page in the desktop's own program for it. */
    void open(String uri);
}
