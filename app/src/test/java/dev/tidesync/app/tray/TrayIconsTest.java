package dev.tidesync.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.status.TrayState;
import java.awt.Color;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Icons are decoded by JavaFX (no AWT in the Linux tray), so the toolkit runs for these specs. */
class TrayIconsTest {

    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** The disc colours of icons/src/generate-tray.py. */
    private static final Map<TrayState, Color> DISC = Map.of(
            TrayState.SYNCED, new Color(0x0E9F8E), TrayState.SYNCING, new Color(0x2F7BE0),
            TrayState.PAUSED, new Color(0x868E99), TrayState.OFFLINE, new Color(0x5E6B7D),
            TrayState.ERROR, new Color(0xD63B3B), TrayState.ATTENTION, new Color(0xE59A10));

    @Test
    void everyStateComesAtEverySizeATrayAsksForInItsOwnColour() {
        for (int size : new int[] {16, 18, 22, 24, 30, 32, 48, 64, 96}) {
            for (TrayState state : TrayState.values()) {
                IconImage icon = TrayIcons.render(state, size, 0);

                assertThat(icon.width()).isEqualTo(size);
                assertThat(icon.height()).isEqualTo(size);
                // on the disc above the waves: the state's colour
                Color pixel = new Color(icon.pixel(size * 3 / 8, size * 3 / 16), true);
                assertThat(distance(pixel, DISC.get(state))).as("%s at %d px", state, size).isLessThan(60);
                assertThat(new Color(icon.pixel(0, size - 1), true).getAlpha()).as("corners stay transparent").isLessThan(40);
            }
        }
    }

    @Test
    void statesThatNeedTheUserCarryABadgeTheOthersDoNot() {
        int size = 32;
        assertThat(alphaAtBadge(TrayIcons.render(TrayState.ATTENTION, size, 0))).isGreaterThan(200);
        assertThat(alphaAtBadge(TrayIcons.render(TrayState.ERROR, size, 0))).isGreaterThan(200);
        assertThat(alphaAtBadge(TrayIcons.render(TrayState.SYNCED, size, 0))).isLessThan(60);
        assertThat(pixels(TrayIcons.render(TrayState.ERROR, size, 0))).as("error and attention differ in more than colour")
                .isNotEqualTo(pixels(TrayIcons.render(TrayState.ATTENTION, size, 0)));
    }

    @Test
    void syncingFramesMoveTheWavesAndComeRoundAgainOtherStatesStandStill() {
        assertThat(pixels(TrayIcons.render(TrayState.SYNCING, 22, 0))).isNotEqualTo(pixels(TrayIcons.render(TrayState.SYNCING, 22, 3)));
        assertThat(pixels(TrayIcons.render(TrayState.SYNCING, 22, TrayIcons.FRAMES + 3)))
                .isEqualTo(pixels(TrayIcons.render(TrayState.SYNCING, 22, 3)));
        assertThat(pixels(TrayIcons.render(TrayState.SYNCED, 22, 0))).isEqualTo(pixels(TrayIcons.render(TrayState.SYNCED, 22, 3)));
    }

    @Test
    void macOsTemplatesAreBlackWithAlphaAtOneAndTwoTimesEighteenPoints() {
        for (TrayState state : TrayState.values()) {
            IconImage normal = TrayIcons.template(state, 1, false);
            IconImage retina = TrayIcons.template(state, 1, true);

            assertThat(normal.width()).isEqualTo(18);
            assertThat(retina.width()).isEqualTo(36);
            for (int rgb : pixels(retina)) {
                Color c = new Color(rgb, true);
                assertThat(c.getAlpha() == 0 || c.getRed() + c.getGreen() + c.getBlue() == 0).as("%s is black ink only", state).isTrue();
            }
        }
    }

    private static int alphaAtBadge(IconImage icon) {
        return new Color(icon.pixel(icon.width() - 3, 3), true).getAlpha(); // outside the disc, inside the badge
    }

    private static int[] pixels(IconImage image) {
        return image.argb();
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2) + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
