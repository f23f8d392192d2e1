package dev.tidesync.app.tray;

import dev.tidesync.app.actions.AppActions;
import dev.tidesync.app.status.StatusViewModel;
import dev.tidesync.app.status.TrayState;
import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Keeps the tray icon, tooltip and menu in step with the status model. The syncing animation
 * runs at 4 frames a second and only while something syncs; the menu is re-read every 30 s so
 * "synced 2 min ago" stays true, and redrawn only when its text changed.
 */
public final class TrayPresenter {

    private final Tray tray;
    private final StatusViewModel model;
    private final AppActions actions;
    private final Clock clock;
    private final Timeline animation;
    private final Timeline clockTick;
    private int frame;
    private boolean globallyPaused;
    private String headline = "";

    public TrayPresenter(Tray tray, StatusViewModel model, AppActions actions, Clock clock) {
        this.tray = tray;
        this.model = model;
        this.actions = actions;
        this.clock = clock;
        this.animation = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            frame = (frame + 1) % TrayIcons.FRAMES;
            tray.show(TrayState.SYNCING, frame);
        }));
        animation.setCycleCount(Timeline.INDEFINITE);
        this.clockTick = new Timeline(new KeyFrame(Duration.seconds(30), e -> refreshMenu()));
        clockTick.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        model.trayStateProperty().subscribe(this::showState);
        model.tooltipProperty().subscribe(t -> {
            tray.tooltip(t);
            if (!model.headline().equals(headline)) {
                refreshMenu(); // the headline changed with it (a pause while on battery begins or ends)
            }
        });
        model.rows().subscribe(this::refreshMenu);
        clockTick.play();
    }

    /** The global pause is not in the rows; the app says when it changes. */
    public void globallyPaused(boolean paused) {
        if (paused != globallyPaused) {
            globallyPaused = paused;
            refreshMenu();
        }
    }

    private void showState(TrayState state) {
        if (state == TrayState.SYNCING) {
            tray.show(state, frame);
            animation.play();
        } else {
            animation.stop();
            frame = 0;
            tray.show(state, 0);
        }
        refreshMenu();
    }

    private void refreshMenu() {
        headline = model.headline();
        tray.menu(TrayMenu.build(model.rows(), model.headline(), globallyPaused, clock.instant(), actions));
    }

    public void stop() {
        animation.stop();
        clockTick.stop();
    }
}
