package dev.tidesync.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * How big a window opens: the size asked for, or more where the content needs more (a larger
 * font, a 200 % scale), never more than the screen; and never smaller than its content's minimum.
 */
final class WindowSize {

    private static final double SCREEN_MARGIN = 40;

    private WindowSize() {}

    /** Sizes {@code stage} for {@code root}, which must already be in the stage's scene. */
    static void fit(Stage stage, Parent root, double width, double height, Rectangle2D screen) {
        root.applyCss();
        root.layout();
        double maxW = screen.getWidth() - SCREEN_MARGIN;
        double maxH = screen.getHeight() - SCREEN_MARGIN;
        double w = Math.min(Math.max(Math.max(width, root.prefWidth(-1)), root.minWidth(-1)), maxW);
        double h = Math.min(Math.max(Math.max(height, root.prefHeight(w)), root.minHeight(w)), maxH);
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setMinWidth(Math.min(root.minWidth(-1), maxW));
        stage.setMinHeight(Math.min(root.minHeight(w), maxH));
    }
}
