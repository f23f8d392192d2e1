package dev.tidesync.app.tray;

import dev.tidesync.app.status.TrayState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * The tray icon for a state, from the PNGs rendered out of icons/src (see icons/render.sh). Each
 * state exists at the sizes trays ask for, so the usual case is an exact bitmap; any other size
 * is scaled down smoothly from the next larger one. Syncing has FRAMES frames; macOS gets
 * template images. Decoded by JavaFX, not AWT: the Linux tray must not start AWT at all.
 */
public final class TrayIcons {

    public static final int FRAMES = 8;
    /** Pixel sizes rendered for the colour icons; keep in step with icons/render.sh. */
    static final int[] SIZES = {16, 20, 22, 24, 32, 40, 44, 48, 64};

    private static final Map<String, IconImage> LOADED = new ConcurrentHashMap<>();

    private TrayIcons() {}

    /** The colour icon at exactly {@code size} pixels. */
    public static IconImage render(TrayState state, int size, int frame) {
        int source = SIZES[SIZES.length - 1];
        for (int candidate : SIZES) {
            if (candidate >= size) {
                source = candidate;
                break;
            }
        }
        return load("icons/tray/" + name(state, frame) + "-" + source + ".png", size);
    }

    /**
     * The macOS menu-bar template image (black and alpha; the system tints it), 18 points:
     * 36 pixels when {@code retina}, else 18.
     */
    public static IconImage template(TrayState state, int frame, boolean retina) {
        return load("icons/tray-template/" + name(state, frame) + "Template" + (retina ? "@2x" : "") + ".png", retina ? 36 : 18);
    }

    static String name(TrayState state, int frame) {
        String name = state.name().toLowerCase(Locale.ROOT);
        return state == TrayState.SYNCING ? name + "-" + Math.floorMod(frame, FRAMES) : name;
    }

    private static IconImage load(String resource, int size) {
        return LOADED.computeIfAbsent(resource + "@" + size, key -> {
            try (InputStream in = TrayIcons.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the build is missing the icon " + resource + " (icons/render.sh makes it)");
                }
                Image image = new Image(in, size, size, false, true);
                if (image.isError()) {
                    throw new IllegalStateException("the icon " + resource + " cannot be decoded: " + image.getException());
                }
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                int[] pixels = new int[w * h];
                image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
                return new IconImage(w, h, pixels);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
