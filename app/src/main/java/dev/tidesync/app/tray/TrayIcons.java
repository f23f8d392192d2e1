package dev.tidesync.app.tray;

import dev.tidesync.app.status.TrayState;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The tray icon for a state, from the PNGs rendered out of icons/src (see icons/render.sh). Each
 * state exists at the sizes trays ask for, so the usual case is an exact bitmap; any other size
 * is scaled down from the next larger one. Syncing has FRAMES frames; macOS gets template images.
 */
public final class TrayIcons {

    public static final int FRAMES = 8;
    /** Pixel sizes rendered for the colour icons; keep in step with icons/render.sh. */
    static final int[] SIZES = {16, 20, 22, 24, 32, 40, 44, 48, 64};

    private static final Map<String, BufferedImage> LOADED = new ConcurrentHashMap<>();

    private TrayIcons() {}

    /** The colour icon at exactly {@code size} pixels. */
    public static BufferedImage render(TrayState state, int size, int frame) {
        int source = SIZES[SIZES.length - 1];
        for (int candidate : SIZES) {
            if (candidate >= size) {
                source = candidate;
                break;
            }
        }
        BufferedImage image = load("icons/tray/" + name(state, frame) + "-" + source + ".png");
        return source == size ? image : scaled(image, size);
    }

    /**
     * The macOS menu-bar template image (black and alpha; the system tints it), 18 points:
     * 36 pixels when {@code retina}, else 18.
     */
    public static BufferedImage template(TrayState state, int frame, boolean retina) {
        return load("icons/tray-template/" + name(state, frame) + "Template" + (retina ? "@2x" : "") + ".png");
    }

    static String name(TrayState state, int frame) {
        String name = state.name().toLowerCase(Locale.ROOT);
        return state == TrayState.SYNCING ? name + "-" + Math.floorMod(frame, FRAMES) : name;
    }

    private static BufferedImage load(String resource) {
        return LOADED.computeIfAbsent(resource, r -> {
            try (InputStream in = TrayIcons.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("the build is missing the icon " + r + " (icons/render.sh makes it)");
                }
                return ImageIO.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static BufferedImage scaled(BufferedImage image, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
