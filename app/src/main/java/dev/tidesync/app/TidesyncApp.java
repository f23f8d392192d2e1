package dev.tidesync.app;

import dev.tidesync.app.alerts.AlertPresenter;
import dev.tidesync.app.alerts.Incidents;
import dev.tidesync.app.feed.StatusFeed;
import dev.tidesync.autostart.AutoStart;
import dev.tidesync.app.os.DesktopNotifier;
import dev.tidesync.app.os.FreedesktopNotifier;
import dev.tidesync.app.os.FxTray;
import dev.tidesync.app.os.LaunchCommand;
import dev.tidesync.app.os.Tray;
import dev.tidesync.app.os.TrayMessageNotifier;
import dev.tidesync.autostart.AutoStarts;
import dev.tidesync.app.status.StatusPanel;
import dev.tidesync.app.status.StatusViewModel;
import dev.tidesync.app.tray.TrayPresenter;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Settings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlServer;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.host.EngineHost;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.sync.Host;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray app: hosts the engine in-process (the same {@link EngineHost} as `tidesync run`) and
 * shows its state. Everything the user sees reads the {@link StatusViewModel}; the engine knows
 * nothing of this class.
 */
public final class TidesyncApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TidesyncApp.class);

    private final Clock clock = Clock.systemDefaultZone();
    private final Map<String, String> environment = System.getenv();
    private EngineHost host;
    private StatusFeed feed;
    private Windows windows;
    private Tray tray;
    private TrayPresenter trayPresenter;

    @Override
    public void start(Stage primary) {
        Platform.setImplicitExit(false);
        TidesyncHome home = TidesyncHome.resolve(Optional.empty());
        Settings settings;
        try {
            settings = new ConfigStore(home.configFile()).load().settings();
        } catch (ConfigException e) {
            failAtStart("Tidesync cannot read its settings", e.getMessage() + ". Fix the file (or delete it to start over), then start Tidesync again.");
            return;
        }
        Theme.apply(settings.desktop().theme());
        windows = new Windows(primary);
        StatusViewModel model = new StatusViewModel(clock);
        AtomicReference<EngineHost> hostRef = new AtomicReference<>();
        AtomicReference<AlertPresenter> alerts = new AtomicReference<>();
        feed = new StatusFeed(() -> hostRef.get() == null ? settings : hostRef.get().engine().settings(),
                new dev.tidesync.journal.Journal(home, settings.history(), clock), clock, snapshot -> Platform.runLater(() -> {
                    model.show(snapshot.rows(), snapshot.globallyPaused());
                    if (trayPresenter != null) {
                        trayPresenter.globallyPaused(snapshot.globallyPaused());
                    }
                    if (alerts.get() != null) {
                        alerts.get().rows(snapshot.rows());
                    }
                }), 250);
        try {
            host = EngineHost.start(home, environment, clock, List.of(feed), Optional.of(() -> Platform.runLater(() -> windows.showPanel())));
        } catch (ControlServer.AlreadyRunning e) {
            failAtStart("Tidesync is already running", "Another Tidesync (the tray app or `tidesync run`) is running for this user; "
                    + "use that one, or stop it first.");
            return;
        } catch (ConfigException e) {
            failAtStart("Tidesync cannot read its settings", e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            failAtStart("Tidesync could not start", e.getMessage());
            return;
        }
        hostRef.set(host);
        LOG.info("remotes are reached through {}", host.transport());

        tray = FxTray.create(primary).orElse(null);
        AutoStart autoStart = autoStart();
        AppController actions = new AppController(host, feed, windows, getHostServices(), autoStart, clock, environment, this::quit);
        windows.statusPanel(new StatusPanel(model, actions), tray == null, this::quit);
        DesktopNotifier desktop = desktopNotifier();
        alerts.set(new AlertPresenter(windows.owner(), desktop, actions, () -> host.engine().settings().desktop().notifications()));
        feed.forwardEvents(event -> onEvent(event, actions, alerts.get()));
        if (tray != null) {
            trayPresenter = new TrayPresenter(tray, model, actions, clock);
            trayPresenter.start();
            tray.onOpen(windows::togglePanel);
        } else {
            LOG.info("no system tray here: the status panel is the main window");
            windows.showPanel();
        }
        LOG.info("notifications: {}", desktop.describe());
        feed.start(30);
        // Asked once AWT's tray has settled: a GTK window opened while AWT is still starting its
        // X connection crashed the process on Xvfb (Gdk "XSetErrorHandler() called with a GDK error trap pushed").
        PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(3));
        settle.setOnFinished(e -> new FirstRun(home.stateDir(), clock).offerAutoStart(autoStart, windows::ask, windows::error));
        settle.play();
    }

    /** Live history and "changes came in" news; incidents come from the rows. */
    private void onEvent(EngineEvent event, AppController actions, AlertPresenter alerts) {
        if (event instanceof EngineEvent.SyncFinished f) {
            HistoryRecord record = HistoryRecord.of(f.outcome(), Host.name());
            String notifications = host.engine().settings().desktop().notifications();
            Platform.runLater(() -> {
                actions.recorded(record);
                Incidents.pulled(f.outcome().repository(), f.outcome().name(), f.outcome().commitsIn(), notifications).ifPresent(alerts::raise);
            });
        }
    }

    private DesktopNotifier desktopNotifier() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return tray == null ? DesktopNotifier.NONE : new TrayMessageNotifier(tray);
        }
        return FreedesktopNotifier.find(environment).orElseGet(() -> tray == null ? DesktopNotifier.NONE : new TrayMessageNotifier(tray));
    }

    private AutoStart autoStart() {
        return AutoStarts.forSystem(System.getProperty("os.name", ""), environment, System.getProperty("user.home"), LaunchCommand.current());
    }


    private void failAtStart(String title, String sentence) {
        LOG.error("{}: {}", title, sentence);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, sentence);
        alert.setTitle("Tidesync");
        alert.setHeaderText(title);
        alert.showAndWait();
        Platform.exit();
    }

    private void quit() {
        if (trayPresenter != null) {
            trayPresenter.stop();
        }
        if (tray != null) {
            tray.close();
        }
        if (windows != null) {
            windows.closeAll();
        }
        Thread.ofPlatform().name("tidesync-quit").start(() -> {
            if (feed != null) {
                feed.close();
            }
            if (host != null) {
                host.stop(Duration.ofSeconds(8)); // running syncs finish; an interrupted one is safe anyway
            }
            Platform.exit();
            System.exit(0);
        });
    }

    @Override
    public void stop() {
        if (host != null) {
            host.close();
        }
    }
}
