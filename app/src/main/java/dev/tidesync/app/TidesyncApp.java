package dev.tidesync.app;

import dev.tidesync.app.actions.AppController;
import dev.tidesync.app.actions.HostedEngine;
import dev.tidesync.app.alerts.AlertPresenter;
import dev.tidesync.app.alerts.DesktopNotifier;
import dev.tidesync.app.alerts.Incidents;
import dev.tidesync.app.feed.StatusFeed;
import dev.tidesync.app.os.notify.DbusNotifier;
import dev.tidesync.app.os.power.CostPause;
import dev.tidesync.app.os.power.CostWatch;
import dev.tidesync.app.os.LaunchCommand;
import dev.tidesync.app.os.TrayChoice;
import dev.tidesync.app.os.TrayMessageNotifier;
import dev.tidesync.app.status.StatusPanel;
import dev.tidesync.app.status.StatusViewModel;
import dev.tidesync.app.status.TrayState;
import dev.tidesync.app.tray.MenuEntry;
import dev.tidesync.app.tray.Tray;
import dev.tidesync.app.tray.TrayPresenter;
import dev.tidesync.autostart.AutoStart;
import dev.tidesync.autostart.AutoStarts;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Settings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlServer;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.host.EngineHost;
import dev.tidesync.io.OperatingSystem;
import dev.tidesync.app.os.sni.SniTray;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.io.MachineName;
import dev.tidesync.trigger.SystemScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray app: hosts the engine in-process (the same {@link EngineHost} as `tidesync run`) and
 * shows its state. The tray icon comes first; the engine starts on a background thread (it walks
 * every work tree to watch it), and the views render what it publishes. The engine knows
 * nothing of this class.
 */
public final class TidesyncApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TidesyncApp.class);

    private final Clock clock = Clock.systemDefaultZone();
    private final Map<String, String> environment = System.getenv();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final SystemScheduler timers = new SystemScheduler(clock);
    private final StatusViewModel model = new StatusViewModel(clock);
    private volatile EngineHost host;
    private Windows windows;
    private Tray tray;
    private TrayPresenter trayPresenter;
    private AlertPresenter alerts;
    /** What syncing costs now (Linux); null where it cannot be read. */
    private volatile CostWatch costs;
    private AppController actions;
    private boolean quitting;

    @Override
    public void start(Stage primary) {
        Platform.setImplicitExit(false);
        TidesyncHome home = TidesyncHome.resolve(Optional.empty());
        TrayChoice choice = Launcher.trayChoice != null ? Launcher.trayChoice : TrayChoice.decide(environment, OperatingSystem.current());
        windows = new Windows(primary, getHostServices());
        tray = choice.open(primary).orElse(null);
        if (tray != null) {
            LOG.info("tray: {} ({})", tray.describe(), choice.why());
            tray.show(TrayState.SYNCING, 0);
            tray.tooltip("Tidesync: starting");
            tray.menu(List.of(MenuEntry.info("Tidesync is starting…"), new MenuEntry.Separator(),
                    new MenuEntry.Item("Quit Tidesync", true, this::quit)));
        } else {
            LOG.info("no system tray here ({}): the status panel is the main window", choice.why());
        }
        background.execute(() -> startEngine(home));
    }

    /** Off the FX thread: reads the settings, starts the engine (which walks every work tree), then wires the views. */
    private void startEngine(TidesyncHome home) {
        Settings settings;
        try {
            settings = new ConfigStore(home.configFile()).load().settings();
        } catch (ConfigException e) {
            failAtStart("Tidesync cannot read its settings", e.getMessage() + ". Fix the file (or delete it to start over), then start Tidesync again.");
            return;
        }
        boolean dark = Theme.dark(settings.desktop().theme());
        StatusFeed feed = new StatusFeed(timers, Duration.ofMillis(250), snapshot -> Platform.runLater(() -> {
            model.show(snapshot.rows(), snapshot.globallyPaused(), snapshot.costPause());
            model.channel(snapshot.channel());
            if (trayPresenter != null) {
                trayPresenter.globallyPaused(snapshot.globallyPaused());
            }
            if (alerts != null) {
                alerts.rows(snapshot.rows());
            }
        }));
        feed.forwardEvents(this::onEvent);
        try {
            host = EngineHost.start(home, environment, clock, List.of(feed), Optional.of(new EngineHost.Frontend(
                    () -> Platform.runLater(() -> windows.showPanel(Optional.empty())),
                    () -> tray == null ? "no tray: its status panel is the main window" : "its icon: " + tray.describe())));
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
        LOG.info("remotes are reached through {}", host.transport());
        EngineHost started = host;
        Platform.runLater(() -> ready(home, started, dark));
    }

    /** On the FX thread, once the engine runs: the panel, the menu, alerts, the first-run question. */
    private void ready(TidesyncHome home, EngineHost engine, boolean dark) {
        if (quitting) {
            return;
        }
        Theme.apply(dark);
        AutoStart autoStart = AutoStarts.forSystem(OperatingSystem.current(), environment, System.getProperty("user.home"),
                LaunchCommand.current());
        actions = new AppController(new HostedEngine(engine, environment, clock), windows, autoStart, clock, this::quit, background,
                Platform::runLater, s -> background.execute(() -> {
                    boolean d = Theme.dark(s.desktop().theme());
                    Platform.runLater(() -> Theme.apply(d));
                    pauseIfCostly(engine);
                }));
        watchCosts(engine);
        windows.statusPanel(new StatusPanel(model, actions), tray == null, this::quit);
        DesktopNotifier desktop = desktopNotifier();
        alerts = new AlertPresenter(windows.owner(), desktop, actions, () -> engine.engine().settings().desktop().notifications());
        alerts.rows(model.rows());
        if (tray != null) {
            presentTray();
        } else {
            windows.showPanel(Optional.empty());
            awaitLateTray();
        }
        LOG.info("notifications: {}", desktop.describe());
        // Asked a little later, once the tray has settled and the first syncs have started.
        PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(3));
        settle.setOnFinished(e -> new FirstRun(home.stateDir(), clock, background, Platform::runLater).offerAutoStart(autoStart, windows::ask, windows::error));
        settle.play();
    }

    /**
     * On Linux, UPower and NetworkManager on the system bus say when syncing costs (on battery, a
     * metered network); desktop.pauseWhen says whether to wait then. Elsewhere Java cannot read
     * either (docs/configuration.md), and syncing never waits for them.
     */
    private void watchCosts(EngineHost engine) {
        if (!OperatingSystem.current().isUnixDesktop()) {
            return;
        }
        background.execute(() -> {
            costs = CostWatch.connect(CostWatch.systemBus(environment), c -> pauseIfCostly(engine)).orElse(null);
            pauseIfCostly(engine);
        });
    }

    private void pauseIfCostly(EngineHost engine) {
        CostWatch watch = costs;
        if (watch != null) {
            engine.engine().pauseWhileCostly(CostPause.why(engine.engine().settings().desktop(), watch.now()));
        }
    }

    private void presentTray() {
        trayPresenter = new TrayPresenter(tray, model, actions, clock);
        trayPresenter.start();
        tray.onOpen(windows::togglePanel);
    }

    /**
     * No tray when the app started, but a session bus: at login the panel may come up after the
     * app. Its StatusNotifierWatcher is awaited in the background for a while, and the icon appears
     * when it does; the status panel stays the window until then.
     */
    private void awaitLateTray() {
        if (!OperatingSystem.current().isUnixDesktop() || environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank()) {
            return;
        }
        background.execute(() -> SniTray.connect(environment, LATE_TRAY_WAIT).ifPresent(sni -> Platform.runLater(() -> {
            if (quitting || tray != null) {
                sni.close();
                return;
            }
            tray = sni;
            LOG.info("tray: {} (its watcher appeared after the app started)", tray.describe());
            windows.trayArrived();
            presentTray();
        })));
    }

    /** How long a tray that is late at login is waited for. */
    private static final Duration LATE_TRAY_WAIT = Duration.ofMinutes(3);

    /** Live history and "changes came in" news; incidents come from the rows. Called on engine threads. */
    private void onEvent(EngineEvent event) {
        if (event instanceof EngineEvent.SyncFinished f && host != null) {
            HistoryRecord record = HistoryRecord.of(f.outcome(), MachineName.name());
            var settings = host.engine().settings();
            // A silent trigger's news stays unsaid; its problems still come as incidents from the rows.
            String notifications = settings.triggers().silent(f.outcome().trigger()) ? "problems" : settings.desktop().notifications();
            Platform.runLater(() -> {
                if (actions != null) {
                    actions.recorded(record);
                }
                if (alerts != null) {
                    Incidents.pulled(f.outcome().repository(), f.outcome().name(), f.outcome().commitsIn(), notifications).ifPresent(alerts::raise);
                }
            });
        }
    }

    private DesktopNotifier desktopNotifier() {
        OperatingSystem os = OperatingSystem.current();
        if (!os.isUnixDesktop()) {
            return tray == null || !tray.showsMessages() ? DesktopNotifier.NONE : new TrayMessageNotifier(tray);
        }
        // Where no notification server runs, alerts come as the app's own popup (AlertPresenter asks at each alert).
        return DbusNotifier.connect(environment).<DesktopNotifier>map(n -> n).orElse(DesktopNotifier.NONE);
    }

    private void failAtStart(String title, String sentence) {
        LOG.error("{}: {}", title, sentence);
        Platform.runLater(() -> {
            if (tray != null) {
                tray.close();
            }
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, sentence);
            alert.setTitle("Tidesync");
            alert.setHeaderText(title);
            alert.showAndWait();
            Platform.exit();
            System.exit(1);
        });
    }

    private void quit() {
        if (quitting) {
            return;
        }
        quitting = true;
        if (costs != null) {
            costs.close();
        }
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
            if (host != null) {
                host.stop(Duration.ofSeconds(8)); // running syncs finish; an interrupted one is safe anyway
            }
            timers.close();
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
