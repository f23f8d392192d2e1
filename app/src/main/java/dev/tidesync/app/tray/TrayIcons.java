package dev.tidesync.app.tray;

import dev.tidesync.app.status.TrayState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws the tray icon for a state at the exact pixel size asked for, so it is crisp at 16 px
 * and on HiDPI alike (no scaling of one bitmap). A disc in the state's color with two tide
 * waves; a badge where the user is needed. Syncing moves the waves (frames 0..FRAMES-1).
 */
public final class TrayIcons {

    public static final int FRAMES = 8;

    private TrayIcons() {}

    public static Color color(TrayState state) {
        return switch (state) {
            case SYNCED -> new Color(0x0E, 0x9F, 0x8E);
            case SYNCING -> new Color(0x2F, 0x7B, 0xE0);
            case PAUSED -> new Color(0x86, 0x8E, 0x99);
            case OFFLINE -> new Color(0x5E, 0x6B, 0x7D);
            case ERROR -> new Color(0xD6, 0x3B, 0x3B);
            case ATTENTION -> new Color(0xE5, 0x9A, 0x10);
        };
    }

    public static BufferedImage render(TrayState state, int size, int frame) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double inset = Math.max(0.5, size / 32.0);
            double d = size - 2 * inset;
            g.setColor(color(state));
            g.fill(new Ellipse2D.Double(inset, inset, d, d));
            drawWaves(g, state, size, frame);
            if (state == TrayState.ATTENTION || state == TrayState.ERROR) {
                drawBadge(g, state, size);
            }
            if (state == TrayState.PAUSED) {
                drawPauseBars(g, size);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawWaves(Graphics2D g, TrayState state, int size, int frame) {
        float stroke = Math.max(1.4f, size / 11f);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(state == TrayState.OFFLINE ? new Color(255, 255, 255, 150) : Color.WHITE);
        double phase = state == TrayState.SYNCING ? 2 * Math.PI * frame / FRAMES : 0;
        for (int i = 0; i < 2; i++) {
            double y = size * (0.42 + i * 0.2);
            Path2D wave = new Path2D.Double();
            double left = size * 0.22;
            double right = size * 0.78;
            int steps = Math.max(8, size);
            for (int s = 0; s <= steps; s++) {
                double x = left + (right - left) * s / steps;
                double dy = Math.sin((x - left) / (right - left) * 2 * Math.PI + phase + i * 0.9) * size * 0.06;
                if (s == 0) {
                    wave.moveTo(x, y + dy);
                } else {
                    wave.lineTo(x, y + dy);
                }
            }
            g.draw(wave);
        }
    }

    /** A white-ringed dot in the corner: readable even at 16 px. */
    private static void drawBadge(Graphics2D g, TrayState state, int size) {
        double r = size * 0.36;
        double x = size - r - 0.5;
        double y = 0.5;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(x - 1, y - 1 + 0.0, r + 2, r + 2));
        g.setColor(state == TrayState.ATTENTION ? new Color(0xB4, 0x23, 0x18) : new Color(0x7A, 0x12, 0x12));
        g.fill(new Ellipse2D.Double(x, y, r, r));
    }

    private static void drawPauseBars(Graphics2D g, int size) {
        g.setColor(new Color(0x3C, 0x41, 0x48));
        double w = Math.max(1.5, size * 0.1);
        double h = size * 0.34;
        double y = size - h - size * 0.04;
        g.fill(new java.awt.geom.RoundRectangle2D.Double(size * 0.64, y, w, h, w, w));
        g.fill(new java.awt.geom.RoundRectangle2D.Double(size * 0.64 + w * 1.8, y, w, h, w, w));
    }
}
