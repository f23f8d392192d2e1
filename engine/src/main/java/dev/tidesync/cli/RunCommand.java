package dev.tidesync.cli;

import dev.tidesync.config.ConfigException;
import dev.tidesync.control.ControlServer;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.engine.EngineEvent.Level;
import dev.tidesync.engine.EventLog;
import dev.tidesync.host.EngineHost;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The engine in the foreground, headless: watchers, timers, the control socket. SIGTERM/SIGINT stop it cleanly. */
@Command(name = "run", description = "Run the engine in the foreground: watch every repository and sync by itself. Stop with Ctrl-C or SIGTERM.")
final class RunCommand implements Callable<Integer> {

    /** How long a stop waits for running syncs before leaving (the contract allows 10 s in all). */
    static final Duration GRACE = Duration.ofSeconds(8);

    @ParentCommand
    TidesyncCommand root;

    @Override
    public Integer call() throws Exception {
        Services services = root.services();
        services.settings(); // an invalid config ends here with its line and column
        var home = services.home();
        var clock = services.environment().clock();
        ZoneId zone = clock.getZone();
        EventLog log = new EventLog(System.err, home.logsDir(), root.verbose ? Level.DEBUG : Level.INFO, zone);
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onStop(stop::countDown); // before anything starts, so an early SIGTERM still stops cleanly
        try {
            EngineHost host;
            try {
                host = EngineHost.start(home, services.environment().env(), clock, List.of(log), Optional.empty());
            } catch (ControlServer.AlreadyRunning e) {
                throw new CliError(ExitCodes.FAILED, e.getMessage());
            } catch (ConfigException e) {
                throw CliError.usage(e.getMessage());
            }
            log.onEvent(new EngineEvent.Notice(clock.instant(), "tidesync", Level.INFO, "remotes are reached through " + host.transport()));
            stop.await();
            log.onEvent(new EngineEvent.Notice(clock.instant(), "tidesync", Level.INFO, "stopping"));
            boolean clean = host.stop(GRACE);
            log.onEvent(new EngineEvent.Notice(clock.instant(), "tidesync", Level.INFO, clean ? "stopped"
                    : "stopped while a sync was still running; it is finished safely on the next start"));
        } finally {
            log.close();
        }
        return ExitCodes.OK;
    }

    /** SIGTERM and SIGINT end `run` with exit 0 after a clean stop, not with the JVM's 143/130. */
    static final class Signals {
        private Signals() {}

        static void onStop(Runnable stop) {
            for (String name : new String[] {"TERM", "INT", "HUP"}) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    // This platform has no such signal (Windows: no TERM/HUP); the shutdown hook below still stops cleanly.
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "tidesync-stop"));
        }
    }
}
