package dev.tidesync.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.status.TrayState;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TrayIconsTest {

    @Test
    void everyStateIsDrawnAtTheExactSizeInItsOwnColor() {
        for (int size : new int[] {16, 22, 32, 64}) {
            for (TrayState state : TrayState.values()) {
                BufferedImage icon = TrayIcons.render(state, size, 0);

                assertThat(icon.getWidth()).isEqualTo(size);
                // left of center, between the waves: the disc's own color
                Color pixel = new Color(icon.getRGB(size / 5 + 1, size / 2 + size / 10), true);
                assertThat(distance(pixel, TrayIcons.color(state))).as("%s at %d px", state, size).isLessThan(60);
                assertThat(new Color(icon.getRGB(0, size - 1), true).getAlpha()).as("corners stay transparent").isLessThan(40);
            }
        }
    }

    @Test
    void statesThatNeedTheUserCarryABadgeTheOthersDoNot() {
        int size = 32;
        assertThat(badgePixel(TrayState.ATTENTION, size)).isNotEqualTo(badgePixel(TrayState.SYNCED, size));
        assertThat(new Color(TrayIcons.render(TrayState.SYNCED, size, 0).getRGB(size - 3, 3), true).getAlpha()).isLessThan(60);
    }

    @Test
    void syncingFramesMoveTheWavesOtherStatesStandStill() {
        assertThat(pixels(TrayIcons.render(TrayState.SYNCING, 32, 0))).isNotEqualTo(pixels(TrayIcons.render(TrayState.SYNCING, 32, 3)));
        assertThat(pixels(TrayIcons.render(TrayState.SYNCED, 32, 0))).isEqualTo(pixels(TrayIcons.render(TrayState.SYNCED, 32, 3)));
    }

    private static int badgePixel(TrayState state, int size) {
        return TrayIcons.render(state, size, 0).getRGB(size - 5, 5);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2) + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

}
